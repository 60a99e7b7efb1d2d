// Samplers and moments of the distributions the model uses. Everything is
// exact except where a comment says otherwise (docs/simulation-engine.md
// lists every approximation with its error).

import type { Range } from '../plan/types';
import type { Rng } from './rng';

/**
 * A `Range` scaled by a non-negative factor (scenario × sensitivity × …):
 * a constant or a triangular distribution, sampled by inversion so that one
 * uniform buys one draw (keeps common-random-number streams aligned).
 */
export class RangeDist {
  readonly fixed: boolean;
  readonly min: number;
  readonly mode: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  /** CDF at the mode, and the two constants of the inverse CDF. */
  private readonly fc: number;
  private readonly ka: number;
  private readonly kb: number;
  private readonly width: number;

  constructor(range: Range, scale = 1) {
    const s = scale > 0 ? scale : 0;
    const lo = typeof range === 'number' ? range * s : range.min * s;
    const mo = typeof range === 'number' ? range * s : range.mode * s;
    const hi = typeof range === 'number' ? range * s : range.max * s;
    this.min = lo;
    this.mode = mo;
    this.max = hi;
    this.fixed = hi - lo <= 0;
    this.mean = this.fixed ? lo : (lo + mo + hi) / 3;
    this.variance = this.fixed
      ? 0
      : (lo * lo + mo * mo + hi * hi - lo * mo - lo * hi - mo * hi) / 18;
    const w = hi - lo;
    this.width = w;
    this.fc = this.fixed ? 2 : (mo - lo) / w;
    this.ka = this.fixed ? 0 : w * (mo - lo);
    this.kb = this.fixed ? 0 : w * (hi - mo);
  }

  /** Value at quantile u ∈ [0, 1). */
  quantile(u: number): number {
    return u < this.fc ? this.min + Math.sqrt(u * this.ka) : this.max - Math.sqrt((1 - u) * this.kb);
  }

  /**
   * One draw. Kept tiny so V8 inlines it into the hot loops (an un-inlined
   * call returning a double allocates). A fixed value takes the first branch
   * with ka = 0 and still consumes its uniform, which keeps streams aligned.
   */
  sample(rng: Rng): number {
    const u = rng.next();
    // Branch-free form of quantile(u): the branch is a coin flip for the CPU
    // and its mispredictions cost a third of a draw. lo ∈ {0, 1}.
    const lo = +(u < this.fc);
    const s = Math.sqrt(lo * u * this.ka + (1 - lo) * (1 - u) * this.kb);
    return this.max - this.width * lo + (2 * lo - 1) * s;
  }

  /** Writes the five constants of sample() — fc, ka, kb, max, width — to out[at…at+5) (see samplerTable). */
  writeSampler(out: Float64Array, at: number): void {
    out[at] = this.fc;
    out[at + 1] = this.ka;
    out[at + 2] = this.kb;
    out[at + 3] = this.max;
    out[at + 4] = this.width;
  }

  /**
   * E[(a − X)^+] = ∫_{-∞}^{a} F(x) dx. Closed form (F is piecewise
   * quadratic); it yields truncated means and the grid discretisation.
   */
  lowerPartialMean(a: number): number {
    const { min, mode, max } = this;
    if (this.fixed) return a > min ? a - min : 0;
    if (a <= min) return 0;
    if (a >= max) return a - this.mean;
    const w = max - min;
    // Plain products, not **: Math.pow dominated expected-value mode.
    const x = a - min;
    if (a <= mode) return (x * x * x) / (3 * w * (mode - min));
    const lm = mode - min;
    const rm = max - mode;
    const ra = max - a;
    return (lm * lm) / (3 * w) + a - mode - (rm * rm * rm - ra * ra * ra) / (3 * w * rm);
  }

  /** P(X < x) (closed form). */
  cdf(x: number): number {
    const { min, mode, max } = this;
    if (this.fixed) return x > min ? 1 : 0;
    if (x <= min) return 0;
    if (x >= max) return 1;
    const w = max - min;
    const lo = x - min;
    const hi = max - x;
    return x <= mode ? (lo * lo) / (w * (mode - min)) : 1 - (hi * hi) / (w * (max - mode));
  }

