// Expected-value mode computes means without sampling; it must agree with the
// Monte-Carlo means within sampling error (and a grid error far below it).

import { describe, expect, it } from 'vitest';
import { SERIES_METRICS } from '../../../shared/plan/types';
import { expectedValue } from '../../../shared/simulation';
import { benchPlan } from '../../../bench/plans/simulation-bench';
import { engineRun, meanVar, smallPlan } from './helpers';

describe('expected-value mode', () => {
  for (const scenario of [null, 'slow']) {
    it(`matches Monte-Carlo means per month and per phase (small plan, scenario ${scenario ?? 'none'})`, () => {
      const plan = smallPlan();
      const T = 20_000;
      const mc = engineRun(plan, { trials: T, seed: 3, scenarioId: scenario });
      const ev = expectedValue(plan, { scenarioId: scenario });
      const H = ev.months.length;
      const failures: string[] = [];
      SERIES_METRICS.forEach((metric, mi) => {
        for (let m = 0; m < H; m++) {
          const { mean, variance } = meanVar(mc.column(mi * H + m));
          const want = ev.series[metric].mean[m]!;
          const tol = 4.5 * Math.sqrt(variance / T) + 1e-4 * Math.abs(want) + 1e-9;
          if (Math.abs(mean - want) > tol) failures.push(`${metric}[${m}] mc ${mean} ev ${want} tol ${tol}`);
        }
        ev.phases.forEach((ph, p) => {
          const { mean, variance } = meanVar(mc.column(mc.layout.phaseBase + p * 7 + mi));
          const want = ph.totals[metric].mean;
          if (Math.abs(mean - want) > 4.5 * Math.sqrt(variance / T) + 1e-4 * Math.abs(want) + 1e-9) {
            failures.push(`${metric} ${ph.id} mc ${mean} ev ${want}`);
          }
        });
      });
      expect(failures).toEqual([]);
      expect(ev.trials).toBe(0);
      expect(ev.seed).toBeNull();
      expect(ev.phases[0]!.targets[0]!.probability).toBeNull();
      // KPIs are ratios of expected sums; close to (not equal to) the mean of per-trial ratios.
      expect(ev.kpis.winRate.mean!).toBeCloseTo(mc.result.kpis.winRate.mean!, 1);
      expect(ev.kpis.cashCycleDays.mean!).toBeGreaterThan(0);
    });
  }

  it('matches Monte-Carlo means on the benchmark plan (cohort sampler, 10⁶ leads a month)', () => {
    const plan = benchPlan();
    const T = 2000;
    const mc = engineRun(plan, { trials: T, seed: 9 });
    const ev = expectedValue(plan);
    const failures: string[] = [];
    SERIES_METRICS.forEach((metric, mi) => {
      const { mean, variance } = meanVar(mc.column(mc.layout.totalsBase + mi));
      const want = ev.totals[metric].mean;
      if (Math.abs(mean - want) > 4.5 * Math.sqrt(variance / T) + 1e-4 * Math.abs(want)) {
        failures.push(`${metric} total mc ${mean} ev ${want}`);
      }
    });
    expect(failures).toEqual([]);
  });
});
