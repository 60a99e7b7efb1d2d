// Phase coverage (gaps, overlaps), the reasons a phase edit would be refused,
// where a new phase goes, swapping phases in time, and value parsing — the
// pure functions behind the Phases and Goals & targets screens.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Phase, Plan } from '../../shared/plan/types';
import { computeCoverage, newPhaseSlot, nextStage, phaseProblem, phasesByDate, swapWithNeighbour, uniqueId } from '../../renderer/stores/planning/coverage';
import { editText, parseValue } from '../../renderer/stores/planning/values';

const demo = JSON.parse(readFileSync(new URL('../../resources/demo/demo.en.plan.json', import.meta.url), 'utf8')) as Plan;
const h = { startMonth: '2027-01', horizonMonths: 24 };
const ph = (id: string, start: string, end: string, stage: Phase['stage'] = 'entry'): Phase => ({ id, name: id.toUpperCase(), stage, start, end });

describe('computeCoverage', () => {
  it('finds the demo plan covered month for month, phases in date order', () => {
    const c = computeCoverage(demo.plan, [...demo.phases].reverse());
    expect(c.gaps).toEqual([]);
    expect(c.overlaps).toEqual([]);
    expect(c.spans.map((s) => [s.phase.id, s.number, s.from, s.to, s.months])).toEqual(
      [...demo.phases]
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((p, i) => {
          const from = (Number(p.start.slice(0, 4)) - 2027) * 12 + Number(p.start.slice(5)) - 1;
          const to = (Number(p.end.slice(0, 4)) - 2027) * 12 + Number(p.end.slice(5)) - 1;
          return [p.id, i + 1, from, to, to - from + 1];
        }),
    );
  });

  it('reports months before, between and after the phases as gaps', () => {
    const c = computeCoverage(h, [ph('a', '2027-03', '2027-06'), ph('b', '2027-09', '2028-10')]);
    expect(c.gaps.map((g) => [g.start, g.end])).toEqual([
      ['2027-01', '2027-02'],
      ['2027-07', '2027-08'],
      ['2028-11', '2028-12'],
    ]);
    expect(c.overlaps).toEqual([]);
  });

  it('reports the shared months of overlapping phases, earlier phase first', () => {
    const c = computeCoverage(h, [ph('late', '2027-05', '2027-12'), ph('early', '2027-01', '2027-06'), ph('inside', '2027-06', '2027-06')]);
    expect(c.overlaps.map((o) => [o.a.id, o.b.id, o.start, o.end])).toEqual([
      ['early', 'late', '2027-05', '2027-06'],
      ['early', 'inside', '2027-06', '2027-06'],
      ['late', 'inside', '2027-06', '2027-06'],
    ]);
    expect(c.gaps.map((g) => [g.start, g.end])).toEqual([['2028-01', '2028-12']]);
  });

  it('clips phases reaching outside the horizon instead of inventing months', () => {
    const c = computeCoverage(h, [ph('a', '2026-10', '2027-02'), ph('b', '2028-06', '2029-03')]);
    expect(c.gaps.map((g) => [g.start, g.end])).toEqual([['2027-03', '2028-05']]);
  });
});

describe('phaseProblem', () => {
  const phases = [ph('a', '2027-01', '2027-06'), ph('b', '2027-07', '2027-12')];
  it('names the phase it would overlap and the shared months', () => {
    expect(phaseProblem(h, phases, { ...phases[0]!, end: '2027-08' })).toEqual({
      kind: 'overlap',
      other: phases[1],
      start: '2027-07',
      end: '2027-08',
    });
  });
  it('accepts an edit that fits, and ignores the phase being replaced', () => {
    expect(phaseProblem(h, phases, { ...phases[0]!, end: '2027-05' })).toBeNull();
    expect(phaseProblem(h, phases, { ...phases[1]!, start: '2027-09' })).toBeNull();
  });
  it('refuses an end before the start and months outside the horizon', () => {
    expect(phaseProblem(h, phases, { ...phases[0]!, end: '2026-12' })).toEqual({ kind: 'endBeforeStart' });
    expect(phaseProblem(h, phases, { ...phases[1]!, end: '2029-01' })).toEqual({ kind: 'outsideHorizon', first: '2027-01', last: '2028-12' });
  });
});

