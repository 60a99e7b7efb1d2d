// Normal deviates (ziggurat): the empirical CDF against Φ across the body and
// both tails, and the first four moments.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../shared/simulation/rng';

/** Φ(x) by Simpson's rule on the density (error far below the test's noise). */
function phi(x: number): number {
  const a = -12;
  const steps = 4000;
  const h = (x - a) / steps;
  const f = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let s = f(a) + f(x);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('Rng.normal', () => {
  it('has the standard normal CDF and moments', () => {
    const N = 1_000_000;
    const rng = new Rng(11, 0, 0);
    const xs = new Float64Array(N);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let m4 = 0;
    for (let i = 0; i < N; i++) {
      const x = rng.normal();
      xs[i] = x;
      m1 += x;
      m2 += x * x;
      m3 += x * x * x;
      m4 += x * x * x * x;
    }
    expect(Math.abs(m1 / N)).toBeLessThan(4.5 * Math.sqrt(1 / N));
    expect(Math.abs(m2 / N - 1)).toBeLessThan(4.5 * Math.sqrt(2 / N));
    expect(Math.abs(m3 / N)).toBeLessThan(4.5 * Math.sqrt(15 / N));
    expect(Math.abs(m4 / N - 3)).toBeLessThan(4.5 * Math.sqrt(96 / N));
    xs.sort();
    // Points in the body, across the layers' edges, and in both tails (beyond R = 3.44).
    for (const x of [-4.2, -3.6, -3.44, -3, -2.2, -1.5, -1, -0.6, -0.2, 0, 0.1, 0.45, 0.8, 1.3, 1.9, 2.6, 3.2, 3.5, 4]) {
      let lo = 0;
      let hi = N;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (xs[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      const p = phi(x);
      expect(Math.abs(lo / N - p), `P(Z < ${x})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N) + 1e-7);
    }
  });
});
