// Calibration from deal history against figures computed by hand (see the
// comments) on a seven-deal history, and the doc's scaling rules.
import { describe, expect, it } from 'vitest';
import {
  actualsFromDeals,
  betaQuantile,
  readDeals,
  calibrate,
  calibrationEdits,
  conversionFactor,
  readDateColumn,
  ProblemCollector,
  resolveColumn,
  scaleStageDays,
  type CalibrationResult,
  type Suggestion,
} from '../../../shared/calibration';
import { COLUMNS, funnel, HISTORY, segment } from './helpers';

const byId = (r: CalibrationResult) => new Map<string, Suggestion>(r.suggestions.map((s) => [s.id, s]));
const run = (grid: string[][], extra: object = {}) => calibrate(grid, { columns: COLUMNS, currency: 'CNY', ...extra }, funnel, segment);

describe('Beta interval', () => {
  it('matches closed forms and a reference (scipy.stats.beta.ppf)', () => {
    // Beta(1,1) is uniform; Beta(a,1) has CDF x^a; Beta(2,2) has CDF 3x²−2x³.
    expect(betaQuantile(0.05, 1, 1)).toBeCloseTo(0.05, 12);
    expect(betaQuantile(0.95, 4, 1)).toBeCloseTo(Math.pow(0.95, 1 / 4), 12);
    expect(betaQuantile(0.05, 1, 3)).toBeCloseTo(1 - Math.pow(0.95, 1 / 3), 12);
    const x = betaQuantile(0.3, 2, 2);
    expect(3 * x * x - 2 * x * x * x).toBeCloseTo(0.3, 12);
    // scipy 1.17: beta.ppf(0.05, 5, 3), beta.ppf(0.95, 5, 3), beta.ppf(0.05, 31, 71), beta.ppf(0.95, 31, 71)
    expect(betaQuantile(0.05, 5, 3)).toBeCloseTo(0.341261436155336, 10);
    expect(betaQuantile(0.95, 5, 3)).toBeCloseTo(0.8712436071957572, 10);
    expect(betaQuantile(0.05, 31, 71)).toBeCloseTo(0.2315857846670348, 10);
    expect(betaQuantile(0.95, 31, 71)).toBeCloseTo(0.38065004806704367, 10);
  });
});

describe('dates', () => {
  const read = (texts: string[], order: 'mdy' | 'dmy' | null = null) => {
    const problems = new ProblemCollector();
    const r = readDateColumn(texts.map((text, i) => ({ line: i + 2, text })), 'Created', order, problems);
    return { ...r, problems: problems.list(), iso: r.days.map((d) => (d === null ? null : new Date(d * 86_400_000).toISOString().slice(0, 10))) };
  };
  it('reads ISO, yyyy/m/d, 年月日, d.m.yyyy and Excel serials', () => {
    expect(read(['2024-03-05', '2024-03-05T14:00:00Z', '2024-3-5 10:00']).iso).toEqual(['2024-03-05', '2024-03-05', '2024-03-05']);
    expect(read(['2024/3/5', '2024年3月5日']).iso).toEqual(['2024-03-05', '2024-03-05']);
    expect(read(['5.3.2024', '31.12.2023']).iso).toEqual(['2024-03-05', '2023-12-31']);
    expect(read(['45356', '45356.5']).iso).toEqual(['2024-03-05', '2024-03-05']);
  });
  it('decides m/d or d/m from the column, and asks when it cannot', () => {
    expect(read(['3/5/2024', '12/31/2023']).format).toBe('m/d/yyyy');
    expect(read(['3/5/2024', '12/31/2023']).iso).toEqual(['2024-03-05', '2023-12-31']);
    expect(read(['5/3/2024', '31/12/2023']).iso).toEqual(['2024-03-05', '2023-12-31']);
    const amb = read(['3/5/2024', '4/6/2024']);
    expect(amb.ambiguous).toBe(true);
    expect(amb.problems.map((p) => p.key)).toEqual(['calibration.problem.ambiguousDates']);
    expect(read(['3/5/2024', '4/6/2024'], 'dmy').iso).toEqual(['2024-05-03', '2024-06-04']);
    const both = read(['3/15/2024', '15/3/2024', '16/3/2024']);
    expect(both.problems[0]).toMatchObject({ key: 'calibration.problem.mixedDayMonth', lines: [3, 4], count: 2 });
  });
  it('refuses mixed formats and non-dates, naming rows', () => {
    const mixed = read(['2024-01-01', '2024-01-02', '1/3/2024', '2024-01-04']);
    expect(mixed.problems).toHaveLength(1);
    expect(mixed.problems[0]).toMatchObject({ key: 'calibration.problem.mixedDates', lines: [4], count: 1 });
    expect(mixed.problems[0]!.params.formats).toBe('yyyy-mm-dd (3), m/d/yyyy (1)');
    const bad = read(['2024-02-30', 'next week', '2024-01-01']);
    expect(bad.problems[0]).toMatchObject({ key: 'calibration.problem.badDate', lines: [2, 3], count: 2 });
  });
});

