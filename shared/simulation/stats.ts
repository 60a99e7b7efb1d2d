// Per-trial statistics vector and quantiles. One trial yields S numbers:
// every monthly series value, horizon and phase totals, and the four KPIs
// per window (window 0 = horizon, 1 + p = phase p). Chunks keep their sums
// and, for quantiles, the values themselves (column-major).

import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import type { TargetMetric } from '../plan/types';
import type { CompiledModel, CompiledTarget } from './compile';
import type { TrialRunner } from './trial';

export const NS = SERIES_METRICS.length;
export const NK = KPI_METRICS.length;

export interface StatLayout {
  H: number;
  P: number;
  /** Statistics per trial. */
  S: number;
  totalsBase: number;
  phaseBase: number;
  kpiBase: number;
}

export function statLayout(H: number, P: number): StatLayout {
  const totalsBase = NS * H;
  const phaseBase = totalsBase + NS;
  const kpiBase = phaseBase + NS * P;
  return { H, P, S: kpiBase + NK * (1 + P), totalsBase, phaseBase, kpiBase };
}

export const seriesIndex = (l: StatLayout, metric: number, month: number) => metric * l.H + month;
export const totalIndex = (l: StatLayout, metric: number) => l.totalsBase + metric;
export const phaseIndex = (l: StatLayout, phase: number, metric: number) => l.phaseBase + phase * NS + metric;
/** window 0 = horizon, 1 + p = phase p. */
export const kpiIndex = (l: StatLayout, window: number, kpi: number) => l.kpiBase + window * NK + kpi;

export function seriesMetricIndex(m: TargetMetric): number {
  return (SERIES_METRICS as readonly string[]).indexOf(m);
}
export function kpiMetricIndex(m: TargetMetric): number {
  return (KPI_METRICS as readonly string[]).indexOf(m);
}

/** Index in the stat vector of a metric over a window (phase index, or −1 for the horizon). */
export function metricIndex(l: StatLayout, metric: TargetMetric, phase: number): number {
  const s = seriesMetricIndex(metric);
  if (s >= 0) return phase < 0 ? totalIndex(l, s) : phaseIndex(l, phase, s);
  return kpiIndex(l, phase + 1, kpiMetricIndex(metric));
}

/** Lower-is-better metrics: attained when the value is <= the target. */
export function lowerIsBetter(metric: TargetMetric): boolean {
  return metric === 'salesCycleDays' || metric === 'deliveryCycleDays' || metric === 'cashCycleDays';
}

/** A target is attained when its phase value reaches it; an undefined KPI never does. */
export function attained(t: CompiledTarget, value: number): boolean {
  if (value !== value) return false;
  return lowerIsBetter(t.metric) ? value <= t.value : value >= t.value;
}

function windowSum(a: Float64Array, start: number, end: number): number {
  let s = 0;
  for (let m = start; m <= end; m++) s += a[m]!;
  return s;
}

/** Writes the trial's S statistics into out[at…at+S). */
export function fillTrialStats(model: CompiledModel, r: TrialRunner, l: StatLayout, out: Float64Array, at = 0): void {
  const H = l.H;
  const series = r.series;
  const phases = model.phases;
  for (let mi = 0; mi < NS; mi++) {
    const a = series[mi]!;
    out.set(a, at + mi * H);
    out[at + l.totalsBase + mi] = windowSum(a, 0, H - 1);
    for (let p = 0; p < phases.length; p++) {
      out[at + l.phaseBase + p * NS + mi] = windowSum(a, phases[p]!.start, phases[p]!.end);
    }
  }
  for (let w = 0; w <= phases.length; w++) {
    const start = w === 0 ? 0 : phases[w - 1]!.start;
    const end = w === 0 ? H - 1 : phases[w - 1]!.end;
    const wins = windowSum(r.wins, start, end);
    const last = windowSum(r.lastEntries, start, end);
    const leads = windowSum(r.leads, start, end);
    const den = windowSum(r.cashCycleDen, start, end);
    const base = at + l.kpiBase + w * NK;
    out[base] = last > 0 ? wins / last : NaN;
    out[base + 1] = leads > 0 ? wins / leads : NaN;
    out[base + 2] = wins > 0 ? windowSum(r.cycleSum, start, end) / wins : NaN;
    out[base + 3] = den > 0 ? windowSum(r.cashCycleNum, start, end) / den : NaN;
  }
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

