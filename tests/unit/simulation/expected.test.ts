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
      expect(ev.trials).toBe(0);
      expect(ev.seed).toBeNull();
      expect(ev.phases[0]!.targets[0]!.probability).toBeNull();
      // Per scope and window: totals within sampling error; KPIs are ratios of
      // expected sums, close to (not equal to) the mean of per-trial ratios.
      const W = 1 + plan.phases.length;
      ev.scopes.forEach((scope, z) => {
        const mcScope = mc.result.scopes[z]!;
        expect([scope.kind, scope.id, scope.pooled]).toEqual([mcScope.kind, mcScope.id, mcScope.pooled]);
        for (let w = 0; w < W; w++) {
          const e = w === 0 ? scope : scope.phases[w - 1]!;
          const m = w === 0 ? mcScope : mcScope.phases[w - 1]!;
          SERIES_METRICS.forEach((metric, mi) => {
            const { mean, variance } = meanVar(mc.column(mc.layout.totalsBase + (z * W + w) * 7 + mi));
            const want = e.totals[metric].mean;
            if (Math.abs(mean - want) > 4.5 * Math.sqrt(variance / T) + 1e-4 * Math.abs(want) + 1e-9) {
              failures.push(`${scope.kind} ${scope.id} w${w} ${metric} mc ${mean} ev ${want}`);
            }
          });
          // (A pooled scope's value-weighted cash cycle is dominated by rare big
          // LTC wins: there the mean of per-trial ratios and the ratio of means
          // differ by design, so only single-funnel scopes are compared.)
          if (scope.pooled) continue;
          for (const [k, mcKpi] of Object.entries(m.kpis)) {
            const evMean = e.kpis[k as keyof typeof e.kpis].mean;
            if (evMean === null || mcKpi.mean === null) continue;
            const tol = k === 'winRate' || k === 'conversion' ? 0.03 : 0.05 * Math.abs(evMean) + 0.5;
            if (Math.abs(evMean - mcKpi.mean) > tol) failures.push(`${scope.kind} ${scope.id} w${w} ${k} mc ${mcKpi.mean} ev ${evMean}`);
          }
        }
      });
      // A pursuit's chance of a win is a mean, so the EV figure is exact: within MC sampling error.
      ev.pursuits.forEach((p, i) => {
        const got = mc.result.pursuits[i]!;
        for (const key of ['probability', 'probabilityToday'] as const) {
          const se = Math.sqrt((p[key] * (1 - p[key])) / T);
          if (Math.abs(got[key] - p[key]) > 4.5 * se + 0.003) failures.push(`pursuit ${p.customerId} ${key} mc ${got[key]} ev ${p[key]}`);
        }
      });
      ev.goals.forEach((g, i) => {
        const got = mc.result.goals[i]!;
        if (g.probability === null) return void expect(got.probability).toBeNull();
        const se = Math.sqrt((g.probability * (1 - g.probability)) / T);
        if (Math.abs(got.probability! - g.probability) > 4.5 * se + 0.003) failures.push(`goal ${g.id} mc ${got.probability} ev ${g.probability}`);
      });
      expect(failures).toEqual([]);
      // The account ladder moves c2's odds: planned levels (p2) above today's.
      const c2 = ev.pursuits.find((p) => p.customerId === 'c2')!;
      expect(c2.usesPlan).toBe(true);
      expect(c2.probability).toBeGreaterThan(c2.probabilityToday + 0.05);
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
