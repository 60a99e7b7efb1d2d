// Tiering by rule: exact counts for shares and thresholds, over the list or
// within each segment, ties, the potential per tier, the changed customers,
// and the bad input that stops it (shares over 100 %, text in the number column).
import { describe, expect, it } from 'vitest';
import { checkTieringRule, itemsFromImport, previewTiering, withTiers, type TieringItem, type TieringRule } from '../../shared/tiering';
import { dataRows, parseCsvText, validateRows, guessMapping } from '../../shared/import';
import { demoContext } from './import/helpers';

const share = (S: number, A: number, B: number, scope: 'all' | 'segment' = 'all'): TieringRule => ({ method: 'share', scope, S, A, B });
/** n customers with potentials 1…n (customer k has k), alternating segments, all tier C today. */
const items = (n: number): TieringItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: `c${i + 1}`, segmentId: i % 2 === 0 ? 'fin' : 'gov', tier: 'C', potential: i + 1, value: i + 1 }));

function ok(p: ReturnType<typeof previewTiering>) {
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p;
}

describe('tiering by shares', () => {
  it('top 5 % S, next 15 % A, next 30 % B of 200: 10, 30, 60 and 100', () => {
    const p = ok(previewTiering(items(200), share(0.05, 0.15, 0.3)));
    expect(p.totals.counts).toEqual({ S: 10, A: 30, B: 60, C: 100 });
    expect(p.tiers.get('c200')).toBe('S');
    expect(p.tiers.get('c191')).toBe('S');
    expect(p.tiers.get('c190')).toBe('A');
    expect(p.tiers.get('c100')).toBe('C');
    // Potential per tier: S = 191+…+200, C = 1+…+100.
    expect(p.totals.potential.S).toBe(1955);
    expect(p.totals.potential.C).toBe(5050);
    expect(p.changed).toHaveLength(100);
    expect(p.changed[0]).toEqual({ id: 'c101', label: 'c101', from: 'C', to: 'B' });
  });

  it('within each segment, each segment is ranked on its own', () => {
    const p = ok(previewTiering(items(200), share(0.05, 0.15, 0.3, 'segment')));
    expect(p.totals.counts).toEqual({ S: 10, A: 30, B: 60, C: 100 });
    expect(p.bySegment.get('fin')!.counts).toEqual({ S: 5, A: 15, B: 30, C: 50 });
    // fin holds the odd potentials 1…199: its top 5 are 191…199.
    expect(p.tiers.get('c191')).toBe('S');
    expect(p.tiers.get('c189')).toBe('A');
    expect(p.bySegment.get('gov')!.potential.S).toBe(192 + 194 + 196 + 198 + 200);
  });

  it('85 accounts: shares rounded (4.25 → 4), and ties never split across a boundary', () => {
    expect(ok(previewTiering(items(85), share(0.05, 0.15, 0.3))).totals.counts).toEqual({ S: 4, A: 13, B: 26, C: 42 });
    const tied = items(10).map((i) => ({ ...i, value: i.id === 'c9' ? 10 : i.value }));
    // Top 10 % = 1 customer, but c9 and c10 both have 10: both S.
    const p = ok(previewTiering(tied, share(0.1, 0, 0)));
    expect(p.totals.counts.S).toBe(2);
  });
});

describe('tiering by thresholds', () => {
  it('minimum value of each tier', () => {
    const p = ok(previewTiering(items(200), { method: 'threshold', scope: 'all', S: 190, A: 150, B: 100 }));
    expect(p.totals.counts).toEqual({ S: 11, A: 40, B: 50, C: 99 });
  });
});

describe('bad input: named, nothing applied', () => {
  it('shares over 100 %, a share outside 0–100 %, thresholds that increase', () => {
    expect(previewTiering(items(10), share(0.5, 0.4, 0.2))).toEqual({ ok: false, problems: [{ key: 'tiering.problem.sharesOver', params: { sum: '110%' } }] });
    expect(checkTieringRule(share(0.05, 0.15, 0.8))).toEqual([]); // exactly 100 % in floating point
    expect(checkTieringRule(share(-0.1, 0.2, 0.2))[0]!.key).toBe('tiering.problem.shareRange');
    expect(checkTieringRule({ method: 'threshold', scope: 'all', S: 10, A: 20, B: 5 })[0]).toEqual({ key: 'tiering.problem.thresholdOrder', params: { S: 10, A: 20, B: 5 } });
  });

  it('text cells in the number column of an import are named with their rows', () => {
    const ctx = demoContext();
    const grid = parseCsvText(['Customer name,Segment,Tier,Employees', 'A Bank,fin,C,1200', 'B Bank,fin,C,n/a', 'C Bank,fin,C,', 'D Bank,fin,C,800'].join('\n')).rows;
    const g = guessMapping(grid, 4, ctx);
    const rows = dataRows(grid, true);
    const summary = validateRows(rows, { hasHeader: true, mapping: g.mapping, defaults: { segmentId: null, tier: null, status: 'target' }, existing: 'error', decimalComma: false }, ctx);
    expect(summary.withErrors).toBe(0);
    const list = itemsFromImport(summary, rows, 3, { currency: 'CNY' });
    const p = previewTiering(list, share(0.25, 0.25, 0.25));
    expect(p).toEqual({ ok: false, problems: [{ key: 'tiering.problem.textValues', params: { count: 2, examples: '#3 B Bank: “n/a”, #4 C Bank: “”' } }] });
  });

  it('an import ranked by one of its number columns gets the rule’s tiers in its rows', () => {
    const ctx = demoContext();
    const grid = parseCsvText(['Customer name,Segment,Employees', 'A Bank,fin,"1,200"', 'B Bank,fin,300', 'C Bank,fin,5万', 'D Bank,fin,800'].join('\n')).rows;
    const rows = dataRows(grid, true);
    const g = guessMapping(grid, 3, ctx);
    const summary = validateRows(rows, { hasHeader: true, mapping: g.mapping, defaults: { segmentId: null, tier: 'C', status: 'target' }, existing: 'error', decimalComma: false }, ctx);
    const p = ok(previewTiering(itemsFromImport(summary, rows, 2, { currency: 'CNY' }), share(0.25, 0.25, 0.25)));
    const tiered = withTiers(summary, p.tiers);
    expect(tiered.rows.map((r) => r.customer!.tier)).toEqual(['A', 'C', 'S', 'B']);
  });
});
