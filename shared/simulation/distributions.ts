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
