// Sensitivity: ±10 % on every input, the swing of a metric's median, with
// common random numbers. Signs must be those of the business logic and the
// list sorted by the size of the swing.

import { describe, expect, it } from 'vitest';
import { sensitivity } from '../../../shared/simulation';
import type { SensitivityItem } from '../../../shared/simulation';
import { smallPlan } from './helpers';

const find = (items: SensitivityItem[], pred: (i: SensitivityItem) => boolean) => items.find(pred)!;

describe('sensitivity', () => {
  it('lists every input once, sorted by |swing|, with the signs of the business logic', () => {
    const plan = smallPlan();
    const r = sensitivity(plan, { trials: 1000, seed: 3 });
    expect(r.metric).toBe('bookings');
    expect(r.phaseId).toBeNull();
    expect(r.delta).toBe(0.1);
    // 4 + 2 conversions, 2 segments, 2 deal sizes, 4 + 2 stage days.
    expect(r.items).toHaveLength(16);
    const swings = r.items.map((i) => Math.abs(i.swing!));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const i of r.items) expect(i.swing).toBeCloseTo(i.high! - i.low!, 6);

    for (const key of ['lead', 'opp', 'solution', 'bid']) {
      const it = find(r.items, (i) => i.input.kind === 'conversion' && i.input.funnelId === 'ltc' && i.input.stageKey === key);
      expect(it.swing, `ltc ${key}`).toBeGreaterThan(0);
      expect(it.low!).toBeLessThan(r.base!);
      expect(it.high!).toBeGreaterThan(r.base!);
    }
    expect(find(r.items, (i) => i.input.kind === 'leads' && i.input.segmentId === 'bank').swing).toBeGreaterThan(0);
    expect(find(r.items, (i) => i.input.kind === 'dealSize' && i.input.funnelId === 'ltc').swing).toBeGreaterThan(0);
    // Longer stages push signings past the horizon: fewer bookings.
    expect(find(r.items, (i) => i.input.kind === 'days' && i.input.funnelId === 'ltc' && i.input.stageKey === 'opp').swing).toBeLessThan(0);
    // The big-ticket funnel dominates the small one.
    expect(r.items[0]!.input.kind === 'conversion' || r.items[0]!.input.kind === 'leads' || r.items[0]!.input.kind === 'dealSize').toBe(true);
    expect((r.items[0]!.input as { funnelId?: string }).funnelId ?? 'ltc').toBe('ltc');
  });

  it('uses common random numbers: inputs that cannot matter have zero swing', () => {
    // Wins in phase 1 (months 0–3): the shop funnel's deal size cannot change them.
    const r = sensitivity(smallPlan(), { metric: 'wins', phaseId: 'p1', trials: 500 });
    expect(find(r.items, (i) => i.input.kind === 'dealSize' && i.input.funnelId === 'mtc').swing).toBe(0);
    expect(find(r.items, (i) => i.input.kind === 'dealSize' && i.input.funnelId === 'ltc').swing).toBe(0);
    expect(find(r.items, (i) => i.input.kind === 'leads' && i.input.segmentId === 'shop').swing).toBeGreaterThan(0);
  });

  it('reports progress over all evaluations', () => {
    const seen: number[] = [];
    sensitivity(smallPlan(), { trials: 100, hooks: { onProgress: (d, t) => seen.push(d / t) } });
    expect(seen).toHaveLength(1 + 2 * 16);
    expect(seen.at(-1)).toBe(1);
  });
});
