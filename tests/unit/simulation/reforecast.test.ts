// The reforecast (simulation-model.md, "Actuals"): actuals that look like
// the plan leave the odds where they were, actuals at half the plan lower
// them, the effective sample size says how far the plan is from what
// happened, and weighted quantiles agree with an independent reference.

import { describe, expect, it } from 'vitest';
import type { Actual, ActualMetric, Plan, Range } from '../../../shared/plan/types';
import { effectiveSampleSize, reforecast, simulate, weightedQuantiles } from '../../../shared/simulation';
import { smallPlan } from './helpers';

const TRIALS = 2000;
const withActuals = (plan: Plan, actuals: Actual[]): Plan => ({ ...plan, actuals });

/** The pooled simulated p50 of each of months 0…n−1, scaled by `f`, as actuals of `metrics`. */
function p50Actuals(plan: Plan, metrics: ActualMetric[], months: number, f = 1): Actual[] {
  const r = simulate(plan, { trials: TRIALS });
  return metrics.flatMap((metric) =>
    r.months.slice(0, months).map((month, m) => ({ month, metric, value: f * r.series[metric].p50[m]! })),
  );
}

/**
 * The small plan with uncertain lead volumes (each a triangle from 0.2× to
 * 1.8× its mode), so that a slow start says something about the trial's
 * rates rather than only about Poisson luck.
 */
function uncertainLeads(): Plan {
  const base = smallPlan();
  const mode = (r: Range) => (typeof r === 'number' ? r : r.mode);
  const wide = (r: Range): Range => ({ min: 0.2 * mode(r), mode: mode(r), max: 1.8 * mode(r) });
  return { ...base, segments: base.segments.map((s) => ({ ...s, leads: s.leads.map((l) => ({ ...l, perMonth: wide(l.perMonth) })) })) };
}

const odds = (r: ReturnType<typeof reforecast>, id: string) => r.targets.find((t) => t.id === id)!;

