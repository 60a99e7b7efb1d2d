// Plan vs actual and the reforecast (simulation-model.md, "Actuals: plan vs
// actual, and the reforecast"). Re-runs the trials of a run with its seed —
// trial t always draws from the streams of (seed, t), so these are the very
// trials of the stored run — and collects, per trial, only what the
// reforecast needs: each (metric, scope) with actuals month by month, the
// pooled monthly series and every target's value. The Monte-Carlo hot path
// (montecarlo.ts) is untouched: this loop drives the same TrialRunner and
// fillTrialStats as the reverse funnel does (evaluate.ts).

import type { ActualMetric, Plan } from '../plan/types';
import { ACTUAL_METRICS } from '../plan/types';
import { monthIndex } from '../plan/months';
import { compile } from './compile';
import type { CompiledModel } from './compile';
import { CHUNK_SIZE, checkCancelled, now } from './montecarlo';
import { attained, fillTrialStats, metricIndex, modelLayout, quantiles3, seriesIndex, seriesMetricIndex, StatScratch } from './stats';
import { TrialRunner } from './trial';
import type { SeriesStats } from './types';
import type { ActualCheck, ActualTrack, ReforecastOptions, ReforecastResult, TargetReforecast } from './reforecast-types';

export * from './reforecast-types';
import { validateSimulationInput } from './validate';
import { effectiveSampleSize, weightedMean, weightedQuantiles } from './weighted';

interface Group {
  metric: ActualMetric;
  mi: number;
  segmentId: string | null;
  /** Index of the compiled scope (its canonical `sameAs`). */
  scope: number;
  /** Actual per month (NaN: none). */
  act: Float64Array;
  last: number;
  /** Per trial, the scope's simulated series (trial-major: t·H + m). */
  sim: Float64Array;
}

