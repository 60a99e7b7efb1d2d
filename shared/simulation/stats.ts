// Per-trial statistics vector and quantiles. One trial yields S numbers:
// every pooled monthly series value, then per scope (0 = all funnels
// pooled, 1 + f = funnel f, 1 + F + s = segment s) and window (0 = horizon,
// 1 + p = phase p) the series totals, then per scope and window the KPIs.
// Chunks keep their sums and, for quantiles, the values themselves
// (column-major).

import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import type { TargetMetric } from '../plan/types';
import type { CompiledModel, CompiledTarget } from './compile';
import * as trial from './trial';

export { quantiles3 } from './quantiles';

// Module-local copies: where the modules run as CommonJS (tsx: the bench and
// the tests), every read of an imported binding is a getter call, and these
// are read per trial.
const ACC = trial.ACC;
const NA = trial.NA;
import type { TrialRunner } from './trial';

export const NS = SERIES_METRICS.length;
export const NK = KPI_METRICS.length;

export interface StatLayout {
  H: number;
  P: number;
  /** Scopes: 1 + funnels + segments. */
  Z: number;
  /** Statistics per trial. */
  S: number;
  /** Pooled horizon totals (scope 0, window 0); phase p of scope 0 follows at phaseBase + p·NS. */
  totalsBase: number;
  phaseBase: number;
  /** KPIs; statistics from here on may be undefined (NaN). */
  kpiBase: number;
}

export function statLayout(H: number, P: number, Z = 1): StatLayout {
  const totalsBase = NS * H;
  const phaseBase = totalsBase + NS;
  const kpiBase = totalsBase + Z * (1 + P) * NS;
  return { H, P, Z, S: kpiBase + Z * (1 + P) * NK, totalsBase, phaseBase, kpiBase };
}

/** The layout of a compiled model's statistics. */
export function modelLayout(model: CompiledModel): StatLayout {
  return statLayout(model.H, model.phases.length, model.scopes.length);
}

export const seriesIndex = (l: StatLayout, metric: number, month: number) => metric * l.H + month;
/** window 0 = horizon, 1 + p = phase p; scope 0 = pooled. */
export const windowTotalIndex = (l: StatLayout, scope: number, window: number, metric: number) =>
  l.totalsBase + (scope * (1 + l.P) + window) * NS + metric;
export const totalIndex = (l: StatLayout, metric: number, scope = 0) => windowTotalIndex(l, scope, 0, metric);
export const phaseIndex = (l: StatLayout, phase: number, metric: number, scope = 0) => windowTotalIndex(l, scope, 1 + phase, metric);
export const kpiIndex = (l: StatLayout, window: number, kpi: number, scope = 0) =>
  l.kpiBase + (scope * (1 + l.P) + window) * NK + kpi;

export function seriesMetricIndex(m: TargetMetric): number {
  return (SERIES_METRICS as readonly string[]).indexOf(m);
}
export function kpiMetricIndex(m: TargetMetric): number {
  return (KPI_METRICS as readonly string[]).indexOf(m);
}

/** Index in the stat vector of a metric over a window (phase index, or −1 for the horizon) in a scope. */
export function metricIndex(l: StatLayout, metric: TargetMetric, phase: number, scope = 0): number {
  const s = seriesMetricIndex(metric);
  if (s >= 0) return windowTotalIndex(l, scope, phase + 1, s);
  return kpiIndex(l, phase + 1, kpiMetricIndex(metric), scope);
}

/** Lower-is-better metrics (the three cycles): attained when the value is <= the target. */
export function lowerIsBetter(metric: TargetMetric): boolean {
  return metric === 'salesCycleDays' || metric === 'deliveryCycleDays' || metric === 'cashCycleDays';
}

/** A target is attained when its phase value reaches it; an undefined KPI never does. */
export function attained(t: CompiledTarget, value: number): boolean {
  if (value !== value) return false;
  return lowerIsBetter(t.metric) ? value <= t.value : value >= t.value;
}

/**
 * KPIs of one scope and window from its summed accumulators (ACCUMULATORS
 * order), written to out[at…at+NK) in KPI_METRICS order; NaN where the
 * denominator is empty.
 */
