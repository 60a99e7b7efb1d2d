// Exact draws of a sum of independent stage delays with two uniforms, where
// drawing each delay takes one uniform and a square root apiece. A won deal
// of the exact sampler needs its stage-0 days alone (its opportunity month)
// but of the later stages only their sum (the signing time), so that sum is
// drawn from its own law: the density of the sum (delay-sum.ts, closed form)
// cut into INTERVALS equal intervals, each split into a rectangle under the
// density (height: a lower bound of the density on the interval) and the
// wedge above it. One alias table over the 2·INTERVALS pieces, with their
// exact masses (CDF differences, rectangle areas), picks a piece; a
// rectangle's point is uniform in its interval, a wedge's comes from
// rejection under an upper bound of the density there. Every point is a draw
// from the density itself — no grid, no interpolation — and the wedges are
// rare (their mass is ≈ 0.35 % for the benchmark's LTC stages 1–4). The
// masses are exact up to the closed form's rounding (at most 1e-9, as for the
// loss tables).

import { DelaySum } from './delay-sum';
import type { RangeDist } from './distributions';
import { aliasTable } from './loss-cells';
import type { Rng } from './rng';

/** Intervals of the support: the alias table takes 32 bytes per interval (32 KB, L1-resident); fewer make the wedges more frequent. */
export const INTERVALS = 1024;
/** Rejection tries in a wedge before giving up on it (see wedge()). */
const WEDGE_TRIES = 1000;

export class DelaySumSampler {
  /** Start of the support and width of an interval. */
  readonly lo: number;
  readonly w: number;
  /**
   * Walker–Vose alias table over the pieces (rectangles 0 … INTERVALS − 1,
   * then the wedges), interleaved: [keep probability, alias] per slot, one
   * cache line for both reads.
   */
  readonly table: Float64Array;
  /** Per interval, bounds of the density on it: the rectangle's height and the wedge's ceiling. */
  private readonly under: Float64Array;
  private readonly over: Float64Array;
  /** wedge()'s point. */
  readonly point = new Float64Array(1);
  /** Mass of the wedges (for tests and the docs). */
  readonly wedgeMass: number;

  constructor(private readonly sum: DelaySum) {
    const n = INTERVALS;
    this.lo = sum.min;
    this.w = (sum.max - sum.min) / n;
    this.under = new Float64Array(n);
    this.over = new Float64Array(n);
    const kinks = sum.kinks;
    const mass: number[] = new Array<number>(2 * n);
    let wedges = 0;
    const bounds = new Float64Array(2);
    let cdfA = sum.cdf(this.lo);
    for (let j = 0, q = 0; j < n; j++) {
      const a = this.lo + j * this.w;
      const b = j === n - 1 ? sum.max : this.lo + (j + 1) * this.w;
      // Bounds piece by piece between the kinks inside [a, b].
      let under = Infinity;
      let over = 0;
      let u = a;
      while (q < kinks.length && kinks[q]! <= a) q++;
      for (let r = q; ; r++) {
        const v = r < kinks.length && kinks[r]! < b ? kinks[r]! : b;
        densityBounds(sum, u, v, bounds);
        under = Math.min(under, bounds[0]!);
        over = Math.max(over, bounds[1]!);
        if (v === b) break;
        u = v;
      }
      this.under[j] = under;
      this.over[j] = over;
      const cdfB = sum.cdf(b);
      const p = Math.max(0, cdfB - cdfA);
      cdfA = cdfB;
      const rect = Math.min(p, under * (b - a));
      mass[j] = rect;
      mass[n + j] = p - rect;
      wedges += p - rect;
    }
    const total = mass.reduce((x, y) => x + y, 0);
    this.wedgeMass = wedges / total;
    const [prob, alias] = aliasTable(mass.map((x) => x / total));
    this.table = new Float64Array(4 * n);
    for (let i = 0; i < 2 * n; i++) {
      this.table[2 * i] = prob[i]!;
      this.table[2 * i + 1] = alias[i]!;
    }
  }

  /** One draw of the sum (two uniforms, more in a wedge); ExactSampler.followWins writes it out. */
  sample(rng: Rng): number {
    const x = rng.next() * (2 * INTERVALS);
    const i = Math.floor(x);
    const tab = this.table;
    const e = i + +(x - i >= tab[2 * i]!) * (tab[2 * i + 1]! - i);
    if (e < INTERVALS) return this.lo + (e + rng.next()) * this.w;
    this.wedge(e - INTERVALS, rng);
    return this.point[0]!;
  }

