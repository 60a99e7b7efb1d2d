// The engine against an independent per-deal sampler of simulation-model.md
// (reference-sampler.ts): monthly means and quantiles, horizon and phase
// totals, KPIs and target probabilities must agree within sampling error.
// Tolerances are 4.5 standard errors per comparison, so a correct engine
// passes hundreds of comparisons; a wrong delay, rate, cap, readiness or
// window is many standard errors off.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/plan/types';
import { compile } from '../../../shared/simulation/compile';
import { engineRun, meansAgree, proportionsAgree, quantilePlausible, smallPlan } from './helpers';
import type { EngineRun } from './helpers';
import { KPIS, SERIES, referenceRun } from './reference-sampler';
import type { TrialOutcome } from './reference-sampler';

const N = 12_000;

function compare(plan: Plan, eng: EngineRun, ref: TrialOutcome[], opts: { cashQuantiles: boolean; kpis: boolean; monthly: boolean }): string[] {
  const failures: string[] = [];
  const { result, layout, column } = eng;
  const H = result.months.length;
  const check = (what: string, r: { ok: boolean; detail: string }) => {
    if (!r.ok) failures.push(`${what}: ${r.detail}`);
  };
  SERIES.forEach((metric, mi) => {
    const quantiles = metric !== 'cash' || opts.cashQuantiles;
    for (let m = 0; m < H; m++) {
      const refCol = ref.map((t) => t.series[metric][m]!);
      check(`${metric}[${m}] mean`, meansAgree(column(mi * H + m), refCol));
      if (opts.monthly && quantiles) {
        const s = result.series[metric];
        check(`${metric}[${m}] p10`, quantilePlausible(refCol, s.p10[m]!, 0.1, N));
        check(`${metric}[${m}] p50`, quantilePlausible(refCol, s.p50[m]!, 0.5, N));
        check(`${metric}[${m}] p90`, quantilePlausible(refCol, s.p90[m]!, 0.9, N));
      }
    }
    const windows = [{ name: 'horizon', stats: result.totals[metric], idx: layout.totalsBase + mi, w: 0 }].concat(
      result.phases.map((ph, p) => ({ name: ph.id, stats: ph.totals[metric], idx: layout.phaseBase + p * 7 + mi, w: p + 1 })),
    );
    for (const { name, stats, idx, w } of windows) {
      const refCol = ref.map((t) => t.totals[w]![metric]);
      check(`${metric} ${name} total mean`, meansAgree(column(idx), refCol));
      if (quantiles) {
        check(`${metric} ${name} p10`, quantilePlausible(refCol, stats.p10, 0.1, N));
        check(`${metric} ${name} p50`, quantilePlausible(refCol, stats.p50, 0.5, N));
        check(`${metric} ${name} p90`, quantilePlausible(refCol, stats.p90, 0.9, N));
      }
    }
  });
  // Per scope (all, each funnel, each segment) and window (horizon, each phase): totals and KPIs.
  const W = 1 + plan.phases.length;
  result.scopes.forEach((scope, z) => {
    for (let w = 0; w < W; w++) {
      const stats = w === 0 ? scope : scope.phases[w - 1]!;
      const name = `${scope.kind} ${scope.id ?? ''} ${w === 0 ? 'horizon' : scope.phases[w - 1]!.id}`;
      if (z > 0) {
        SERIES.forEach((metric, mi) => {
          const refCol = ref.map((t) => t.scopes[z]!.totals[w]![metric]);
          check(`${metric} ${name} mean`, meansAgree(column(layout.totalsBase + (z * W + w) * 7 + mi), refCol));
          check(`${metric} ${name} p50`, quantilePlausible(refCol, stats.totals[metric].p50, 0.5, N));
        });
      }
      if (!opts.kpis) continue;
      KPIS.forEach((kpi, ki) => {
        const refCol = ref.map((t) => t.scopes[z]!.kpis[w]![kpi]);
        const defined = refCol.filter((x) => !Number.isNaN(x)).length;
        const col = column(layout.kpiBase + (z * W + w) * KPIS.length + ki);
        const engineDefined = col.filter((x) => !Number.isNaN(x)).length;
        check(`${kpi} ${name} defined`, proportionsAgree(engineDefined / N, N, defined / ref.length, ref.length));
        if (defined < 50) return;
        const s = stats.kpis[kpi];
        check(`${kpi} ${name} mean`, meansAgree(col, refCol));
        check(`${kpi} ${name} p10`, quantilePlausible(refCol, s.p10!, 0.1, engineDefined));
        check(`${kpi} ${name} p50`, quantilePlausible(refCol, s.p50!, 0.5, engineDefined));
        check(`${kpi} ${name} p90`, quantilePlausible(refCol, s.p90!, 0.9, engineDefined));
      });
    }
  });
  if (opts.kpis) {
    for (const scope of [result.scopes[0]!, ...result.scopes.flatMap((s) => s.phases)]) {
      for (const k of ['winRate', 'conversion'] as const) if (scope.kpis[k].p90 !== null && scope.kpis[k].p90! > 1) failures.push(`${k} p90 > 1`);
    }
  }
  plan.targets.forEach((t, ti) => {
    const phase = result.phases.find((p) => p.id === t.phaseId)!;
    const got = phase.targets.find((x) => x.id === t.id)!.probability;
    const want = ref.filter((r) => r.attained[ti]).length / ref.length;
    check(`target ${t.id}`, proportionsAgree(got, N, want, ref.length));
  });
  result.pursuits.forEach((p, i) => {
    check(`pursuit ${p.customerId}`, proportionsAgree(p.probability, N, ref.filter((r) => r.pursuits[i]!.won).length / ref.length, ref.length));
    check(`pursuit ${p.customerId} today`, proportionsAgree(p.probabilityToday, N, ref.filter((r) => r.pursuits[i]!.wonToday).length / ref.length, ref.length));
  });
  result.goals.forEach((g, i) => {
    if (g.probability === null) {
      if (ref[0]!.goals[i] !== null) failures.push(`goal ${g.id}: null, the reference pursues it`);
      return;
    }
    check(`goal ${g.id}`, proportionsAgree(g.probability, N, ref.filter((r) => r.goals[i]!.won).length / ref.length, ref.length));
    check(`goal ${g.id} today`, proportionsAgree(g.probabilityToday!, N, ref.filter((r) => r.goals[i]!.wonToday).length / ref.length, ref.length));
  });
  return failures;
}

