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
const BOOKINGS = ACC.bookings;
const WON_VALUE = ACC.wonValue;
/** The accumulators windowSums adds up: all but wonValue, the last (bookings' array in a trial). */
const SUMMED = NA - 1;
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
  /** One scope's accumulator sums over one window. */
  readonly scope: Float64Array;
  /** One pooled monthly series. */
  readonly month: Float64Array;
  /** Each scope's segments (plain Int32Arrays: read per trial). */
  readonly scopeSegments: Int32Array[];
  /** Each scope's first scope with the same segments (CompiledScope.sameAs). */
  readonly scopeSameAs: Int32Array;
  /** First and last month of each window (0 = horizon, 1 + p = phase p). */
  readonly windowStart: Int32Array;
  readonly windowEnd: Int32Array;
  /**
   * The windows of the phases with months, by start, when no two overlap
   * (windowSums walks the months once); null otherwise.
   */
  readonly phaseOrder: Int32Array | null;
  /** The per-trial statistic rows of a chunk (montecarlo.ts). */
  rows = new Float64Array(0);
  constructor(readonly model: CompiledModel) {
    const W = 1 + model.phases.length;
    this.seg = new Float64Array(model.segments.length * W * NA);
    this.scope = new Float64Array(NA);
    this.month = new Float64Array(model.H);
    this.scopeSegments = model.scopes.map((sc) => Int32Array.from(sc.segments));
    this.scopeSameAs = Int32Array.from(model.scopes, (sc) => sc.sameAs);
    this.windowStart = Int32Array.from([0, ...model.phases.map((p) => p.start)]);
    this.windowEnd = Int32Array.from([model.H - 1, ...model.phases.map((p) => p.end)]);
    const order = model.phases
      .map((p, i) => ({ p, w: 1 + i }))
      .filter(({ p }) => p.start <= p.end)
      .sort((a, b) => a.p.start - b.p.start);
    const apart = order.every(({ p }, k) => k === 0 || order[k - 1]!.p.end < p.start);
    this.phaseOrder = apart ? Int32Array.from(order.map(({ w }) => w)) : null;
    // Phases without months sum to 0 (windowSums never writes them).
    this.seg.fill(0);
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
  pooledSeries(r.all, l.H, model.segments.length, out, at, stride, scratch.month);
  windowSums(r.all, l.H, model.segments.length, scratch);
  scopeStats(l, scratch, out, at, stride);
}

/**
 * The pooled monthly series: per metric and month the sum over segments,
 * added from 0 in segment order. Plans have few segments: up to four, the
 * sum is written out (no inner loop per month).
 */
function pooledSeries(all: Float64Array[], H: number, G: number, out: Float64Array, at: number, stride: number, x: Float64Array): void {
  for (let mi = 0; mi < NS; mi++) {
    const a = all[mi]!;
    const o = at + mi * H * stride;
    if (G === 1) for (let m = 0; m < H; m++) out[o + m * stride] = 0 + a[m]!;
    else if (G === 2) for (let m = 0; m < H; m++) out[o + m * stride] = 0 + a[m]! + a[H + m]!;
    else if (G === 3) for (let m = 0; m < H; m++) out[o + m * stride] = 0 + a[m]! + a[H + m]! + a[2 * H + m]!;
    else {
      for (let m = 0; m < H; m++) x[m] = 0 + a[m]!;
      for (let g = 1; g < G; g++) {
        const from = g * H;
        for (let m = 0; m < H; m++) x[m]! += a[from + m]!;
      }
      for (let m = 0; m < H; m++) out[o + m * stride] = x[m]!;
    }
  }
}

/**
 * Window sums per segment, four accumulators at a time: each sum is a
 * chain of dependent additions (one every ~4 cycles), so independent chains
 * in one loop run several times as fast. When the phases do not overlap
 * (the plan's rule), one walk through the months feeds both the horizon's
 * chain and the current phase's: half the reads, twice the chains. Every
 * sum still adds its months in order from its first, so the results are
 * the same to the bit.
 */