describe('reforecast', () => {
  it('without actuals: every weight is 1 and the odds are the run’s own', () => {
    const plan = smallPlan();
    const run = simulate(plan, { trials: TRIALS });
    const r = reforecast(plan, { trials: TRIALS });
    expect(r.asOf).toBeNull();
    expect(r.ess).toBeCloseTo(TRIALS, 6);
    const planned = run.phases.flatMap((p) => p.targets);
    expect(r.targets.map((t) => t.id)).toEqual(planned.map((t) => t.id)); // phase by phase, as in the run
    for (const t of r.targets) {
      expect(t.probability).toBe(planned.find((x) => x.id === t.id)!.probability);
      expect(t.reforecast).toBeCloseTo(t.probability, 12);
    }
    expect(r.series.bookings.p50).toHaveLength(run.months.length);
  });

  it('actuals at the plan’s P50 keep the odds near the original, with a large ESS', () => {
    const plan = uncertainLeads();
    const r = reforecast(withActuals(plan, p50Actuals(plan, ['leads', 'wins', 'bookings'], 3)), { trials: TRIALS });
    expect(r.asOf).toBe('2027-03');
    expect(r.ess).toBeGreaterThan(0.05 * TRIALS);
    expect(r.ess).toBeLessThan(TRIALS);
    for (const id of ['t-bookings', 't-wins', 't-cash', 't-bank-wins']) {
      const t = odds(r, id);
      expect(Math.abs(t.reforecast - t.probability), id).toBeLessThan(0.08);
    }
    // Each actual sits in the middle of its simulated range.
    for (const c of r.checks) {
      expect(c.percentile).toBeGreaterThan(0.2);
      expect(c.percentile).toBeLessThan(0.8);
    }
  });

  it('actuals at half the plan lower the odds, and the ESS shrinks', () => {
    const plan = uncertainLeads();
    const near = reforecast(withActuals(plan, p50Actuals(plan, ['leads'], 3)), { trials: TRIALS });
    const half = reforecast(withActuals(plan, p50Actuals(plan, ['leads'], 3, 0.5)), { trials: TRIALS });
    // With an ESS of ≈ 150 one target's reforecast is only good to about
    // ±2·√(p(1−p)/ESS) ≈ ±0.08, and the bookings, cash and bank-wins targets
    // move by less than that (≈ 0.03–0.1, seen over several seeds and 8,000
    // trials): each may not rise beyond that noise, together they must fall.
    const ids = ['t-bookings', 't-wins', 't-cash', 't-bank-wins'];
    for (const id of ids) {
      const t = odds(half, id);
      const noise = 2 * Math.sqrt((t.probability * (1 - t.probability)) / half.ess);
      expect(t.reforecast, id).toBeLessThan(t.probability + noise);
    }
    const meanDrop = ids.reduce((sum, id) => sum + odds(half, id).probability - odds(half, id).reforecast, 0) / ids.length;
    expect(meanDrop).toBeGreaterThan(0.05);
    expect(odds(half, 't-wins').reforecast).toBeLessThan(odds(half, 't-wins').probability - 0.15);
    expect(half.ess).toBeLessThan(near.ess);
    // Half the leads in months 0–2 are actuals in phase p1's window: fewer leads are certain.
    const leads = half.series.leads;
    expect(leads.p10[0]).toBe(leads.p90[0]);
    expect(leads.p50[1]).toBeCloseTo(0.5 * simulate(plan, { trials: TRIALS }).series.leads.p50[1]!, 9);
    expect(half.checks.filter((c) => c.metric === 'leads').every((c) => c.percentile < 0.1)).toBe(true);
    expect(half.checks.some((c) => c.outside === 'below')).toBe(true);
    expect(half.ess).toBeGreaterThan(50); // still explained by the plan's ranges: the reforecast is meaningful
  });

  it('substitutes the actual months in a target’s window: a phase fully in the past is decided', () => {
    const plan = smallPlan(); // t-leads: ≥ 90 leads in p1 (months 0–3)
    const low = plan.phases[0]!;
    expect(low.id).toBe('p1');
    const months = ['2027-01', '2027-02', '2027-03', '2027-04'];
    const under = reforecast(withActuals(plan, months.map((month) => ({ month, metric: 'leads', value: 20 }))), { trials: 500 });
    expect(odds(under, 't-leads').reforecast).toBe(0);
    const over = reforecast(withActuals(plan, months.map((month) => ({ month, metric: 'leads', value: 25 }))), { trials: 500 });
    expect(odds(over, 't-leads').reforecast).toBe(1);
  });

  it('a segment’s actuals are compared with that segment’s series and decide its targets', () => {
    const plan = smallPlan(); // t-bank-wins: ≥ 4 wins in segment bank in p3
    const p3 = ['2027-11', '2027-12', '2028-01', '2028-02', '2028-03'];
    const r = reforecast(withActuals(plan, p3.map((month) => ({ month, metric: 'wins', value: 1, segmentId: 'bank' }))), { trials: 500 });
    const track = r.tracks.find((t) => t.segmentId === 'bank')!;
    expect(track.metric).toBe('wins');
    expect(track.through).toBe('2028-03');
    expect(track.actualSum).toBe(5);
    expect(track.cumulative.at(-1)!.actual).toBe(5);
    expect(odds(r, 't-bank-wins').reforecast).toBe(1);
    // The whole plan's wins target is not the segment's: it keeps simulated shop wins.
    expect(odds(r, 't-wins').reforecast).toBeGreaterThan(0);
    // Bank's simulated wins are fewer than the pooled ones.
    const pooled = simulate(plan, { trials: 500 }).series.wins.mean;
    expect(track.simulated.mean.reduce((a, b) => a + b, 0)).toBeLessThan(pooled.reduce((a, b) => a + b, 0));
  });
});

describe('weighted quantiles', () => {
  /** Reference: integer weights as repeated values, then the inverse-ECDF quantile of the expanded sample. */
  function expanded(values: number[], weights: number[], q: number): number {
    const xs = values.flatMap((v, i) => Array<number>(weights[i]!).fill(v)).sort((a, b) => a - b);
    return xs[Math.max(0, Math.ceil(q * xs.length) - 1)]!;
  }

  it('agree with the expanded-sample reference on random data', () => {
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rnd() * 40);
      const values = Array.from({ length: n }, () => Math.round(rnd() * 100) / 4);
      const weights: number[] = Array.from({ length: n }, () => Math.floor(rnd() * 6));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const probs = [0.1, 0.5, 0.9, 0.25, 1];
      const got = weightedQuantiles(values, weights, probs);
      probs.forEach((q, i) => expect(got[i], `n=${n} q=${q}`).toBe(expanded(values, weights, q)));
    }
  });

  it('scale-free, zero total weight gives NaN; ESS of equal and of one-hot weights', () => {
    expect(weightedQuantiles([3, 1, 2], [0.5, 0.25, 0.25], [0.5])).toEqual(weightedQuantiles([3, 1, 2], [2, 1, 1], [0.5]));
    expect(weightedQuantiles([1, 2], [0, 0], [0.5])[0]).toBeNaN();
    expect(effectiveSampleSize([2, 2, 2, 2])).toBe(4);
    expect(effectiveSampleSize([0, 1, 0, 0])).toBe(1);
  });
});