describe('figures of a small history', () => {
  it('win rate, cycle, deal size and monthly lead volume as computed by hand', () => {
    const r = run(HISTORY);
    expect(r.problems).toEqual([]);
    const f = r.figures!;
    expect(f.deals).toEqual({ total: 7, won: 4, lost: 2, open: 1 });
    // w = 4 / 6, interval from Beta(5, 3).
    expect(f.winRate!.value).toBeCloseTo(2 / 3, 12);
    expect(f.winRate!.low).toBeCloseTo(0.341261436155336, 9);
    expect(f.winRate!.high).toBeCloseTo(0.8712436071957572, 9);
    // Cycle days 10, 20, 30, 40 → type-7 quantiles 13, 25, 37.
    expect([f.cycle!.p10, f.cycle!.p50, f.cycle!.p90].map((x) => +x.toFixed(9))).toEqual([13, 25, 37]);
    expect(f.cycle!.evidence).toEqual({ n: 4, from: '2024-01-01', to: '2024-03-12' });
    // Won values 100…400 → 130, 250, 370 (the lost deal's 50 is not a deal size).
    expect([f.dealSize!.p10, f.dealSize!.p50, f.dealSize!.p90].map((x) => +x.toFixed(9))).toEqual([130, 250, 370]);
    // Jan 3, Feb 2, Mar 2 created (the span ends 2024-03-31, so March is full).
    expect(f.leadVolume!.months).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(f.leadVolume!.counts).toEqual([3, 2, 2]);
    expect([f.leadVolume!.p10, f.leadVolume!.p50, f.leadVolume!.p90].map((x) => +x.toFixed(9))).toEqual([2, 2, 2.8]);
  });

  it('a partial first or last month is left out of the lead volume', () => {
    const grid = HISTORY.map((r) => [...r]);
    grid[1]![1] = '2024-01-02'; // January no longer starts the span on its first day
    grid[6]![2] = '2024-03-30';
    const f = run(grid).figures!;
    expect(f.leadVolume!.months).toEqual(['2024-02']);
    expect(f.leadVolume!.counts).toEqual([2]);
  });

  it('suggests Ranges by the doc: common conversion factor, day points scaled and clamped, deal size and leads', () => {
    const s = byId(run(HISTORY));
    // Stages 1…2 have modes 0.8 and 0.6 (product 0.48): f = √((2/3)/0.48).
    const f = Math.sqrt(2 / 3 / 0.48);
    const c1 = s.get('stages.1.conversion')!.suggested as { min: number; mode: number; max: number };
    expect(c1.mode).toBeCloseTo(0.8 * f, 12);
    expect(c1.min).toBeCloseTo(0.5 * f, 12);
    expect(c1.max).toBe(1); // 0.9·f > 1: capped
    expect(s.get('stages.2.conversion')!.suggested).toBeCloseTo(0.6 * f, 12); // a fixed conversion stays fixed
    expect(c1.mode * (s.get('stages.2.conversion')!.suggested as number)).toBeCloseTo(2 / 3, 12);
    expect(s.has('stages.0.conversion')).toBe(false);
    // Days: mins 5+10+10 → 13, modes 10+10+20 → 25, maxes 15+10+40 → 37.
    const d = [0, 1, 2].map((i) => s.get(`stages.${i}.days`)!.suggested as { min: number; mode: number; max: number });
    expect(d[0]!.min).toBeCloseTo(2.6, 9);
    expect(d[0]!.mode).toBeCloseTo(6.25, 9);
    expect(d[0]!.max).toBeCloseTo((15 * 37) / 65, 9);
    // Stage 1: mode 6.25 is above its scaled max 10·37/65 ≈ 5.69 → clamped.
    expect(d[1]!.min).toBeCloseTo(5.2, 9);
    expect(d[1]!.mode).toBeCloseTo((10 * 37) / 65, 9);
    expect(d[2]!).toMatchObject({ min: expect.closeTo(5.2, 9), mode: expect.closeTo(12.5, 9), max: expect.closeTo((40 * 37) / 65, 9) });
    expect(s.get('dealSize')!.suggested).toEqual({ min: 130, mode: 250, max: 370 });
    expect(s.get('leads')!).toMatchObject({ current: { min: 1, mode: 3, max: 6 }, suggested: { min: 2, mode: 2, max: 2.8 } });
  });

  it('with the last stage reached, each stage converts forward ÷ left', () => {
    const r = calibrate(HISTORY, { columns: { ...COLUMNS, stage: 5 }, currency: 'CNY' }, funnel, segment);
    expect(r.problems).toEqual([]);
    // Stage 0: 4 won + o5 (reached 1) + o7 (reached 2) forward; o6 lost there → 6/7.
    // Stage 1: 4 won + o7 forward; o5 lost there → 5/6. Stage 2: 4 won, none lost → 1.
    expect(r.figures!.stages!.map((s) => s && [s.forward, s.left])).toEqual([[6, 7], [5, 6], [4, 4]]);
    const s = byId(r);
    expect((s.get('stages.0.conversion')!.suggested as { mode: number }).mode).toBeCloseTo(6 / 7, 12);
    expect(s.get('stages.2.conversion')!.suggested).toBe(1);
  });

  it('keeps only the chosen segment when the file has a segment column', () => {
    const grid = [...HISTORY, ['o8', '2024-02-02', '2024-02-20', 'Closed Won', '9000', '', 'Retail']];
    const r = calibrate(grid, { columns: { ...COLUMNS, segment: 6 }, currency: 'CNY' }, funnel, segment);
    expect(r.used).toBe(7);
    expect(r.figures!.deals.won).toBe(4);
  });
});

