// Poisson draws of one mean repeated over many months (a run's stage-0 losses
// in the exact sampler, exact-sampler.ts): inversion on the mean's CDF,
// tabulated once per run — exact, one uniform a draw and a comparison or
// two from a guide table, where PTRS (distributions.ts) takes two uniforms, and log Γ
// for one draw in seven. Below a mean of 10 the table holds the very sums
// samplePoisson's sequential search adds up, so the draws are the same.

import type { Rng } from './rng';

/** Largest mean tabulated: e^−λ stays a normal double far from underflow (e^−200 ≈ 1e−87). */
export const POISSON_TABLE_MAX = 200;
/** Table length: past λ + 10√λ + 10 (the CDF is 1 within rounding there; the search goes on past it all the same). */
const SIZE = Math.ceil(POISSON_TABLE_MAX + 10 * Math.sqrt(POISSON_TABLE_MAX) + 12);
/** Cells of the guide table (indexed search, Chen and Asau): a few per standard deviation of a mean up to ~50. */
const GUIDE = 32;
/** 1/k: the same products as samplePoisson's inversion (bit for bit). */
const INV_INT = Float64Array.from({ length: SIZE + 1 }, (_, k) => (k === 0 ? 0 : 1 / k));

export class PoissonTable {
  private lambda = Number.NaN;
  /** cdf[k] = P(X <= k), k = 0 … top, summed in order as the sequential search sums. */
  private readonly cdf = new Float64Array(SIZE + 1);
  private top = 0;
  /** The last term, P(X = top): the search past the table goes on from it. */
  private lastP = 0;
  /** guide[g]: the smallest k with P(X <= k) >= g/GUIDE, where the search for a u in [g/GUIDE, (g+1)/GUIDE) starts. */
  private readonly guide = new Int32Array(GUIDE);

  /** λ in [0, POISSON_TABLE_MAX]; the table is built again only when λ changes. */
  setMean(lambda: number): void {
    if (lambda === this.lambda) return;
    this.lambda = lambda;
    const cdf = this.cdf;
    const top = Math.min(SIZE, Math.ceil(lambda + 10 * Math.sqrt(lambda) + 10));
    let p = Math.exp(-lambda);
    let s = p;
    cdf[0] = s;
    for (let k = 1; k <= top; k++) {
      p *= lambda * INV_INT[k]!;
      s += p;
      cdf[k] = s;
    }
    this.top = top;
    this.lastP = p;
    for (let g = 0, k = 0; g < GUIDE; g++) {
      const at = g / GUIDE;
      while (k < top && cdf[k]! < at) k++;
      this.guide[g] = k;
    }
  }

  /** The smallest k with u <= P(X <= k), u one uniform: from the guide up, a step or none most of the time. */
  sample(rng: Rng): number {
    const u = rng.next();
    const cdf = this.cdf;
    const top = this.top;
    let k = this.guide[Math.floor(u * GUIDE)]!;
    while (k <= top && u > cdf[k]!) k++;
    return k <= top ? k : this.beyond(u);
  }

  /** The search past the table (u above its last sum: rounding, or λ + 10√λ exceeded, P < 1e−20). */
  private beyond(u: number): number {
    let k = this.top;
    let p = this.lastP;
    let s = this.cdf[k]!;
    while (u > s && p > 0) {
      k++;
      p *= this.lambda / k;
      s += p;
    }
    return k;
  }
}
