// The tiering rule applied to a customer list (shared/plan/tiering.ts), against
// hand-counted expectations.
import { describe, expect, it } from 'vitest';
import { tiersByRule } from '../../shared/plan/tiering';

const customers = (potentials: number[], segmentOf: (i: number) => string = () => 'fin') =>
  potentials.map((potential, i) => ({ id: `c${i}`, segmentId: segmentOf(i), potential }));

describe('tiersByRule', () => {
  it('share: the top 5 % / next 15 % / next 30 % of 20 customers are 1 S, 3 A, 6 B and 10 C', () => {
    const list = customers(Array.from({ length: 20 }, (_, i) => (i + 1) * 10)); // c19 is the largest
    const tiers = tiersByRule(list, { method: 'share', scope: 'all', S: 0.05, A: 0.15, B: 0.3 });
    const count = (t: string) => [...tiers.values()].filter((x) => x === t).length;
    expect([count('S'), count('A'), count('B'), count('C')]).toEqual([1, 3, 6, 10]);
    expect(tiers.get('c19')).toBe('S');
    expect(['c18', 'c17', 'c16'].map((id) => tiers.get(id))).toEqual(['A', 'A', 'A']);
    expect(tiers.get('c0')).toBe('C');
  });

  it('share by segment: each segment gets its own top share', () => {
    const list = customers([100, 90, 5, 4], (i) => (i < 2 ? 'fin' : 'gov'));
    const tiers = tiersByRule(list, { method: 'share', scope: 'segment', S: 0.5, A: 0, B: 0 });
    expect([...tiers.entries()]).toEqual([['c0', 'S'], ['c1', 'C'], ['c2', 'S'], ['c3', 'C']]);
    const pooled = tiersByRule(list, { method: 'share', scope: 'all', S: 0.5, A: 0, B: 0 });
    expect(['c0', 'c1', 'c2', 'c3'].map((id) => pooled.get(id))).toEqual(['S', 'S', 'C', 'C']);
  });

  it('threshold: the minimum potential of each tier, bounds inclusive', () => {
    const tiers = tiersByRule(customers([10_000_000, 9_999_999, 1_000_000, 200_000, 0]), {
      method: 'threshold', scope: 'all', S: 10_000_000, A: 1_000_000, B: 200_000,
    });
    expect([...tiers.values()]).toEqual(['S', 'A', 'A', 'B', 'C']);
  });
});