export function kpisOf(x: ArrayLike<number>, out: Float64Array | number[], at: number, stride = 1): void {
  const wins = x[ACC.wins]!;
  const decided = wins + x[ACC.lostOpportunities]!;
  const leads = x[ACC.leads]!;
  const value = x[ACC.wonValue]!;
  out[at] = decided > 0 ? wins / decided : NaN;
  out[at + stride] = leads > 0 ? wins / leads : NaN;
  out[at + 2 * stride] = wins > 0 ? x[ACC.salesDays]! / wins : NaN;
  out[at + 3 * stride] = wins > 0 ? x[ACC.deliveryDays]! / wins : NaN;
  out[at + 4 * stride] = value > 0 ? x[ACC.cashDaysValue]! / value : NaN;
}

/** Scratch space of fillTrialStats, per model. */
export class StatScratch {
  /** [segment][window][accumulator] sums. */
  readonly seg: Float64Array;
  readonly scope: Float64Array;
  /** The per-trial statistic rows of a chunk (montecarlo.ts). */
  rows = new Float64Array(0);
  constructor(readonly model: CompiledModel) {
    this.seg = new Float64Array(model.segments.length * (1 + model.phases.length) * NA);
    this.scope = new Float64Array(NA);
  }
}

/**
 * Writes the trial's S statistics into out[at + i·stride], i < S: a row
 * (stride 1), or a column of a chunk's column-major values (stride = the
 * chunk's trials, at = the trial).
 */
export function fillTrialStats(
  model: CompiledModel,
  r: TrialRunner,
  l: StatLayout,
  out: Float64Array,
  at = 0,
  scratch = new StatScratch(model),
  stride = 1,
): void {
  const H = l.H;
  const W = 1 + l.P;
  const G = model.segments.length;
  const phases = model.phases;
  const all = r.all;
  // Pooled monthly series.
  for (let mi = 0; mi < NS; mi++) {
    const a = all[mi]!;
    const o = at + mi * H * stride;
    for (let m = 0; m < H; m++) {
      let x = 0;
      for (let g = 0; g < G; g++) x += a[g * H + m]!;
      out[o + m * stride] = x;
    }
  }
  // Window sums per segment, four accumulators at a time: each sum is a
  // chain of dependent additions (one every ~4 cycles), so four independent
  // chains in one loop run about four times as fast. Every sum still adds
  // its months in order from 0, so the results are the same to the bit.
  const seg = scratch.seg;
  for (let g = 0; g < G; g++) {
    for (let w = 0; w < W; w++) {
      const start = g * H + (w === 0 ? 0 : phases[w - 1]!.start);
      const end = g * H + (w === 0 ? H - 1 : phases[w - 1]!.end);
      const base = (g * W + w) * NA;
      for (let ai = 0; ai < NA; ai += 4) {
        // Past the last accumulator, the group repeats it (and writes it last, unchanged).
        const a0 = all[ai]!;
        const a1 = all[Math.min(ai + 1, NA - 1)]!;
        const a2 = all[Math.min(ai + 2, NA - 1)]!;
        const a3 = all[Math.min(ai + 3, NA - 1)]!;
        let x0 = 0;
        let x1 = 0;
        let x2 = 0;
        let x3 = 0;
        for (let m = start; m <= end; m++) {
          x0 += a0[m]!;
          x1 += a1[m]!;
          x2 += a2[m]!;
          x3 += a3[m]!;
        }
        seg[base + Math.min(ai + 3, NA - 1)] = x3;
        seg[base + Math.min(ai + 2, NA - 1)] = x2;
        seg[base + Math.min(ai + 1, NA - 1)] = x1;
        seg[base + ai] = x0;
      }
    }
  }
  // Scopes: sums of their segments.
  const x = scratch.scope;
  model.scopes.forEach((sc, z) => {
    for (let w = 0; w < W; w++) {
      x.fill(0);
      for (const g of sc.segments) {
        const base = (g * W + w) * NA;
        for (let ai = 0; ai < NA; ai++) x[ai]! += seg[base + ai]!;
      }
      const to = at + windowTotalIndex(l, z, w, 0) * stride;
      for (let mi = 0; mi < NS; mi++) out[to + mi * stride] = x[mi]!;
      kpisOf(x, out, at + kpiIndex(l, w, 0, z) * stride, stride);
    }
  });
}
