// Deals lost at stage 1 without following them. Such a deal counts twice: an
// opportunity in the month it enters stage 1 (arrival + stage-0 days) and a
// lost opportunity in the month it leaves (+ stage-1 days). As offsets from
// its arrival month, the pair (a, b) has a fixed distribution per funnel:
// arrival uniform in the month, D0 and D1 independent triangular (or fixed)
// — so a lost deal costs one table draw instead of four draws and two square
// roots. The cell probabilities are exact (up to rounding): each is the
// integral of a piecewise polynomial, summed piece by piece with a rule that
// is exact for its degree.

import type { RangeDist } from './distributions';
import type { Rng } from './rng';

// Three-point Gauss–Legendre on [-1, 1]: exact for polynomials up to degree 5.
const GL_X = [-Math.sqrt(3 / 5), 0, Math.sqrt(3 / 5)];
const GL_W = [5 / 9, 8 / 9, 5 / 9];

export class Stage1Losses {
  /** Month offsets (from arrival) of the opportunity and of the loss, per cell. */
  readonly opp: Int32Array;
  readonly loss: Int32Array;
  /** Walker–Vose alias table over the cells: one uniform per draw. */
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  /** d0, d1: the stage-0 and stage-1 days; L: days per month. */
  constructor(d0: RangeDist, d1: RangeDist, L: number) {
    const cells: [number, number, number][] = [];
    const aMax = Math.floor((L + d0.max) / L);
    for (let a = Math.floor(d0.min / L); a <= aMax; a++) {
      const bMax = Math.floor((L + d0.max + d1.max) / L);
      for (let b = a; b <= bMax; b++) {
        const p = cellProbability(d0, d1, L, a, b);
        if (p > 0) cells.push([a, b, p]);
      }
    }
    const total = cells.reduce((s, c) => s + c[2], 0);
    this.opp = Int32Array.from(cells, (c) => c[0]);
    this.loss = Int32Array.from(cells, (c) => c[1]);
    [this.prob, this.alias] = aliasTable(cells.map((c) => c[2] / total));
  }

  /** A cell index, from one uniform. */
  sample(rng: Rng): number {
    const x = rng.next() * this.prob.length;
    const i = Math.floor(x);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/**
 * P(⌊X/L⌋ = a, ⌊(X + D1)/L⌋ = b), X = U·L + D0: the integral over
 * x ∈ [aL, (a+1)L) of the density of X, (F0(x) − F0(x − L))/L, times
 * P(bL − x ≤ D1 < (b+1)L − x). Both factors are piecewise quadratic (CDFs of
 * triangulars; steps for fixed values), so the integrand is a polynomial of
 * degree ≤ 4 between the break points, where Gauss–Legendre is exact.
 */
export function cellProbability(d0: RangeDist, d1: RangeDist, L: number, a: number, b: number): number {
  const lo = a * L;
  const hi = (a + 1) * L;
  const breaks = [lo, hi];
  for (const v of [d0.min, d0.mode, d0.max]) breaks.push(v, v + L);
  for (const v of [d1.min, d1.mode, d1.max]) breaks.push(b * L - v, (b + 1) * L - v);
  const xs = [...new Set(breaks.filter((x) => x >= lo && x <= hi))].sort((p, q) => p - q);
  const f = (x: number) => ((d0.cdf(x) - d0.cdf(x - L)) / L) * (d1.cdf((b + 1) * L - x) - d1.cdf(b * L - x));
  let sum = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const h = (xs[i + 1]! - xs[i]!) / 2;
    const c = (xs[i + 1]! + xs[i]!) / 2;
    for (let g = 0; g < 3; g++) sum += GL_W[g]! * h * f(c + h * GL_X[g]!);
  }
  return sum;
}

/** Walker–Vose: prob[i] keeps cell i, else its alias. */
function aliasTable(p: number[]): [Float64Array, Int32Array] {
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
