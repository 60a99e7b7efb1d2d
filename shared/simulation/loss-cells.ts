// Deals lost at stage i >= 1 without following them. Such a deal counts twice:
// an opportunity in the month it enters stage 1 (arrival + stage-0 days) and
// a lost opportunity in the month it leaves stage i (+ the days of stages
// 1 … i). As offsets from its arrival month, the pair (a, b) has a fixed
// distribution per funnel and stage: arrival uniform in the month, the
// stage days independent triangular (or fixed) — so a lost deal costs one
// table draw instead of i + 2 draws and i + 1 square roots. The cell
// probabilities are exact up to rounding: each is the integral of a
// piecewise polynomial, summed piece by piece with a rule that is exact for
// its degree (the later stages' sum has a closed-form CDF, delay-sum.ts).

import { DelaySum } from './delay-sum';
import type { RangeDist } from './distributions';
import type { Rng } from './rng';

// Gauss–Legendre on [-1, 1], 6 points: exact for polynomials up to degree 11
// (the integrand's degree is 2 + 2i at i triangular later stages: i <= 4).
const GL_X = [-0.932469514203152, -0.6612093864662645, -0.2386191860831969, 0.2386191860831969, 0.6612093864662645, 0.932469514203152];
const GL_W = [0.1713244923791704, 0.3607615730481386, 0.467913934572691, 0.467913934572691, 0.3607615730481386, 0.1713244923791704];
/** Highest CDF degree the rule integrates exactly (with the stage-0 density's 2). */
export const MAX_LATER_DEGREE = 9;

export class LossCells {
  /** Month offsets (from arrival) of the opportunity and of the loss, per cell. */
  readonly opp: Int32Array;
  readonly loss: Int32Array;
  /** Walker–Vose alias table over the cells: one uniform per draw. */
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  /** The cells' probabilities, and the tables of runs of months by their length (built on first use). */
  private readonly p: number[];
  private readonly runs: RunCells[] = [];

  /** d0: the stage-0 days; s: the sum of the days of stages 1 … i; L: days per month. */
  constructor(d0: RangeDist, s: DelaySum, L: number) {
    const cells: [number, number, number][] = [];
    const aMax = Math.floor((L + d0.max) / L);
    for (let a = Math.floor(d0.min / L); a <= aMax; a++) {
      const bMax = Math.floor((L + d0.max + s.max) / L);
      for (let b = a; b <= bMax; b++) {
        const p = cellProbability(d0, s, L, a, b);
        if (p > 0) cells.push([a, b, p]);
      }
    }
    const total = cells.reduce((x, c) => x + c[2], 0);
    this.opp = Int32Array.from(cells, (c) => c[0]);
    this.loss = Int32Array.from(cells, (c) => c[1]);
    this.p = cells.map((c) => c[2] / total);
    [this.prob, this.alias] = aliasTable(this.p);
  }

  /**
   * The table of a deal arriving uniformly over a run of M months (month
   * j of the run with probability 1/M, independent of its cell): one draw
   * gives both, where the month and then the cell took two uniforms.
   */
  run(M: number): RunCells {
    let r = this.runs[M];
    if (!r) {
      const nc = this.p.length;
      const arrive = new Int32Array(M * nc);
      const opp = new Int32Array(M * nc);
      const loss = new Int32Array(M * nc);
      const p: number[] = [];
      for (let j = 0, e = 0; j < M; j++) {
        for (let c = 0; c < nc; c++, e++) {
          arrive[e] = j;
          opp[e] = j + this.opp[c]!;
          loss[e] = j + this.loss[c]!;
          p.push(this.p[c]! / M);
        }
      }
      r = this.runs[M] = new RunCells(arrive, opp, loss, ...aliasTable(p));
    }
    return r;
  }

  /**
   * A cell index, from one uniform. Branch-free: whether a slot keeps its
   * cell is a coin flip to the CPU, and the mispredictions cost more than
   * the arithmetic.
   */
  sample(rng: Rng): number {
    const x = rng.next() * this.prob.length;
    const i = Math.floor(x);
    return i + +(x - i >= this.prob[i]!) * (this.alias[i]! - i);
  }
}

/**
 * A LossCells table over (arrival month within a run, cell): month offsets
 * from the run's first month. A draw returns the entry's three offsets packed
 * in one integer (arrivalOf, opportunityOf, lossOf read them), so the hot loop
 * reads one table slot per deal and no per-entry arrays after it.
 */
export class RunCells {
  /** Per alias slot i: [2i] the packed entry i, [2i + 1] its alias's. */
  private readonly codes: Int32Array;

