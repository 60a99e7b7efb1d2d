// Per-trial statistics vector and quantiles. One trial yields S numbers:
// every pooled monthly series value, then per scope (0 = all funnels
// pooled, 1 + f = funnel f, 1 + F + s = segment s) and window (0 = horizon,
// 1 + p = phase p) the series totals, then per scope and window the KPIs.
// Chunks keep their sums and, for quantiles, the values themselves
// (column-major).

import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import type { TargetMetric } from '../plan/types';
import type { CompiledModel, CompiledTarget } from './compile';
import { ACC, NA } from './trial';
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
export function kpisOf(x: ArrayLike<number>, out: Float64Array | number[], at: number): void {
  const wins = x[ACC.wins]!;
  const decided = wins + x[ACC.lostOpportunities]!;
  const leads = x[ACC.leads]!;
  const value = x[ACC.wonValue]!;
  out[at] = decided > 0 ? wins / decided : NaN;
  out[at + 1] = leads > 0 ? wins / leads : NaN;
  out[at + 2] = wins > 0 ? x[ACC.salesDays]! / wins : NaN;
  out[at + 3] = wins > 0 ? x[ACC.deliveryDays]! / wins : NaN;
  out[at + 4] = value > 0 ? x[ACC.cashDaysValue]! / value : NaN;
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

/** Writes the trial's S statistics into out[at…at+S). */
export function fillTrialStats(
  model: CompiledModel,
  r: TrialRunner,
  l: StatLayout,
  out: Float64Array,
  at = 0,
  scratch = new StatScratch(model),
): void {
  const H = l.H;
  const W = 1 + l.P;
  const G = model.segments.length;
  const phases = model.phases;
  const all = r.all;
  // Pooled monthly series.
  for (let mi = 0; mi < NS; mi++) {
    const a = all[mi]!;
    const o = at + mi * H;
    for (let m = 0; m < H; m++) {
      let x = 0;
      for (let g = 0; g < G; g++) x += a[g * H + m]!;
      out[o + m] = x;
    }
  }
  // Window sums per segment.
  const seg = scratch.seg;
  for (let g = 0; g < G; g++) {
    for (let w = 0; w < W; w++) {
      const start = w === 0 ? 0 : phases[w - 1]!.start;
      const end = w === 0 ? H - 1 : phases[w - 1]!.end;
      const base = (g * W + w) * NA;
      for (let ai = 0; ai < NA; ai++) {
        const a = all[ai]!;
        let x = 0;
        for (let m = start; m <= end; m++) x += a[g * H + m]!;
        seg[base + ai] = x;
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
      const to = at + windowTotalIndex(l, z, w, 0);
      for (let mi = 0; mi < NS; mi++) out[to + mi] = x[mi]!;
      kpisOf(x, out, at + kpiIndex(l, w, 0, z));
    }
  });
}

// ------------------------------------------------------------- quantiles

/**
 * Rearranges a[lo…hi] so that a[k] is the k-th smallest, everything left of
 * it <= and right of it >= (Floyd–Rivest selection: ~1.5 n comparisons for a
 * median, half of quickselect's; quantiles were a tenth of a run's time).
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample to put a[k] close to its final value first.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)), k);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo]!;
  for (let i = lo + 1; i <= hi; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * p10, p50, p90 of a[0…n) (type 7: linear between order statistics, as
 * R's and NumPy's defaults). Reorders a. NaN when n = 0.
 */
export function quantiles3(a: Float64Array, n: number): [number, number, number] {
  if (n === 0) return [NaN, NaN, NaN];
  const q = (prob: number, lo: number, hi: number): number => {
    const h = (n - 1) * prob;
    const k = Math.floor(h);
    select(a, lo, hi, k);
    const v = a[k]!;
    if (k + 1 >= n || h === k) return v;
    // The next order statistic is the least value right of k; everything past
    // hi is already known to be >= the values inside [lo, hi].
    const next = k + 1 <= hi ? minOf(a, k + 1, hi) : minOf(a, k + 1, n - 1);
    return v + (h - k) * (next - v);
  };
  const p50 = q(0.5, 0, n - 1);
  const k50 = Math.floor((n - 1) * 0.5);
  // After selecting p50, everything left of k50 is <= a[k50], right is >=.
  const p10 = q(0.1, 0, k50);
  const p90 = q(0.9, k50, n - 1);
  return [p10, p50, p90];
}

