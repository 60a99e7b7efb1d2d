// Poisson draws, exact except the normal approximation from a mean of
// POISSON_NORMAL_MIN (docs/simulation-engine.md lists it with its error):
// inversion, PTRS, and the integer-mean tables the exact sampler's runs draw
// from; logGamma, which they and the calibration share.

import type { Rng } from './rng';

const LOGGAM_COEF = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];
const HALF_LOG_2PI = 0.9189385332046728;

/** log Γ(x) for x > 0 (Stirling series after shifting x ≥ 7; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  let x0 = x;
  let n = 0;
  if (x <= 7) {
    n = Math.floor(7 - x);
    x0 = x + n;
  }
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM_COEF[9]!;
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM_COEF[k]!;
  let gl = gl0 / x0 + HALF_LOG_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    x0 -= 1;
    gl -= Math.log(x0);
  }
  return gl;
}

const INV_INT = Float64Array.from({ length: 128 }, (_, k) => (k === 0 ? 0 : 1 / k));

/** Mean from which Poisson draws use the Cornish–Fisher normal approximation. */
export const POISSON_NORMAL_MIN = 1000;

/**
 * Poisson(λ): inversion for λ < 10 and Hörmann's PTRS transformed rejection
 * (1993) below POISSON_NORMAL_MIN — both exact, O(1) per draw. From there,
 * the normal with a first-order Cornish–Fisher skew correction and a
 * continuity correction, ⌊λ + √λ·z + (z² − 1)/6 + ½⌋. Its CDF differs from
 * the Poisson's by at most ≈ 0.012/λ (computed: 1.2e-5 at λ = 1000,
 * 1.2e-7 at 10⁵); it is 2–3× cheaper than PTRS and only huge cohorts reach it.
 */
export function samplePoisson(rng: Rng, lambda: number): number {
  const c = SCRATCH;
  c[0] = lambda;
  if (lambda < 10) {
    c[7] = Math.exp(-lambda);
    return poissonInversion(rng, c);
  }
  if (lambda >= POISSON_NORMAL_MIN) return poissonNormal(rng, c, 0);
  ptrsSetup(lambda, c);
  return ptrsLoop(rng, c);
}

// The Poisson samplers' constants travel in typed arrays, not as arguments:
// a double passed to (or returned from) a call V8 does not inline is boxed,
// an allocation each.
/** λ, then PTRS's constants (ptrsSetup) or, at [7], exp(−λ) for inversion. */
const SCRATCH = new Float64Array(8);

/**
 * samplePoisson(rng, means[i]), the mean read from a typed array (the
 * cohort sampler's means; see SCRATCH). The normal branch is written here so
 * that the common huge-cohort draw inlines.
 */
export function poissonAt(rng: Rng, means: Float64Array, i: number): number {
  const lambda = means[i]!;
  return lambda >= POISSON_NORMAL_MIN ? poissonNormal(rng, means, i) : samplePoisson(rng, lambda);
}

/** out[i] += Poisson(means[i]) for i < n: one series' counts, month by month, as samplePoisson draws them. */
export function addPoissonCounts(rng: Rng, means: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) out[i]! += poissonAt(rng, means, i);
}

/** Inversion by sequential search (λ = c[0], exp(−λ) = c[7]); returns 0 for λ <= 0 and NaN. */
function poissonInversion(rng: Rng, c: Float64Array): number {
  const lambda = c[0]!;
  let k = 0;
  let p = c[7]!;
  let s = p;
  const u = rng.next();
  // 1/k from a table: the divisions were most of the cost of small draws.
  while (u > s && k < 63) {
    k++;
    p *= lambda * INV_INT[k]!;
    s += p;
  }
  return k;
}

/** The normal approximation for λ = c[i] >= POISSON_NORMAL_MIN (see samplePoisson). */
function poissonNormal(rng: Rng, c: Float64Array, i: number): number {
  const lambda = c[i]!;
  const z = rng.normal();
  const x = Math.floor(lambda + Math.sqrt(lambda) * z + (z * z - 1) / 6 + 0.5);
  return x > 0 ? x : 0;
}

/** PTRS's constants of one mean — λ, log λ, b, a, 1/α, v_r — written to c[0 … 6). */
function ptrsSetup(lambda: number, c: Float64Array): void {
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  c[0] = lambda;
  c[1] = Math.log(lambda);
  c[2] = b;
  c[3] = -0.059 + 0.02483 * b;
  c[4] = 1.1239 + 1.1328 / (b - 3.4);
  c[5] = 0.9277 - 3.6224 / (b - 2);
}

/** LOG_FACTORIAL[k] = logGamma(k + 1), the same numbers: PTRS's rejection test takes log k! for k up to ≈ 1.1·POISSON_NORMAL_MIN. */
const LOG_FACTORIAL = Float64Array.from({ length: 1200 }, (_, k) => logGamma(k + 1));

function ptrsLoop(rng: Rng, c: Float64Array): number {
  const lambda = c[0]!;
  const loglam = c[1]!;
  const b = c[2]!;
  const a = c[3]!;
  const invalpha = c[4]!;
  const vr = c[5]!;
  for (;;) {
    const U = rng.next() - 0.5;
    const V = rng.nextOpen();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lambda + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (
      Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - (k < LOG_FACTORIAL.length ? LOG_FACTORIAL[k]! : logGamma(k + 1))
    ) {
      return k;
    }
  }
}

