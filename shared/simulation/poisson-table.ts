// Poisson draws of one mean repeated over many months (a run's stage-0 losses
// in the exact sampler, exact-sampler.ts): inversion on the mean's CDF,
// tabulated once per run — exact, one uniform a draw and a few comparisons
// from the mean, where PTRS (distributions.ts) takes two uniforms, and log Γ
// for one draw in seven. Below a mean of 10 the table holds the very sums
// samplePoisson's sequential search adds up, so the draws are the same.

import type { Rng } from './rng';

/** Largest mean tabulated: e^−λ stays a normal double far from underflow (e^−200 ≈ 1e−87). */
export const POISSON_TABLE_MAX = 200;
/** Table length: past λ + 10√λ + 10 (the CDF is 1 within rounding there; the search goes on past it all the same). */
const SIZE = Math.ceil(POISSON_TABLE_MAX + 10 * Math.sqrt(POISSON_TABLE_MAX) + 12);
/** 1/k: the same products as samplePoisson's inversion (bit for bit). */
const INV_INT = Float64Array.from({ length: SIZE + 1 }, (_, k) => (k === 0 ? 0 : 1 / k));

export class PoissonTable {
  private lambda = Number.NaN;
  /** cdf[k] = P(X <= k), k = 0 … top, summed in order as the sequential search sums. */
  private readonly cdf = new Float64Array(SIZE + 1);
  private top = 0;
  /** The last term, P(X = top): the search past the table goes on from it. */
  private lastP = 0;
  /** Where a search starts: ⌊λ⌋, near the median. */
  private start = 0;

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
    this.start = Math.min(top, Math.floor(lambda));
  }

  /** The smallest k with u <= P(X <= k), u one uniform. */
  sample(rng: Rng): number {
    const u = rng.next();
    const cdf = this.cdf;
    let k = this.start;
    if (u <= cdf[k]!) {
      while (k > 0 && u <= cdf[k - 1]!) k--;
      return k;
    }
    const top = this.top;
    k++;
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
