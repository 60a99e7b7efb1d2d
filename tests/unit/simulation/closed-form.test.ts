// With zero stage days every event of a lead falls in its own month, so the
// means have closed forms: E[leads] = E[λ], E[opportunities] = E[λ]·E[p0],
// E[wins] = E[λ]·Π E[p_i], E[bookings] = E[wins]·E[value]. The engine must
// hit them within 3 standard errors (computed analytically, not from the
// sample), per month and over the horizon — in its exact and cohort modes.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/plan/types';
import { FORMAT_VERSION } from '../../../shared/plan/types';
import { simulate } from '../../../shared/simulation';

const tri = (min: number, mode: number, max: number) => ({ min, mode, max });
const triMean = (a: number, b: number, c: number) => (a + b + c) / 3;
const triM2 = (a: number, b: number, c: number) => (a * a + b * b + c * c + a * b + a * c + b * c) / 6;

const lam = [20, 30, 55] as const;
const p0 = [0.3, 0.5, 0.6] as const;
const p1 = 0.4;
const p2 = [0.5, 0.6, 0.9] as const;
const value = [100, 200, 600] as const;
const H = 12;

function plan(scale: number): Plan {
  return {
    format: 'sales-strategy-plan',
    formatVersion: FORMAT_VERSION, // any build's version: these plans use no v2 key
    plan: { name: 'closed form', currency: 'EUR', startMonth: '2030-01', horizonMonths: H, seed: 1, trials: 1000 },
    phases: [],
    funnels: [
      {
        id: 'f', name: 'F', process: 'ltc',
        stages: [
          { key: 'a', name: 'A', conversion: tri(...p0), days: 0 },
          { key: 'b', name: 'B', conversion: p1, days: 0 },
          { key: 'c', name: 'C', conversion: tri(...p2), days: 0 },
        ],
        dealSize: tri(...value),
        deliveryDays: 0,
        payments: [{ share: 1, days: 0 }],
      },
    ],
    segments: [{ id: 's', name: 'S', funnelId: 'f', leads: [{ perMonth: tri(lam[0] * scale, lam[1] * scale, lam[2] * scale) }] }],
    people: [],
    customers: [],
    goals: [],
    targets: [],
    scenarios: [],
  };
}

describe('closed forms with zero stage days', () => {
  for (const [mode, scale, budget] of [
    ['exact per-deal sampler', 1, undefined],
    ['cohort sampler', 1, 0],
    ['cohort sampler, huge volumes (normal-approximated Poisson)', 1e5, 0],
  ] as const) {
    it(`means match analytic expectations within 3 SE (${mode})`, () => {
      const T = 20_000;
      // Seed 7 since the engine's draws changed (issue #14). ~50 checks at 3 SE
      // per mode trip one by chance about once in eight runs (0.27 % each):
      // over seeds 5–10 and the three modes, 2 of 900 checks did (3.4 and 3.2
      // SE, both a single month), which is that rate; seed 7 passes all.
      const r = simulate(plan(scale), { trials: T, seed: 7, trackedEventBudget: budget });
      const eL = triMean(...lam) * scale;
      const eL2 = triM2(...lam) * scale * scale;
      const eP = [1, triMean(...p0), triMean(...p0) * p1, triMean(...p0) * p1 * triMean(...p2)];
      const eP2 = [1, triM2(...p0), triM2(...p0) * p1 * p1, triM2(...p0) * p1 * p1 * triM2(...p2)];
      const eV = triMean(...value);
      const varV = triM2(...value) - eV * eV;
      // Count X = Poisson(n·λ·P) mixed over the trial-level λ and P:
      // Var X = E[nλP] + n²·Var(λP).
      const countStats = (stage: number, months: number) => {
        const mean = months * eL * eP[stage]!;
        const variance = mean + months * months * (eL2 * eP2[stage]! - (eL * eP[stage]!) ** 2);
        return { mean, variance };
      };
      const check = (name: string, got: number, mean: number, variance: number) => {
        const se = Math.sqrt(variance / T);
        expect(Math.abs(got - mean), `${name}: ${got} vs ${mean} (se ${se})`).toBeLessThanOrEqual(3 * se);
      };
      for (const [metric, stage] of [['leads', 0], ['opportunities', 1], ['wins', 3]] as const) {
        const month = countStats(stage, 1);
        for (let m = 0; m < H; m++) check(`${metric}[${m}]`, r.series[metric].mean[m]!, month.mean, month.variance);
        const total = countStats(stage, H);
        check(`${metric} total`, r.totals[metric].mean, total.mean, total.variance);
      }
      const w = countStats(3, H);
      // Bookings = Σ of W iid values: Var = E[W]·Var(V) + Var(W)·E[V]².
      for (const metric of ['bookings', 'revenue', 'cash'] as const) {
        check(`${metric} total`, r.totals[metric].mean, w.mean * eV, w.mean * varV + w.variance * eV * eV);
      }
      const kpis = r.scopes[0]!.kpis;
      expect(kpis.salesCycleDays.mean).toBe(0);
      expect(kpis.deliveryCycleDays.mean).toBe(0);
      expect(kpis.cashCycleDays.mean).toBe(0);
    });
  }
});

// With fixed payment days every won deal's cash cycle is the same, Σ share·days
// (here 0.4·10 + 0.6·60 = 40), so the value-weighted cash cycle (Σ value·days ÷
// Σ value won) is 40 in every trial, whatever the values and counts: the KPI's
// numerator and its denominator (the won value, which a trial keeps in the
// bookings' array) must describe the same wins, in every mode.
describe('cash cycle with fixed payment days', () => {
  for (const [mode, scale, budget] of [
    ['exact per-deal sampler', 1, undefined],
    ['cohort sampler', 1, 0],
    ['cohort sampler, huge volumes', 1e5, 0],
  ] as const) {
    it(`is Σ share·days in every trial (${mode})`, () => {
      const p = plan(scale);
      p.funnels[0]!.payments = [
        { share: 0.4, days: 10 },
        { share: 0.6, days: 60 },
      ];
      p.funnels[0]!.deliveryDays = tri(5, 20, 90); // revenue in other months than bookings
      const r = simulate(p, { trials: 300, seed: 3, trackedEventBudget: budget });
      const cash = r.scopes[0]!.kpis.cashCycleDays;
      for (const q of [cash.mean, cash.p10, cash.p50, cash.p90]) expect(q).toBeCloseTo(40, 9);
    });
  }
});