describe('engine vs an independent per-deal sampler', () => {
  it('uses the exact per-deal sampler for small plans', () => {
    const model = compile(smallPlan());
    expect(model.segments.map((s) => s.trackFrom)).toEqual([0, 0]);
  });

  for (const scenario of [null, 'slow']) {
    it(`agrees on series, quantiles, totals, KPIs and targets (scenario ${scenario ?? 'none'})`, () => {
      const plan = smallPlan();
      const eng = engineRun(plan, { trials: N, seed: 7, scenarioId: scenario });
      const ref = referenceRun(plan, N, 99, scenario);
      // Sanity: the plan is not trivial — targets are neither sure nor hopeless.
      const probs = eng.result.phases.flatMap((p) => p.targets.map((t) => t.probability));
      expect(probs.filter((p) => p > 0.05 && p < 0.95).length).toBeGreaterThanOrEqual(4);
      const failures = compare(plan, eng, ref, { cashQuantiles: true, kpis: true, monthly: true });
      expect(failures).toEqual([]);
    });
  }

  it('would notice a wrong model (the check has power)', () => {
    // Same comparison against a plan whose bid stage is 10 % better: must fail.
    const plan = smallPlan();
    const eng = engineRun(plan, { trials: N, seed: 7 });
    const better = structuredClone(plan);
    better.funnels[0]!.stages[3]!.conversion = { min: 0.33, mode: 0.495, max: 0.66 };
    const ref = referenceRun(better, N, 99);
    expect(compare(plan, eng, ref, { cashQuantiles: true, kpis: true, monthly: false }).length).toBeGreaterThan(3);
  });

  it('cohort sampler (forced) agrees on every series mean and on within-series quantiles', () => {
    // Budget 0 puts every segment on the Poisson cohort sampler: each series
    // is exact on its own (Poisson thinning); cash and the KPIs lose the
    // within-trial coupling between series (cash: between payments of one
    // deal; KPIs: wins vs. their own entries) — an error of order 1/count that
    // matters only at these small counts, never where the engine picks
    // cohorts. So cash is compared by means only, KPIs not at all.
    const plan = smallPlan();
    const model = compile(plan, { trackedEventBudget: 0 });
    expect(model.segments.map((s) => s.trackFrom)).toEqual([5, 3]);
    const eng = engineRun(plan, { trials: N, seed: 11, trackedEventBudget: 0 });
    const ref = referenceRun(plan, N, 123);
    const failures = compare(plan, eng, ref, { cashQuantiles: false, kpis: false, monthly: true }).filter(
      (f) => !/^target t-(cash|winrate|conv|cycle|cashcycle|ltc-winrate|shop-conv|delivery)/.test(f),
    );
    expect(failures).toEqual([]);
  });

  for (const trackFrom of [
    [2, 1],
    [3, 2],
    [4, 0],
  ]) {
    it(`mixed sampler (per deal from stages ${trackFrom.join(', ')}) agrees on means and series quantiles`, () => {
      // Early stages from cohorts, later ones per deal: every series is exact
      // on its own; only the coupling of the early series with the later ones
      // (KPIs) is lost.
      const plan = smallPlan();
      const eng = engineRun(plan, { trials: N, seed: 13, trackFrom });
      const ref = referenceRun(plan, N, 321);
      const failures = compare(plan, eng, ref, { cashQuantiles: true, kpis: false, monthly: true }).filter(
        (f) => !/^target t-(winrate|conv|cycle|cashcycle|ltc-winrate|shop-conv|delivery)/.test(f),
      );
      expect(failures).toEqual([]);
    });
  }
});