/** The groups of actuals, by (metric, scope); the whole plan's value wins where a one-segment plan makes two coincide. */
function groupsOf(plan: Plan, model: CompiledModel, trials: number): Group[] {
  const H = model.H;
  const F = model.funnels.length;
  const segIndex = new Map(plan.segments.map((s, i) => [s.id, i]));
  const groups = new Map<string, Group>();
  const actuals = [...(plan.actuals ?? [])].sort((a, b) => (a.segmentId === undefined ? 0 : 1) - (b.segmentId === undefined ? 0 : 1));
  for (const a of actuals) {
    const m = monthIndex(plan.plan.startMonth, a.month);
    if (m < 0 || m >= H) continue; // the plan rules refuse these; nothing to compare with
    const si = a.segmentId === undefined ? -1 : segIndex.get(a.segmentId);
    if (si === undefined) continue;
    const scope = si < 0 ? 0 : model.scopes[1 + F + si]!.sameAs;
    const key = `${a.metric}|${scope}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        metric: a.metric,
        mi: seriesMetricIndex(a.metric),
        segmentId: a.segmentId ?? null,
        scope,
        act: new Float64Array(H).fill(NaN),
        last: -1,
        sim: new Float64Array(trials * H),
      };
      groups.set(key, g);
    }
    if (g.act[m] === g.act[m]) continue;
    g.act[m] = a.value;
    g.last = Math.max(g.last, m);
  }
  return [...groups.values()];
}

const stats = (): SeriesStats => ({ mean: [], p10: [], p50: [], p90: [] });

function pushWeighted(st: SeriesStats, col: Float64Array, w: Float64Array): void {
  const [p10, p50, p90] = weightedQuantiles(col, w, [0.1, 0.5, 0.9]) as [number, number, number];
  st.mean.push(weightedMean(col, w));
  st.p10.push(p10);
  st.p50.push(p50);
  st.p90.push(p90);
}

function pushPlain(st: SeriesStats, col: Float64Array): void {
  let s = 0;
  for (let i = 0; i < col.length; i++) s += col[i]!;
  const [p10, p50, p90] = quantiles3(col.slice(), col.length);
  st.mean.push(s / col.length);
  st.p10.push(p10);
  st.p50.push(p50);
  st.p90.push(p90);
}

export function reforecast(plan: Plan, opts: ReforecastOptions = {}): ReforecastResult {
  const t0 = now();
  validateSimulationInput(plan, opts);
  const trials = opts.trials ?? plan.plan.trials;
  const seed = opts.seed ?? plan.plan.seed;
  const model = compile(plan, { scenarioId: opts.scenarioId ?? null });
  const layout = modelLayout(model);
  const H = model.H;
  const groups = groupsOf(plan, model, trials);
  const targets = model.targets;
  const targetIdx = targets.map((t) => metricIndex(layout, t.metric, t.phase, t.scope));
  const targetVal = targets.map(() => new Float64Array(trials));
  const pooledIdx = ACTUAL_METRICS.map((m) => seriesMetricIndex(m));
  const pooled = new Float64Array(trials * ACTUAL_METRICS.length * H);
  const NM = ACTUAL_METRICS.length;

  // --- run the trials, keeping what the reforecast reads
  const runner = new TrialRunner(model);
  const scratch = new StatScratch(model);
  const row = new Float64Array(layout.S);
  const all = runner.all;
  for (let t = 0; t < trials; t++) {
    if (t % CHUNK_SIZE === 0) {
      checkCancelled(opts.hooks);
      if (t > 0) opts.hooks?.onProgress?.(t, trials);
    }
    runner.run(seed, t);
    fillTrialStats(model, runner, layout, row, 0, scratch);
    for (let ti = 0; ti < targets.length; ti++) targetVal[ti]![t] = row[targetIdx[ti]!]!;
    for (let k = 0; k < NM; k++) {
      const from = seriesIndex(layout, pooledIdx[k]!, 0);
      pooled.set(row.subarray(from, from + H), (t * NM + k) * H);
    }
    for (const g of groups) {
      const acc = all[g.mi]!;
      const segs = model.scopes[g.scope]!.segments;
      const o = t * H;
      if (g.scope === 0) g.sim.set(row.subarray(seriesIndex(layout, g.mi, 0), seriesIndex(layout, g.mi, 0) + H), o);
      else
        for (let m = 0; m < H; m++) {
          let x = 0;
          for (const s of segs) x += acc[s * H + m]!;
          g.sim[o + m] = x;
        }
    }
  }
  opts.hooks?.onProgress?.(trials, trials);

  // --- importance weights, in logs so that far-off actuals cannot underflow every weight to 0
  const logW = new Float64Array(trials);
  const col = new Float64Array(trials);
  const tracks: ActualTrack[] = [];
  const checks: ActualCheck[] = [];
  const sums = groups.map((g) => {
    const S = new Float64Array(trials);
    for (let t = 0; t < trials; t++) {
      let x = 0;
      for (let m = 0; m <= g.last; m++) x += g.sim[t * H + m]!;
      S[t] = x;
    }
    let A = 0;
    for (let m = 0; m <= g.last; m++) if (g.act[m] === g.act[m]) A += g.act[m]!;
    const mean = S.reduce((a, b) => a + b, 0) / trials;
    const sd = Math.sqrt(S.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, trials - 1));
    const sigma = Math.max(0.1 * Math.abs(A), 0.25 * sd, 1);
    for (let t = 0; t < trials; t++) logW[t]! += -0.5 * ((S[t]! - A) / sigma) ** 2;
    return { A, sigma };
  });
  let maxLog = -Infinity;
  for (let t = 0; t < trials; t++) maxLog = Math.max(maxLog, logW[t]!);
  const w = new Float64Array(trials);
  for (let t = 0; t < trials; t++) w[t] = Math.exp(logW[t]! - maxLog);
  const ess = effectiveSampleSize(w);
  // Weighted statistics read only the trials whose weight is not negligible
  // (≥ 1e-12 of the largest): the rest shift no weighted share by more than
  // trials·1e-12 of the total, and skipping them keeps the weighted
  // quantiles cheap when the actuals leave few trials standing.
  const live: number[] = [];
  for (let t = 0; t < trials; t++) if (w[t]! >= 1e-12) live.push(t);
  const L = live.length;
  const liveW = Float64Array.from(live, (t) => w[t]!);
  const liveCol = new Float64Array(L);
  const weighted = (st: SeriesStats, value: (t: number) => number): void => {
    for (let i = 0; i < L; i++) liveCol[i] = value(live[i]!);
    // Without actuals every weight is 1: the run's own (type 7) statistics, not the weighted inverse-ECDF ones.
    if (groups.length === 0) pushPlain(st, liveCol);
    else pushWeighted(st, liveCol, liveW);
  };

  // --- each actual against its simulated month; each track's bands and cumulative path
  groups.forEach((g, gi) => {
    const simulated = stats();
    const ref = stats();
    const cumulative: ActualTrack['cumulative'] = [];
    const cum = new Float64Array(trials);
    let cumActual = 0;
    for (let m = 0; m < H; m++) {
      for (let t = 0; t < trials; t++) col[t] = g.sim[t * H + m]!;
      pushPlain(simulated, col);
      const a = g.act[m]!;
      if (m <= g.last) {
        const v = a === a ? a : 0;
        ref.mean.push(v);
        ref.p10.push(v);
        ref.p50.push(v);
        ref.p90.push(v);
        for (let t = 0; t < trials; t++) cum[t]! += col[t]!;
        cumActual += v;
        const [p10, p50, p90] = quantiles3(cum.slice(), trials);
        cumulative.push({ month: model.months[m]!, actual: cumActual, p10, p50, p90 });
      } else weighted(ref, (t) => g.sim[t * H + m]!);
      if (a === a) {
        let below = 0;
        for (let t = 0; t < trials; t++) if (col[t]! <= a) below++;
        const p10 = simulated.p10[m]!;
        const p90 = simulated.p90[m]!;
        checks.push({
          month: model.months[m]!,
          metric: g.metric,
          segmentId: g.segmentId,
          value: a,
          p10,
          p50: simulated.p50[m]!,
          p90,
          percentile: below / trials,
          outside: a < p10 ? 'below' : a > p90 ? 'above' : null,
        });
      }
    }
    tracks.push({
      metric: g.metric,
      segmentId: g.segmentId,
      through: model.months[g.last]!,
      actualSum: sums[gi]!.A,
      sigma: sums[gi]!.sigma,
      actuals: Array.from(g.act, (x) => (x === x ? x : null)),
      simulated,
      reforecast: ref,
      cumulative,
    });
  });
  const order = (c: ActualCheck) => `${c.month}|${ACTUAL_METRICS.indexOf(c.metric)}|${c.segmentId ?? ''}`;
  checks.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));

  // --- the pooled series after the reforecast
  const series = {} as Record<ActualMetric, SeriesStats>;
  ACTUAL_METRICS.forEach((metric, k) => {
    const g = groups.find((x) => x.scope === 0 && x.metric === metric);
    const st = stats();
    for (let m = 0; m < H; m++) {
      if (g && m <= g.last) {
        const v = g.act[m] === g.act[m] ? g.act[m]! : 0;
        st.mean.push(v);
        st.p10.push(v);
        st.p50.push(v);
        st.p90.push(v);
        continue;
      }
      weighted(st, (t) => pooled[(t * NM + k) * H + m]!);
    }
    series[metric] = st;
  });

  // --- every target: as planned, and given the actuals (their months substituted in its phase window)
  // Phase by phase, in the order the run lists them (SimulationResult.phases[].targets).
  const byPhase = targets.map((tg, ti) => ({ tg, ti })).sort((a, b) => a.tg.phase - b.tg.phase || a.ti - b.ti);
  const targetResults: TargetReforecast[] = byPhase.map(({ tg, ti }) => {
    const vals = targetVal[ti]!;
    const ph = model.phases[tg.phase]!;
    const scope = model.scopes[tg.scope]!.sameAs;
    const g = seriesMetricIndex(tg.metric) >= 0 ? groups.find((x) => x.scope === scope && x.metric === tg.metric) : undefined;
    let hit = 0;
    let whit = 0;
    let wsum = 0;
    const to = g ? Math.min(ph.end, g.last) : -1;
    let actualPart = 0;
    if (g) for (let m = ph.start; m <= to; m++) actualPart += g.act[m] === g.act[m] ? g.act[m]! : 0;
    for (let t = 0; t < trials; t++) {
      let v = vals[t]!;
      if (attained(tg, v)) hit++;
      if (g && ph.start <= to) {
        for (let m = ph.start; m <= to; m++) v -= g.sim[t * H + m]!;
        v += actualPart;
      }
      wsum += w[t]!;
      if (attained(tg, v)) whit += w[t]!;
    }
    return {
      id: tg.id,
      phaseId: ph.id,
      metric: tg.metric,
      value: tg.value,
      funnelId: tg.funnelId,
      segmentId: tg.segmentId,
      probability: hit / trials,
      reforecast: whit / wsum,
    };
  });

  let asOf = -1;
  for (const g of groups) asOf = Math.max(asOf, g.last);
  return {
    reforecastVersion: 1,
    trials,
    seed,
    scenario: model.scenarioId,
    months: model.months,
    asOf: asOf < 0 ? null : model.months[asOf]!,
    ess,
    checks,
    tracks,
    series,
    targets: targetResults,
    elapsedMs: now() - t0,
  };
}