/** The largest uniform Rng.next() returns, (2³² − 1)/2³². */
const U_MAX = 1 - 2 ** -32;

/**
 * poissonOnceAt and addPoissonDraws draw a mean below SPLIT_MAX as Poisson(n) +
 * Poisson(δ), n = ⌊λ⌋, δ = λ − n: the sum of independent Poisson counts is
 * Poisson, so this is exact. Poisson(n) inverts the CDF table of the
 * integer mean n (integerTable: built once per process and shared by every
 * trial; the exact sampler's means change every trial, and a table of λ
 * itself cost about seven PTRS draws per run of months), Poisson(δ) by a
 * sequential search from e^−δ (taken once per run; δ < 1, so it mostly stops
 * at 0 or 1). Two uniforms a draw and no set-up.
 */
const SPLIT_MAX = 128;

/** Entries of an integer table's guide (Chen and Asau's indexed search: guide[j] is the first k with cdf[k] >= j/INT_GUIDE, where the search for a u >= j/INT_GUIDE may start). */
const INT_GUIDE = 128;

/** The CDF of Poisson(n) as inversion sums it, k = 0 … top (until it reaches every uniform), and its guide table. */
interface IntegerTable {
  readonly cdf: Float64Array;
  readonly top: number;
  readonly guide: Int32Array;
}
const integerTables: IntegerTable[] = [];

function integerTable(n: number): IntegerTable {
  const cached = integerTables[n];
  if (cached) return cached;
  const cdf = new Float64Array(Math.ceil(n + 12 * Math.sqrt(n) + 40));
  let k = 0;
  let p = Math.exp(-n);
  let s = p;
  cdf[0] = s;
  while (s < U_MAX && k < cdf.length - 1) {
    k++;
    p *= n / k;
    s += p;
    cdf[k] = s;
  }
  const guide = new Int32Array(INT_GUIDE);
  for (let j = 0, g = 0; j < INT_GUIDE; j++) {
    while (g < k && cdf[g]! < j / INT_GUIDE) g++;
    guide[j] = g;
  }
  return (integerTables[n] = { cdf, top: k, guide });
}

/**
 * Poisson(δ), δ < 1 (e = e^−δ), by sequential search: P(0) = e^−δ, P(j) =
 * P(j − 1)·δ/j; ends by j ≈ 13 (δ^13/13! < 2^−32), mostly at 0 or 1.
 */
function poissonFraction(rng: Rng, delta: number, e: number): number {
  const v = rng.next();
  let j = 0;
  let q = e;
  let c = e;
  while (v > c && j < 40) {
    j++;
    q *= delta * INV_INT[j]!;
    c += q;
  }
  return j;
}

/**
 * One Poisson(means[i]) draw for a mean that does not repeat (the exact
 * sampler's fate counts, one per fate and run of months): below SPLIT_MAX
 * Poisson(⌊λ⌋) from the shared integer table plus Poisson(δ) — no set-up
 * but one exp; from there as samplePoisson (PTRS or the normal).
 */
export function poissonOnceAt(rng: Rng, means: Float64Array, i: number): number {
  const lambda = means[i]!;
  if (!(lambda < SPLIT_MAX)) return poissonAt(rng, means, i);
  const n = Math.floor(lambda);
  const { cdf, top, guide } = integerTable(n);
  const u = rng.next();
  let k = guide[Math.floor(u * INT_GUIDE)]!;
  while (k < top && u > cdf[k]!) k++;
  const delta = lambda - n;
  return k + poissonFraction(rng, delta, Math.exp(-delta));
}

/**
 * out[m] += a Poisson(means[i]) draw for m = from … to − 1: the months of a
 * run of one mean (the exact sampler's stage-0 losses). Below SPLIT_MAX as
 * poissonOnceAt draws, with e^−δ taken once for the run; above, PTRS with
 * its set-up once for the run (or the normal from POISSON_NORMAL_MIN).
 */
export function addPoissonDraws(rng: Rng, means: Float64Array, i: number, out: Float64Array, from: number, to: number): void {
  const lambda = means[i]!;
  if (!(lambda < SPLIT_MAX)) {
    const c = SCRATCH;
    c[0] = lambda;
    if (lambda >= POISSON_NORMAL_MIN) {
      for (let m = from; m < to; m++) out[m]! += poissonNormal(rng, c, 0);
      return;
    }
    ptrsSetup(lambda, c);
    for (let m = from; m < to; m++) out[m]! += ptrsLoop(rng, c);
    return;
  }
  const n = Math.floor(lambda);
  const delta = lambda - n;
  const { cdf, top, guide } = integerTable(n);
  const e = Math.exp(-delta);
  for (let m = from; m < to; m++) {
    const u = rng.next();
    let k = guide[Math.floor(u * INT_GUIDE)]!;
    while (k < top && u > cdf[k]!) k++;
    out[m]! += k + poissonFraction(rng, delta, e);
  }
}
