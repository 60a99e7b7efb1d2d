// The range editor's logic: what a user types ↔ the stored Range, and the
// problems shown next to the inputs.
import { describe, expect, it } from 'vitest';
import {
  draftOf,
  invalidFields,
  parseDraft,
  parseNumberText,
  sameRange,
  withShape,
  type RangeDraft,
} from '../../renderer/components/rangeDraft';

const range = (min: string, mode: string, max: string): RangeDraft => ({ shape: 'range', fixed: mode, min, mode, max });
const fixed = (text: string): RangeDraft => ({ shape: 'fixed', fixed: text, min: text, mode: text, max: text });

describe('parseNumberText', () => {
  it('reads numbers as people type them in either language', () => {
    expect(parseNumberText('45', 'ratio')).toBe(45);
    expect(parseNumberText(' 45.5 % ', 'ratio')).toBe(45.5);
    expect(parseNumberText('４５％', 'ratio')).toBe(45);
    expect(parseNumberText('1,200,000', 'money')).toBe(1_200_000);
    expect(parseNumberText('1 200 000', 'money')).toBe(1_200_000);
    expect(parseNumberText('1，200', 'count')).toBe(1200);
    expect(parseNumberText('120万', 'money')).toBe(1_200_000);
    expect(parseNumberText('1.5亿', 'money')).toBe(150_000_000);
    expect(parseNumberText('.5', 'days')).toBe(0.5);
  });

  it('tells empty text from text that is not a number', () => {
    expect(parseNumberText('   ', 'days')).toBeNull();
    expect(parseNumberText('abc', 'days')).toBeNaN();
    expect(parseNumberText('1.2.3', 'days')).toBeNaN();
    // Units belong to their kind of value only.
    expect(parseNumberText('30%', 'days')).toBeNaN();
    expect(parseNumberText('5万', 'ratio')).toBeNaN();
    expect(parseNumberText('=1+1', 'money')).toBeNaN();
  });
});

describe('draftOf / parseDraft', () => {
  it('shows a conversion as a percentage and stores the fraction (45 → 0.45)', () => {
    expect(draftOf({ min: 0.35, mode: 0.45, max: 0.55 }, 'ratio')).toEqual(range('35', '45', '55'));
    expect(draftOf(0.07, 'ratio').fixed).toBe('7');
    expect(parseDraft(range('35', '45', '55'), 'ratio')).toEqual({ ok: true, value: { min: 0.35, mode: 0.45, max: 0.55 } });
    expect(parseDraft(fixed('14.3'), 'ratio')).toEqual({ ok: true, value: 0.143 });
  });

  it('round-trips every stored value unchanged', () => {
    for (const v of [0.45, 0.07, 0.333, 1, 0, { min: 0.1, mode: 0.29, max: 0.57 }]) {
      const back = parseDraft(draftOf(v, 'ratio'), 'ratio');
      expect(back).toEqual({ ok: true, value: v });
    }
    const money = { min: 300_000, mode: 900_000, max: 4_000_000 };
    expect(parseDraft(draftOf(money, 'money'), 'money')).toEqual({ ok: true, value: money });
  });

  it('reports min > max on the fields out of order and saves nothing', () => {
    const r = parseDraft(range('70', '50', '55'), 'ratio');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ code: 'order', fields: ['min', 'mode', 'max'] }]);
    const modeAbove = parseDraft(range('10', '60', '55'), 'days');
    expect(modeAbove.ok ? [] : [...invalidFields(modeAbove.problems)]).toEqual(['mode', 'max']);
  });

  it('keeps conversions within 0–100 % and days and money at or above 0', () => {
    expect(parseDraft(fixed('120'), 'ratio')).toEqual({ ok: false, problems: [{ code: 'aboveHigh', fields: ['fixed'], bound: 100 }] });
    expect(parseDraft(range('-1', '5', '9'), 'days')).toEqual({ ok: false, problems: [{ code: 'belowLow', fields: ['min'], bound: 0 }] });
    expect(parseDraft(fixed('-5'), 'money').ok).toBe(false);
    // A scenario multiplier may exceed 100 %.
    expect(parseDraft(fixed('120'), 'percent')).toEqual({ ok: true, value: 1.2 });
  });

  it('names each empty or unreadable field', () => {
    const r = parseDraft(range('', 'x', '9'), 'count');
    expect(r).toEqual({
      ok: false,
      problems: [
        { code: 'required', fields: ['min'] },
        { code: 'notNumber', fields: ['mode'], text: 'x' },
      ],
    });
  });
});

describe('withShape', () => {
  it('turns a fixed value into the range [v, v, v] and a range back into its mode', () => {
    const asRange = withShape(fixed('40'), 'range');
    expect(parseDraft(asRange, 'ratio')).toEqual({ ok: true, value: { min: 0.4, mode: 0.4, max: 0.4 } });
    expect(parseDraft(withShape(range('30', '40', '50'), 'fixed'), 'ratio')).toEqual({ ok: true, value: 0.4 });
  });
});

describe('sameRange', () => {
  it('compares fixed values and ranges by content', () => {
    expect(sameRange(0.4, 0.4)).toBe(true);
    expect(sameRange(0.4, { min: 0.4, mode: 0.4, max: 0.4 })).toBe(false);
    expect(sameRange({ min: 1, mode: 2, max: 3 }, { min: 1, mode: 2, max: 3 })).toBe(true);
    expect(sameRange({ min: 1, mode: 2, max: 3 }, { min: 1, mode: 2, max: 4 })).toBe(false);
  });
});