describe('newPhaseSlot', () => {
  it('takes up to six free months right after the last phase, with the next stage', () => {
    expect(newPhaseSlot(h, [ph('a', '2027-01', '2027-06', 'entry')])).toMatchObject({ start: '2027-07', end: '2027-12', stage: 'breakthrough' });
    expect(newPhaseSlot(h, [ph('a', '2027-01', '2028-09', 'expansion')])).toMatchObject({ start: '2028-10', end: '2028-12', stage: 'consolidation' });
    expect(nextStage('consolidation')).toBe('consolidation');
    expect(newPhaseSlot(h, [])).toMatchObject({ start: '2027-01', end: '2027-06', stage: 'entry' });
  });
  it('falls back to the first gap, and answers null when every month is taken', () => {
    expect(newPhaseSlot(h, [ph('a', '2027-03', '2027-04'), ph('b', '2027-05', '2028-12', 'breakthrough')])).toMatchObject({
      start: '2027-01',
      end: '2027-02',
    });
    expect(newPhaseSlot(demo.plan, demo.phases)).toBeNull();
  });
});

describe('swapWithNeighbour', () => {
  it('swaps two adjacent phases in time, each keeping its length', () => {
    const phases = [ph('a', '2027-01', '2027-06'), ph('b', '2027-07', '2028-03'), ph('c', '2028-04', '2028-12')];
    const out = swapWithNeighbour(h, phases, 'b', -1)!;
    expect(out.map((p) => [p.id, p.start, p.end])).toEqual([
      ['b', '2027-01', '2027-09'],
      ['a', '2027-10', '2028-03'],
    ]);
    const merged = phases.map((p) => out.find((o) => o.id === p.id) ?? p);
    expect(computeCoverage(h, merged).overlaps).toEqual([]);
    expect(phasesByDate(merged).map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
  it('keeps a gap between the two where it was, and refuses to move past the ends', () => {
    const phases = [ph('a', '2027-01', '2027-03'), ph('b', '2027-06', '2027-07')];
    expect(swapWithNeighbour(h, phases, 'a', 1)!.map((p) => [p.id, p.start, p.end])).toEqual([
      ['b', '2027-01', '2027-02'],
      ['a', '2027-05', '2027-07'],
    ]);
    expect(swapWithNeighbour(h, phases, 'a', -1)).toBeNull();
    expect(swapWithNeighbour(h, phases, 'b', 1)).toBeNull();
  });
});

describe('uniqueId', () => {
  it('cleans a base into a valid id and numbers it when taken', () => {
    const taken = new Set(['li-na', 'li-na-2']);
    expect(uniqueId('Li Na', () => false)).toBe('Li-Na');
    expect(uniqueId('li na', (x) => taken.has(x))).toBe('li-na-3');
    expect(uniqueId('王丽', () => false)).toBe('item');
  });
});

describe('parseValue', () => {
  it('reads money as planners type it, in either language', () => {
    for (const text of ['16000000', '16,000,000', '1600万', '0.16亿', '16M', '16m', '16000k', 'CN¥16,000,000', '¥1,600万', ' 1 600万 '])
      expect(parseValue('money', text), text).toEqual({ ok: true, value: 16_000_000 });
  });
  it('reads rates as percentages and refuses what is not one', () => {
    expect(parseValue('rate', '68')).toEqual({ ok: true, value: 0.68 });
    expect(parseValue('rate', '12.5%')).toEqual({ ok: true, value: 0.125 });
    expect(parseValue('rate', '140')).toEqual({ ok: false, problem: 'overHundred' });
    expect(editText('rate', 0.68)).toBe('68');
  });
  it('says what is wrong with anything else', () => {
    expect(parseValue('count', '')).toEqual({ ok: false, problem: 'empty' });
    expect(parseValue('count', 'twelve')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseValue('days', '-3')).toEqual({ ok: false, problem: 'negative' });
    expect(parseValue('count', '=1+1')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseValue('count', '1万')).toEqual({ ok: false, problem: 'notANumber' });
  });
});
