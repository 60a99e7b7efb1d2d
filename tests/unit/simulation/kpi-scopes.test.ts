// KPI definitions and scopes that hold trial by trial (the distributions
// themselves are compared with the reference sampler in reference.test.ts):
// win rate never above 1 in any window, scopes add up, the pooled scope is
// flagged, and a scoped target is judged on its own scope's value.

import { describe, expect, it } from 'vitest';
import { KPI_METRICS, SERIES_METRICS } from '../../../shared/plan/types';
import { engineRun, smallPlan } from './helpers';

describe('KPIs per scope and window', () => {
  const plan = smallPlan();
  const T = 2000;
  const eng = engineRun(plan, { trials: T, seed: 21 });
  const { result, layout, column } = eng;
  const W = 1 + plan.phases.length;
  const NS = SERIES_METRICS.length;
  const NK = KPI_METRICS.length;
  const total = (z: number, w: number, metric: string) => column(layout.totalsBase + (z * W + w) * NS + SERIES_METRICS.indexOf(metric as never));
  const kpi = (z: number, w: number, metric: string) => column(layout.kpiBase + (z * W + w) * NK + KPI_METRICS.indexOf(metric as never));

  it('lists the scopes: all funnels (flagged as pooled), each funnel, each segment', () => {
    expect(result.scopes.map((s) => [s.kind, s.id, s.pooled])).toEqual([
      ['all', null, true],
      ['funnel', 'ltc', false],
      ['funnel', 'mtc', false],
      ['segment', 'bank', false],
      ['segment', 'shop', false],
    ]);
    const t = (id: string) => result.phases.flatMap((p) => p.targets).find((x) => x.id === id)!;
    expect(t('t-winrate')).toMatchObject({ funnelId: null, segmentId: null, pooled: true });
    expect(t('t-bookings')).toMatchObject({ pooled: false }); // a sum pools nothing questionable
    expect(t('t-ltc-winrate')).toMatchObject({ funnelId: 'ltc', segmentId: null, pooled: false });
    expect(t('t-shop-conv')).toMatchObject({ funnelId: null, segmentId: 'shop', pooled: false });
  });

  it('never gives a win rate or conversion above 1, in any trial, scope or window', () => {
    for (let z = 0; z < result.scopes.length; z++) {
      for (let w = 0; w < W; w++) {
        for (const k of ['winRate', 'conversion']) {
          const bad = kpi(z, w, k).filter((x) => x > 1);
          expect(bad.length, `${k} scope ${z} window ${w}`).toBe(0);
        }
      }
    }
  });

  it('adds up: the pooled totals are the funnels’ sums, each funnel the sum of its segments', () => {
    for (let w = 0; w < W; w++) {
      for (const m of SERIES_METRICS) {
        const all = total(0, w, m);
        const ltc = total(1, w, m);
        const mtc = total(2, w, m);
        const bank = total(3, w, m);
        const shop = total(4, w, m);
        for (let t = 0; t < T; t++) {
          expect(all[t]!).toBeCloseTo(ltc[t]! + mtc[t]!, 6);
          expect(ltc[t]!).toBeCloseTo(bank[t]!, 9);
          expect(mtc[t]!).toBeCloseTo(shop[t]!, 9);
        }
      }
    }
  });

  it('judges a scoped target on its scope: segment bank’s wins in p3, funnel ltc’s win rate in p2', () => {
    const p3 = 1 + plan.phases.findIndex((p) => p.id === 'p3');
    const p2 = 1 + plan.phases.findIndex((p) => p.id === 'p2');
    const share = (xs: Float64Array, ok: (x: number) => boolean) => xs.filter(ok).length / T;
    const t = (id: string) => result.phases.flatMap((p) => p.targets).find((x) => x.id === id)!.probability;
    expect(t('t-bank-wins')).toBe(share(total(3, p3, 'wins'), (x) => x >= 4));
    // An undefined win rate (no decided opportunity) never attains.
    expect(t('t-ltc-winrate')).toBe(share(kpi(1, p2, 'winRate'), (x) => x >= 0.2));
    expect(t('t-delivery')).toBe(share(kpi(1, p3, 'deliveryCycleDays'), (x) => x <= 45));
    // The scoped and the pooled ratio are different figures.
    expect(result.scopes[1]!.phases[p2 - 1]!.kpis.winRate.mean).not.toBeCloseTo(result.scopes[0]!.phases[p2 - 1]!.kpis.winRate.mean!, 2);
  });

  it('gives every firstContract goal its odds, null when its customer is not pursued', () => {
    expect(result.goals.map((g) => [g.id, g.customerId, g.month])).toEqual([
      ['g-c1', 'c1', '2027-03'],
      ['g-c2', 'c2', '2027-12'],
      ['g-c4', 'c4', '2027-10'],
    ]);
    const [c1, c2, c4] = result.goals;
    expect(c4!.probability).toBeNull();
    // c1 has no ladder: both odds are the same figure. By March it is below its odds for the whole phase.
    expect(c1!.probability).toBe(c1!.probabilityToday);
    const c1Pursuit = result.pursuits.find((p) => p.customerId === 'c1')!;
    expect(c1!.probability!).toBeLessThan(c1Pursuit.probability);
    // c2's ladder plans better relationships for p2 than today's: better odds as planned.
    expect(c2!.probability!).toBeGreaterThan(c2!.probabilityToday!);
  });
});