function windowSums(all: Float64Array[], H: number, G: number, scratch: StatScratch): void {
  const seg = scratch.seg;
  const order = scratch.phaseOrder;
  const W = scratch.windowStart.length;
  if (!order) return windowSumsApart(all, H, G, scratch);
  const starts = scratch.windowStart;
  const ends = scratch.windowEnd;
  for (let g = 0; g < G; g++) {
    const first = g * H;
    // wonValue, the last accumulator, is bookings' array (TrialRunner): its sums are copied below.
    for (let ai = 0; ai < SUMMED; ai += 4) {
      // Past the last summed accumulator, the group repeats it (and writes it last, unchanged).
      const i1 = Math.min(ai + 1, SUMMED - 1);
      const i2 = Math.min(ai + 2, SUMMED - 1);
      const i3 = Math.min(ai + 3, SUMMED - 1);
      const a0 = all[ai]!;
      const a1 = all[i1]!;
      const a2 = all[i2]!;
      const a3 = all[i3]!;
      let h0 = 0;
      let h1 = 0;
      let h2 = 0;
      let h3 = 0;
      let m = first;
      for (let k = 0; k < order.length; k++) {
        const w = order[k]!;
        const start = first + starts[w]!;
        const end = first + ends[w]!;
        for (; m < start; m++) {
          h0 += a0[m]!;
          h1 += a1[m]!;
          h2 += a2[m]!;
          h3 += a3[m]!;
        }
        let x0 = 0;
        let x1 = 0;
        let x2 = 0;
        let x3 = 0;
        for (; m <= end; m++) {
          const v0 = a0[m]!;
          const v1 = a1[m]!;
          const v2 = a2[m]!;
          const v3 = a3[m]!;
          h0 += v0;
          x0 += v0;
          h1 += v1;
          x1 += v1;
          h2 += v2;
          x2 += v2;
          h3 += v3;
          x3 += v3;
        }
        const base = (g * W + w) * NA;
        seg[base + i3] = x3;
        seg[base + i2] = x2;
        seg[base + i1] = x1;
        seg[base + ai] = x0;
      }
      for (const last = first + H; m < last; m++) {
        h0 += a0[m]!;
        h1 += a1[m]!;
        h2 += a2[m]!;
        h3 += a3[m]!;
      }
      const base = g * W * NA;
      seg[base + i3] = h3;
      seg[base + i2] = h2;
      seg[base + i1] = h1;
      seg[base + ai] = h0;
    }
    for (let w = 0; w < W; w++) seg[(g * W + w) * NA + WON_VALUE] = seg[(g * W + w) * NA + BOOKINGS]!;
  }
}

/** windowSums with each window's months read on their own (phases that overlap). */
function windowSumsApart(all: Float64Array[], H: number, G: number, scratch: StatScratch): void {
  const seg = scratch.seg;
  const starts = scratch.windowStart;
  const ends = scratch.windowEnd;
  const W = starts.length;
  for (let g = 0; g < G; g++) {
    for (let w = 0; w < W; w++) {
      const start = g * H + starts[w]!;
      const end = g * H + ends[w]!;
      const base = (g * W + w) * NA;
      for (let ai = 0; ai < NA; ai += 4) {
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
}

/**
 * Per scope and window: the series totals (sums of the scope's segments,
 * from 0 in scope order) and the KPIs. A scope with the same segments as an
 * earlier one (a funnel's only segment) copies that scope's numbers.
 */
function scopeStats(l: StatLayout, scratch: StatScratch, out: Float64Array, at: number, stride: number): void {
  const seg = scratch.seg;
  const x = scratch.scope;
  const scopes = scratch.scopeSegments;
  const sameAs = scratch.scopeSameAs;
  const W = 1 + l.P;
  for (let z = 0; z < scopes.length; z++) {
    const segs = scopes[z]!;
    const S = segs.length;
    if (sameAs[z] !== z) {
      copyScope(l, sameAs[z]!, z, out, at, stride);
      continue;
    }
    for (let w = 0; w < W; w++) {
      // Up to three segments (most scopes): the sum written out, no inner loop.
      const b0 = (segs[0]! * W + w) * NA;
      if (S === 1) for (let ai = 0; ai < NA; ai++) x[ai] = 0 + seg[b0 + ai]!;
      else if (S === 2) {
        const b1 = (segs[1]! * W + w) * NA;
        for (let ai = 0; ai < NA; ai++) x[ai] = 0 + seg[b0 + ai]! + seg[b1 + ai]!;
      } else if (S === 3) {
        const b1 = (segs[1]! * W + w) * NA;
        const b2 = (segs[2]! * W + w) * NA;
        for (let ai = 0; ai < NA; ai++) x[ai] = 0 + seg[b0 + ai]! + seg[b1 + ai]! + seg[b2 + ai]!;
      } else
        for (let ai = 0; ai < NA; ai++) {
          let v = 0;
          for (let k = 0; k < S; k++) v += seg[(segs[k]! * W + w) * NA + ai]!;
          x[ai] = v;
        }
      const to = at + windowTotalIndex(l, z, w, 0) * stride;
      for (let mi = 0; mi < NS; mi++) out[to + mi * stride] = x[mi]!;
      kpisOf(x, out, at + kpiIndex(l, w, 0, z) * stride, stride);
    }
  }
}

/** Scope z's statistics (every window's totals and KPIs) copied from scope y's, written earlier this trial. */
function copyScope(l: StatLayout, y: number, z: number, out: Float64Array, at: number, stride: number): void {
  const W = 1 + l.P;
  const totalsFrom = at + windowTotalIndex(l, y, 0, 0) * stride;
  const totalsTo = at + windowTotalIndex(l, z, 0, 0) * stride;
  for (let i = 0; i < W * NS; i++) out[totalsTo + i * stride] = out[totalsFrom + i * stride]!;
  const kpisFrom = at + kpiIndex(l, 0, 0, y) * stride;
  const kpisTo = at + kpiIndex(l, 0, 0, z) * stride;
  for (let i = 0; i < W * NK; i++) out[kpisTo + i * stride] = out[kpisFrom + i * stride]!;
}
