// Poisson draws by inversion on a tabulated CDF (the exact sampler's stage-0
// losses, one table per run of months): the exact probabilities, the same
// draws as samplePoisson's inversion below a mean of 10, and the far tail.
import { describe, expect, it } from 'vitest';
import { logGamma, samplePoisson } from '../../../shared/simulation/distributions';
import { PoissonTable } from '../../../shared/simulation/poisson-table';
import { Rng } from '../../../shared/simulation/rng';

const pmf = (lambda: number, k: number) => Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));

/** The smallest k with u <= P(X <= k), summed in log space term by term (no table). */
function inverse(lambda: number, u: number): number {
  let s = 0;
  for (let k = 0; ; k++) {
    s += pmf(lambda, k);
    if (u <= s) return k;
  }
}

describe('Poisson draws from a CDF table', () => {
  it.each([10, 16.5, 55, 200])('match the exact probabilities (λ = %s)', (lambda) => {
    const t = new PoissonTable();
    t.setMean(lambda);
    const rng = new Rng(3, 14, 15);
    const n = 200_000;
    const counts = new Map<number, number>();
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = t.sample(rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      sum += k;
    }
    const sd = Math.sqrt(lambda);
    for (let k = Math.max(0, Math.floor(lambda - 3 * sd)); k <= lambda + 3 * sd; k++) {
      const p = pmf(lambda, k);
      const got = (counts.get(k) ?? 0) / n;
      expect(Math.abs(got - p), `P(${k})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(Math.abs(sum / n - lambda)).toBeLessThan(4.5 * Math.sqrt(lambda / n));
  });

  it('draws what samplePoisson draws below a mean of 10, and follows a changed mean', () => {
    const t = new PoissonTable();
    for (const lambda of [0.4, 3, 8.25, 9.99, 3]) {
      t.setMean(lambda);
      const a = new Rng(5, 6, 7);
      const b = new Rng(5, 6, 7);
      for (let i = 0; i < 2000; i++) expect(t.sample(a)).toBe(samplePoisson(b, lambda));
    }
    t.setMean(0);
    expect(t.sample(new Rng(1, 1, 1))).toBe(0);
  });

  it('gives the inverse CDF at the largest and the smallest uniform', () => {
    // u = 1 − 2^-32, the largest uniform: a search far up from the mean.
    const top = { next: () => 1 - 2 ** -32 } as unknown as Rng;
    const low = { next: () => 0 } as unknown as Rng;
    const t = new PoissonTable();
    for (const lambda of [16.5, 120, 200]) {
      t.setMean(lambda);
      expect(t.sample(top), `λ ${lambda}`).toBe(inverse(lambda, 1 - 2 ** -32));
      expect(t.sample(low)).toBe(0);
    }
  });
});