describe('scaling rules', () => {
  it('holds a stage that would pass 1 at 1 and finds the factor again', () => {
    // √(0.9/0.48) · 0.8 > 1 → stage held at 1; then 0.6 · f = 0.9.
    const f = conversionFactor([0.8, 0.6], 0.9)!;
    expect(Math.min(1, 0.8 * f) * Math.min(1, 0.6 * f)).toBeCloseTo(0.9, 12);
    expect(0.6 * f).toBeCloseTo(0.9, 12);
    expect(conversionFactor([0, 0.5], 0.4)).toBeNull();
  });
  it('day points keep each stage’s share of today’s totals', () => {
    const r = scaleStageDays([{ min: 2, mode: 4, max: 8 }, { min: 2, mode: 4, max: 8 }], 10, 20, 40);
    expect(r).toEqual([{ min: 5, mode: 10, max: 20 }, { min: 5, mode: 10, max: 20 }]);
  });
  it('the accepted suggestions become one funnel and one segment update', () => {
    const r = run(HISTORY);
    const edits = calibrationEdits(funnel, segment, r.suggestions, new Set(['dealSize', 'leads']));
    expect(edits).toHaveLength(2);
    expect(edits[0]).toMatchObject({ kind: 'funnels', op: 'update', id: 'f', value: { dealSize: { min: 130, mode: 250, max: 370 }, stages: funnel.stages } });
    expect(edits[1]).toMatchObject({ kind: 'segments', id: 'fin', value: { leads: [{ phaseId: 'p1', perMonth: 4 }, { perMonth: { min: 2, mode: 2, max: 2.8 } }] } });
    expect(calibrationEdits(funnel, segment, r.suggestions, new Set())).toEqual([]);
  });
});