  /** E[min(1, X)]: the mean of a conversion rate after capping at 1. */
  cappedMean(): number {
    if (this.max <= 1) return this.mean;
    return 1 - this.lowerPartialMean(1);
  }
}

/**
 * sample()'s constants of several distributions, five each, for the per-deal
 * loops (trial.ts), which draw from such a table with the same arithmetic as
 * sample(), written out in the loop: a draw through a method call that V8
 * does not inline returns its double boxed, one allocation per draw.
 */
export function samplerTable(dists: readonly RangeDist[]): Float64Array {
  const out = new Float64Array(5 * dists.length);
  dists.forEach((d, i) => d.writeSampler(out, 5 * i));
  return out;
}

/** Largest n for which a sum of n values is drawn term by term. */
export const EXACT_SUM_MAX = 32;

/**
 * Sum of n iid draws of `d`. Exact for n ≤ EXACT_SUM_MAX; above, a normal
 * with the exact mean n·μ and variance n·σ² (clamped to the support
 * [n·min, n·max]). The triangular's skewness is at most 0.566, so the sum's
 * is ≤ 0.566/√n < 0.1 where the approximation starts.
 */
export function sampleSum(rng: Rng, n: number, d: RangeDist): number {
  if (n <= 0) return 0;
  if (d.fixed) return n * d.min;
  if (n <= EXACT_SUM_MAX) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d.sample(rng);
    return s;
  }
  const x = n * d.mean + Math.sqrt(n * d.variance) * rng.normal();
  const lo = n * d.min;
  const hi = n * d.max;
  return x < lo ? lo : x > hi ? hi : x;
}

// ---------------------------------------------------------------- Poisson

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

// --------------------------------------------------------------- Binomial

/** Stirling-formula correction terms fc(k) = log k! − [Stirling], k = 0…9. */
const FC_TABLE = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
  0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
  0.009255462182712733, 0.008330563433362871,
];

function stirlingCorrection(k: number): number {
  if (k < 10) return FC_TABLE[k]!;
  const r = k + 1;
  const r2 = r * r;
  return (1 / 12 - (1 / 360 - 1 / 1260 / r2) / r2) / r;
}

/** Binomial(n, p), exact: inversion when n·min(p,1−p) < 10, else BTRD (Hörmann 1993). */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialLow(rng, n, 1 - p);
  return binomialLow(rng, n, p);
}

function binomialLow(rng: Rng, n: number, p: number): number {
  if (n * p < 10) {
    // Sequential-search inversion; (1−p)^n ≥ e^-10·(…) never underflows here.
    const q = 1 - p;
    const r = p / q;
    const g = r * (n + 1);
    let f = Math.pow(q, n);
    let u = rng.next();
    let k = 0;
    while (u > f && k < n) {
      u -= f;
      k++;
      f *= g / k - r;
    }
    return k;
  }
  return btrd(rng, n, p);
}

function btrd(rng: Rng, n: number, p: number): number {
  const m = Math.floor((n + 1) * p);
  const r = p / (1 - p);
  const nr = (n + 1) * r;
  const npq = n * p * (1 - p);
  const sq = Math.sqrt(npq);
  const b = 1.15 + 2.53 * sq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * sq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  for (;;) {
    let v = rng.nextOpen();
    let u: number;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(u)) + b) * u + c);
    }
    if (v >= vr) {
      u = rng.next() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.nextOpen() * vr;
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = Math.abs(k - m);
    if (km <= 15) {
      // Recursive evaluation of f(k)/f(m).
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Squeeze, then the final log-density comparison.
    const lv = Math.log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (lv < t - rho) return k;
    if (lv > t + rho) continue;
    const nm = n - m + 1;
    const h =
      (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlingCorrection(m) + stirlingCorrection(n - m);
    const nk = n - k + 1;
    if (
      lv <=
      h +
        (n + 1) * Math.log(nm / nk) +
        (k + 0.5) * Math.log((nk * r) / (k + 1)) -
        stirlingCorrection(k) -
        stirlingCorrection(n - k)
    ) {
      return k;
    }
  }
}
