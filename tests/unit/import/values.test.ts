import { describe, expect, it } from 'vitest';
import { parseAmount, parseAmountOrRange, parseWholeNumber } from '../../../shared/import';

const cny = { currency: 'CNY' };
const value = (raw: string, opts: Parameters<typeof parseAmount>[1] = cny) => {
  const r = parseAmount(raw, opts);
  return r.ok ? r.value : r.key;
};

describe('amounts', () => {
  it('reads plain, grouped and decimal numbers', () => {
    expect(value('1200000')).toBe(1_200_000);
    expect(value('1,200,000')).toBe(1_200_000);
    expect(value('1 200 000')).toBe(1_200_000);
    expect(value('1200000.50')).toBe(1_200_000.5);
    expect(value('.5')).toBe(0.5);
    expect(value('1.2e6')).toBe(1_200_000);
    expect(value('0')).toBe(0);
  });

  it('reads Chinese and English units exactly (no floating-point noise)', () => {
    expect(value('120万')).toBe(1_200_000);
    expect(value('1.23万')).toBe(12_300);
    expect(value('0.07万')).toBe(700);
    expect(value('1.2亿')).toBe(120_000_000);
    expect(value('2千万')).toBe(20_000_000);
    expect(value('5百万')).toBe(5_000_000);
    expect(value('3千')).toBe(3_000);
    expect(value('850K')).toBe(850_000);
    expect(value('1.2M')).toBe(1_200_000);
    expect(value('1.5bn')).toBe(1_500_000_000);
  });

  it('accepts the plan currency as symbol, code or 元, and full-width characters', () => {
    expect(value('¥1,200,000')).toBe(1_200_000);
    expect(value('￥１２０万')).toBe(1_200_000);
    expect(value('CNY 1,200,000')).toBe(1_200_000);
    expect(value('120万元')).toBe(1_200_000);
    expect(value('RMB 5M')).toBe(5_000_000);
    expect(value('CN¥1.2亿')).toBe(120_000_000);
  });

  it('refuses another currency instead of converting', () => {
    const r = parseAmount('$1,200', cny);
    expect(r).toEqual({ ok: false, key: 'import.problem.currency', params: { value: '$1,200', found: '$', currency: 'CNY' } });
    expect(value('$1,200', { currency: 'USD' })).toBe(1200);
    expect(value('EUR 5', cny)).toBe('import.problem.currency');
  });

  it('refuses grouping that could be read two ways', () => {
    expect(value('1,20')).toBe('import.problem.badGrouping');
    expect(value('1,5')).toBe('import.problem.badGrouping');
    expect(value('12,34,567')).toBe('import.problem.badGrouping');
  });

  it('swaps separators for a decimal-comma (European) source', () => {
    const eu = { currency: 'EUR', decimalComma: true };
    expect(value('1.200.000,50', eu)).toBe(1_200_000.5);
    expect(value('300,5', eu)).toBe(300.5);
    expect(value('€ 1.200', eu)).toBe(1200);
    expect(value('1.5', eu)).toBe('import.problem.badGrouping');
  });

  it('reads a signed number as a number and refuses it when negative', () => {
    expect(value('-1200')).toBe('import.problem.negative');
    expect(value('(1,200)')).toBe('import.problem.negative');
    expect(value('¥-5')).toBe('import.problem.negative');
    expect(value('+1200')).toBe(1200);
    expect(value('-0')).toBe(0);
  });

  it('never evaluates a formula: it is an error in a number column', () => {
    expect(value('=SUM(A1:A3)')).toBe('import.problem.formula');
    expect(value('=1+2')).toBe('import.problem.formula');
    expect(value('@SUM(A1)')).toBe('import.problem.formula');
    expect(value('+A1*2')).toBe('import.problem.formula');
    expect(value('-A1')).toBe('import.problem.formula');
  });

  it('reports text as a bad number with the value in the message parameters', () => {
    expect(parseAmount('lots', cny)).toEqual({ ok: false, key: 'import.problem.badNumber', params: { value: 'lots' } });
    expect(value('-')).toBe('import.problem.badNumber');
    expect(value('#N/A')).toBe('import.problem.badNumber');
  });

  it('reads first-deal ranges "min / mode / max"', () => {
    expect(parseAmountOrRange('300万 / 600万 / 1500万', cny)).toEqual({ ok: true, value: { min: 3e6, mode: 6e6, max: 15e6 } });
    expect(parseAmountOrRange('5M', cny)).toEqual({ ok: true, value: 5e6 });
    expect(parseAmountOrRange('3/2/1', cny)).toMatchObject({ ok: false, key: 'import.problem.badRange' });
    expect(parseAmountOrRange('1/2', cny)).toMatchObject({ ok: false, key: 'import.problem.badRange' });
  });
});

describe('whole-number scores', () => {
  it('accepts integers in range, also "3.0"', () => {
    expect(parseWholeNumber('3', 1, 5)).toEqual({ ok: true, value: 3 });
    expect(parseWholeNumber(' 4.0 ', 0, 4)).toEqual({ ok: true, value: 4 });
    expect(parseWholeNumber('０', 0, 4)).toEqual({ ok: true, value: 0 });
  });
  it('refuses fractions, out-of-range values and formulas', () => {
    expect(parseWholeNumber('3.5', 1, 5)).toMatchObject({ ok: false, key: 'import.problem.scoreRange', params: { min: 1, max: 5 } });
    expect(parseWholeNumber('6', 1, 5)).toMatchObject({ ok: false, key: 'import.problem.scoreRange' });
    expect(parseWholeNumber('-1', 0, 4)).toMatchObject({ ok: false, key: 'import.problem.scoreRange' });
    expect(parseWholeNumber('=A1', 0, 4)).toMatchObject({ ok: false, key: 'import.problem.formula' });
  });
});