describe('bad input: clear messages naming rows and columns, nothing suggested', () => {
  const keys = (r: CalibrationResult) => r.problems.filter((p) => p.severity === 'error').map((p) => p.key);
  it('no won, no lost, all open', () => {
    const only = (o: string) => HISTORY.map((r, i) => (i === 0 ? r : [r[0]!, r[1]!, r[2] || '2024-03-25', o, ...r.slice(4)]));
    for (const [o, key] of [['Closed Won', 'noLost'], ['Closed Lost', 'noWon'], ['Open', 'allOpen']] as const) {
      const r = run(only(o));
      expect(keys(r)).toEqual([`calibration.problem.${key}`]);
      expect(r.ok).toBe(false);
      expect(r.suggestions).toEqual([]);
    }
  });
  it('closed before created, negative and text values, unknown outcomes', () => {
    const grid = HISTORY.map((r) => [...r]);
    grid[1]![2] = '2023-12-31';
    grid[2]![4] = '-200';
    grid[3]![4] = 'tbd';
    grid[4]![3] = 'Negotiation';
    grid[5]![3] = 'Negotiation';
    const r = run(grid);
    expect(r.ok).toBe(false);
    const p = new Map(r.problems.map((x) => [x.key, x]));
    expect(p.get('calibration.problem.closedBeforeCreated')).toMatchObject({ lines: [2], count: 1, params: { column: 'Close Date', rows: '2' } });
    expect(p.get('calibration.problem.negativeValue')).toMatchObject({ lines: [3], params: { column: 'Amount', example: '-200' } });
    expect(p.get('calibration.problem.badValue')).toMatchObject({ lines: [4], params: { example: 'tbd' } });
    expect(p.get('calibration.problem.unknownOutcome')).toMatchObject({ lines: [5, 6], count: 2, params: { column: 'Stage', values: '"Negotiation" (2)' } });
  });
  it('the user’s own outcome values settle unknown ones; a funnel stage name is an open deal', () => {
    const grid = HISTORY.map((r) => [...r]);
    grid[4]![3] = 'Signed off';
    grid[7]![3] = 'Proposal';
    const r = run(grid, { outcomes: { 'signed off': 'won' } });
    expect(r.problems).toEqual([]);
    expect(r.figures!.deals).toEqual({ total: 7, won: 4, lost: 2, open: 1 });
  });
  it('1,000,000 rows are refused before any cell is read', () => {
    const row = ['o', '2024-01-01', '2024-01-02', 'Won', '1'];
    const grid = [HISTORY[0]!, ...new Array<string[]>(1_000_000).fill(row)];
    const r = run(grid);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ key: 'calibration.problem.tooManyRows', params: { count: 1_000_000, max: 500_000 } });
  });
  it('lists the first five rows and the count', () => {
    const grid = [HISTORY[0]!, ...Array.from({ length: 12 }, (_, i) => [`x${i}`, 'soon', '2024-01-01', 'Won', '1'])];
    const r = run(grid);
    expect(r.problems[0]).toMatchObject({ key: 'calibration.problem.badDate', lines: [2, 3, 4, 5, 6], count: 12, params: { rows: '2, 3, 4, 5, 6 …' } });
  });
  it('a required column left unmapped, and columns named by header, letter or number', () => {
    const r = calibrate(HISTORY, { columns: { created: 1, outcome: 3 }, currency: 'CNY' }, funnel, segment);
    expect(keys(r)).toEqual(['calibration.problem.columnMissing', 'calibration.problem.columnMissing']);
    const header = HISTORY[0]!;
    expect(resolveColumn(header, ' close date ')).toBe(2);
    expect(resolveColumn(header, 'C')).toBe(2);
    expect(resolveColumn(header, '3')).toBe(2);
    expect(resolveColumn(header, 'Probability')).toBeNull();
  });
});

describe('actuals from the same history', () => {
  it('leads by created month, wins and bookings by closed month, inside the horizon only', () => {
    const { deals } = readDeals(HISTORY, { columns: COLUMNS, currency: 'CNY' });
    const r = actualsFromDeals(deals, '2024-02', 2, 'fin');
    // Feb: created o4, o5 → 2 leads; won o3 closed 02-09 (300). Mar: created o6, o7; won o4 closed 03-12 (400).
    expect(r.actuals).toEqual([
      { month: '2024-02', metric: 'leads', value: 2, segmentId: 'fin' },
      { month: '2024-02', metric: 'wins', value: 1, segmentId: 'fin' },
      { month: '2024-02', metric: 'bookings', value: 300, segmentId: 'fin' },
      { month: '2024-03', metric: 'leads', value: 2, segmentId: 'fin' },
      { month: '2024-03', metric: 'wins', value: 1, segmentId: 'fin' },
      { month: '2024-03', metric: 'bookings', value: 400, segmentId: 'fin' },
    ]);
    // January: 3 leads, 2 wins and 2 bookings fall before the horizon.
    expect(r.outsideHorizon).toBe(7);
  });
});