  /**
   * A point of interval j under the density and above the rectangle:
   * rejection under the ceiling. A real wedge accepts a try in two to four;
   * the cap only stops a wedge whose mass is rounding noise (the density at
   * its floor everywhere) from spinning, and then any point of the interval
   * will do. The point goes to point[0], not out as a return value: a
   * double returned by a call V8 does not inline is boxed, and in the
   * caller's loop (followWins) that boxed every draw of the sum, an
   * allocation per won deal (≈ 18 MB a run).
   */
  wedge(j: number, rng: Rng): void {
    const a = this.lo + j * this.w;
    const under = this.under[j]!;
    const over = this.over[j]!;
    for (let tries = 0; tries < WEDGE_TRIES; tries++) {
      const y = a + rng.next() * this.w;
      if (under + rng.next() * (over - under) < this.sum.density(y)) {
        this.point[0] = y;
        return;
      }
    }
    this.point[0] = a + rng.next() * this.w;
  }
}

/**
 * Lower and upper bounds of the density on [u, v], an interval with no kink
 * inside (one polynomial there): its Taylor expansion at the middle, each
 * term of degree >= 1 bounded by |a_k|·r^k, less or more a margin for the
 * rounding of the truncated powers' cancelling terms. Delays are >= 0, so
 * sum.max bounds every argument.
 */
function densityBounds(sum: DelaySum, u: number, v: number, out: Float64Array): void {
  const mid = (u + v) / 2;
  // Half-width, widened by the rounding of the arguments themselves (x − s
  // loses ε·|x| absolutely: it matters for narrow delays far from zero).
  const r = (v - u) / 2 + 16 * Number.EPSILON * sum.max;
  const a = TAYLOR;
  const pw = POWERS;
  a.fill(0);
  let size = 0;
  for (let i = 0; i < sum.s.length; i++) {
    const s = sum.s[i]!;
    const p = sum.p[i]!;
    if (s >= v || p === 0) continue; // not active on (u, v)
    // d/dx c·(x − s)^p = c·p·(x − s)^(p−1) = Σ_k c·p·C(p−1, k)·(mid − s)^(p−1−k)·h^k
    const cp = sum.c[i]! * p;
    const d = mid - s;
    pw[0] = 1;
    for (let m = 1; m < p; m++) pw[m] = pw[m - 1]! * d;
    let binom = 1;
    for (let k = 0; k <= p - 1; k++) {
      a[k] = a[k]! + cp * binom * pw[p - 1 - k]!;
      binom = (binom * (p - 1 - k)) / (k + 1);
    }
    // The terms' size at v, for the rounding margin (products: Math.pow was most of the build).
    let q = Math.abs(cp);
    for (let m = 1; m < p; m++) q *= v - s;
    size += q;
  }
  let spread = 0;
  for (let k = 1, rk = r; k <= sum.degree; k++, rk *= r) spread += Math.abs(a[k]!) * rk;
  const margin = 64 * Number.EPSILON * size;
  out[0] = Math.max(0, a[0]! - spread - margin);
  out[1] = a[0]! + spread + margin;
}
/** Scratch of densityBounds: the Taylor coefficients and the powers of (mid − s); degrees stay below 16 (at most five random delays). */
const TAYLOR = new Float64Array(16);
const POWERS = new Float64Array(16);

/** Samplers of recent delay lists (sensitivity and reverse-funnel runs compile the same funnels again and again). */
const cache = new Map<string, DelaySumSampler | null>();

/**
 * The sampler of the sum of these delays (cached), or null where drawing
 * them one by one is as cheap (fewer than two random delays) or where the
 * closed form would not be exact: more than five random delays (its terms
 * grow as 3^n), or a CDF whose rounding bound exceeds 1e-9.
 */
export function delaySumSampler(delays: readonly RangeDist[]): DelaySumSampler | null {
  const random = delays.filter((d) => !d.fixed).length;
  if (random < 2 || random > 5) return null;
  const key = JSON.stringify(delays.map((d) => [d.min, d.mode, d.max]));
  let t = cache.get(key);
  if (t === undefined) {
    if (cache.size >= 256) cache.clear();
    const s = new DelaySum(delays);
    t = s.errorBound > 1e-9 ? null : new DelaySumSampler(s);
    // Wedges are the slow path (a density evaluation per try): where they
    // would be common (or the tables not finite), draw the delays one by one.
    if (t && !(t.wedgeMass < 0.05)) t = null;
    cache.set(key, t);
  }
  return t;
}