  constructor(
    readonly arrive: Int32Array,
    readonly opp: Int32Array,
    readonly loss: Int32Array,
    private readonly prob: Float64Array,
    alias: Int32Array,
  ) {
    const code = (e: number) => pack(arrive[e]!, opp[e]!, loss[e]!);
    this.codes = new Int32Array(2 * prob.length);
    for (let i = 0; i < prob.length; i++) {
      this.codes[2 * i] = code(i);
      this.codes[2 * i + 1] = code(alias[i]!);
    }
  }

  /** out[0 … n) = n entries, packed: the same draws as n calls of sample(), with the generator's state kept in locals (Rng.aliasDraws). */
  fill(rng: Rng, out: Int32Array, n: number): void {
    rng.aliasDraws(this.prob, this.codes, out, n);
  }

  /** An entry, packed, from one uniform (branch-free, as LossCells.sample: the same entry it would pick). */
  sample(rng: Rng): number {
    const x = rng.next() * this.prob.length;
    const i = Math.floor(x);
    return this.codes[2 * i + +(x - i >= this.prob[i]!)]!;
  }
}

/**
 * Month offsets of a run's entry, 10 bits each (arrival | opportunity << 10 |
 * loss << 20). An offset past OFFSET_MAX is stored as OFFSET_MAX: past any
 * horizon (at most 120 months) either way.
 */
const OFFSET_MAX = 1023;
function pack(arrive: number, opp: number, loss: number): number {
  return Math.min(arrive, OFFSET_MAX) | (Math.min(opp, OFFSET_MAX) << 10) | (Math.min(loss, OFFSET_MAX) << 20);
}
export const arrivalOf = (code: number): number => code & OFFSET_MAX;
export const opportunityOf = (code: number): number => (code >>> 10) & OFFSET_MAX;
export const lossOf = (code: number): number => code >>> 20;

/** Tables of recent runs by their inputs: sensitivity and reverse-funnel runs compile the same funnels again and again. */
const cache = new Map<string, LossCells | null>();

/**
 * The table of deals lost at stage later.length (cached), or null where it
 * would not be exact: past the degree the integration rule is exact for
 * (more than four triangular later stages), or where the closed-form CDF's
 * rounding could exceed 1e-9 (very skewed, wide delays). Such deals are
 * followed one by one.
 */
export function lossCells(d0: RangeDist, later: readonly RangeDist[], L: number): LossCells | null {
  if (2 * later.filter((d) => !d.fixed).length > MAX_LATER_DEGREE) return null;
  const key = JSON.stringify([L, ...[d0, ...later].map((d) => [d.min, d.mode, d.max])]);
  let t = cache.get(key);
  if (t === undefined) {
    if (cache.size >= 256) cache.clear();
    const s = new DelaySum(later);
    t = s.errorBound > 1e-9 ? null : new LossCells(d0, s, L);
    cache.set(key, t);
  }
  return t;
}

/**
 * P(⌊X/L⌋ = a, ⌊(X + S)/L⌋ = b), X = U·L + D0: the integral over
 * x ∈ [aL, (a+1)L) of the density of X, (F0(x) − F0(x − L))/L, times
 * P(bL − x ≤ S < (b+1)L − x). Both factors are piecewise polynomials (CDFs
 * of triangulars and of their sums; steps for fixed values), so the
 * integrand is a polynomial between the break points, where Gauss–Legendre
 * is exact.
 */
export function cellProbability(d0: RangeDist, s: DelaySum, L: number, a: number, b: number): number {
  const lo = a * L;
  const hi = (a + 1) * L;
  const breaks = [lo, hi];
  for (const v of [d0.min, d0.mode, d0.max]) breaks.push(v, v + L);
  for (const v of s.kinks) breaks.push(b * L - v, (b + 1) * L - v);
  const xs = [...new Set(breaks.filter((x) => x >= lo && x <= hi))].sort((p, q) => p - q);
  const f = (x: number) => ((d0.cdf(x) - d0.cdf(x - L)) / L) * (s.cdf((b + 1) * L - x) - s.cdf(b * L - x));
  let sum = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const h = (xs[i + 1]! - xs[i]!) / 2;
    const c = (xs[i + 1]! + xs[i]!) / 2;
    for (let g = 0; g < GL_X.length; g++) sum += GL_W[g]! * h * f(c + h * GL_X[g]!);
  }
  return sum;
}

/** Walker–Vose: prob[i] keeps entry i, else its alias (p sums to 1). */
export function aliasTable(p: number[]): [Float64Array, Int32Array] {
  const n = p.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = p.map((x) => x * n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((x, i) => (x < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) {
    prob[i] = 1;
    alias[i] = i;
  }
  return [prob, alias];
}
