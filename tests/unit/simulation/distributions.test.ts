// The samplers the engine is built on: exact moments of Poisson (all three
// regimes), binomial (inversion and BTRD), triangular and sums of
// triangulars; the quantile selection against a sort; grid offsets against
// closed forms.

import { describe, expect, it } from 'vitest';
import { RangeDist, sampleBinomial, sampleSum } from '../../../shared/simulation/distributions';
import { samplePoisson, logGamma, addPoissonDraws, poissonOnceAt } from '../../../shared/simulation/poisson';
import { cohortMonthOffsets, discretize, exactCohortOffsets, monthOffsetsPlus, convolve } from '../../../shared/simulation/discretize';
import { quantiles3 } from '../../../shared/simulation/stats';
import { Rng } from '../../../shared/simulation/rng';
import { makeRng } from './reference-sampler';

const N = 200_000;

function moments(draw: () => number, n = N) {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('samplers', () => {
  it('Poisson: mean and variance λ in the inversion, PTRS and normal regimes', () => {
    for (const lambda of [0.3, 4, 9.99, 10, 37.5, 900, 2e5, 3e7]) {
      const rng = new Rng(1, 2, 3);
      const { mean, variance } = moments(() => samplePoisson(rng, lambda), 100_000);
      const se = Math.sqrt(lambda / 100_000);
      expect(Math.abs(mean - lambda), `mean λ=${lambda}`).toBeLessThan(4.5 * se);
      expect(Math.abs(variance / lambda - 1), `var λ=${lambda}`).toBeLessThan(0.03);
    }
    const rng = new Rng();
    expect(samplePoisson(rng, 0)).toBe(0);
    expect(samplePoisson(rng, -1)).toBe(0);
  });

  it('Poisson: the PTRS regime matches the exact probabilities', () => {
    const lambda = 14.2;
    const rng = new Rng(9, 9, 9);
    const counts = new Map<number, number>();
    const n = 300_000;
    for (let i = 0; i < n; i++) {
      const k = samplePoisson(rng, lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [5, 10, 14, 18, 25]) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
      const got = (counts.get(k) ?? 0) / n;
      expect(Math.abs(got - p), `P(${k})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('Poisson: addPoissonDraws follows the exact probabilities as Poisson(⌊λ⌋) + Poisson(δ) below 128 and draws as samplePoisson from there', () => {
    // The integer tables' inversion plus the fractional part's search, for a run of months: every k's frequency at 4.5 SE.
    const mean = new Float64Array(1);
    for (const lambda of [0.4, 8.25, 10, 17.3, 31.9, 37.5, 64.7, 127.5]) {
      const rng = new Rng(4, 4, 4);
      mean[0] = lambda;
      const months = 12;
      const rounds = 25_000;
      const counts = new Map<number, number>();
      const out = new Float64Array(months);
      for (let r = 0; r < rounds; r++) {
        out.fill(0);
        addPoissonDraws(rng, mean, 0, out, 0, months);
        for (const k of out) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const n = rounds * months;
      let covered = 0;
      for (let k = 0; k <= 3 * lambda + 10; k++) {
        const p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
        covered += p;
        const got = (counts.get(k) ?? 0) / n;
        expect(Math.abs(got - p), `λ=${lambda} P(${k})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n) + 1e-6);
      }
      expect(covered).toBeGreaterThan(0.999_999);
    }
    // From 128 on: samplePoisson's draws (PTRS, the normal), one by one, into months from..to only.
    for (const [lambda, months] of [[128, 12], [900, 3], [2500, 12]] as const) {
      const a = new Rng(8, 1, 2);
      const b = new Rng(8, 1, 2);
      mean[0] = lambda;
      const out = new Float64Array(months + 3);
      addPoissonDraws(a, mean, 0, out, 2, months + 2);
      for (let m = 2; m < months + 2; m++) expect(out[m], `λ=${lambda} month ${m}`).toBe(samplePoisson(b, lambda));
      expect(out[0]).toBe(0);
      expect(out[months + 2]).toBe(0);
    }
  });

  it('Poisson: poissonOnceAt follows the exact probabilities below 128 and draws as samplePoisson from there', () => {
    const mean = new Float64Array(2);
    for (const lambda of [0.4, 5, 17.3, 64.7, 127.5]) {
      const rng = new Rng(6, 6, 6);
      mean[1] = lambda;
      const n = 300_000;
      const counts = new Map<number, number>();
      for (let r = 0; r < n; r++) {
        const k = poissonOnceAt(rng, mean, 1);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      for (let k = 0; k <= 3 * lambda + 10; k++) {
        const p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
        const got = (counts.get(k) ?? 0) / n;
        expect(Math.abs(got - p), `λ=${lambda} P(${k})`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / n) + 1e-6);
      }
    }
    for (const lambda of [128, 600, 2500]) {
      const a = new Rng(8, 1, 2);
      const b = new Rng(8, 1, 2);
      mean[0] = lambda;
      for (let i = 0; i < 20; i++) expect(poissonOnceAt(a, mean, 0), `λ=${lambda}`).toBe(samplePoisson(b, lambda));
    }
  });

  it('binomial: mean n·p and variance n·p·(1−p), inversion and BTRD, both tails of p', () => {
    for (const [n, p] of [[7, 0.3], [40, 0.2], [40, 0.45], [1000, 0.02], [1000, 0.6], [250_000, 0.3], [60, 0.97]] as const) {
      const rng = new Rng(3, 1, 4);
      const { mean, variance } = moments(() => sampleBinomial(rng, n, p), 100_000);
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p), `mean ${n},${p}`).toBeLessThan(4.5 * Math.sqrt(v / 100_000));
      expect(Math.abs(variance / v - 1), `var ${n},${p}`).toBeLessThan(0.03);
    }
    const rng = new Rng();
    expect(sampleBinomial(rng, 10, 0)).toBe(0);
    expect(sampleBinomial(rng, 10, 1)).toBe(10);
  });

  it('triangular draws, capped means and sums of draws have the right moments', () => {
    const d = new RangeDist({ min: 2, mode: 3, max: 11 }, 2);
    expect(d.mean).toBeCloseTo((4 + 6 + 22) / 3, 12);
    const rng = new Rng(1, 1, 1);
    const m = moments(() => d.sample(rng));
    expect(Math.abs(m.mean - d.mean)).toBeLessThan(4.5 * Math.sqrt(d.variance / N));
    expect(m.variance / d.variance).toBeCloseTo(1, 1);
    // E[min(1, X)] for a conversion pushed over 1 by a scenario.
    const c = new RangeDist({ min: 0.6, mode: 0.8, max: 0.95 }, 1.2);
    const capped = moments(() => Math.min(1, c.sample(rng)));
    expect(Math.abs(capped.mean - c.cappedMean())).toBeLessThan(0.002);
    expect(new RangeDist(0.5, 3).cappedMean()).toBe(1);
    // Sums: exact below the threshold, normal above, same mean and variance.
    for (const n of [5, 32, 33, 400]) {
      const s = moments(() => sampleSum(rng, n, d), 50_000);
      expect(Math.abs(s.mean - n * d.mean), `sum of ${n}`).toBeLessThan(4.5 * Math.sqrt((n * d.variance) / 50_000));
      expect(s.variance / (n * d.variance)).toBeCloseTo(1, 1);
    }
  });
});

describe('quantile selection', () => {
  it('equals sort-based type-7 quantiles, with ties and any length', () => {
    const rand = makeRng(5);
    for (let r = 0; r < 300; r++) {
      const n = 1 + Math.floor(rand() * (r < 200 ? 50 : 3000));
      const a = Float64Array.from({ length: n }, () => Math.floor(rand() * (r % 3 === 0 ? 4 : 1e6)));
      const sorted = Float64Array.from(a).sort();
      const want = [0.1, 0.5, 0.9].map((p) => {
        const h = (n - 1) * p;
        const k = Math.floor(h);
        return k + 1 < n ? sorted[k]! + (h - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
      });
      const got = quantiles3(a, n);
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 9));
    }
  });
});

describe('month-offset distributions', () => {
  const L = 365.25 / 12;
  it('grid offsets of a sum of delays match an exact offset and a Monte-Carlo estimate', () => {
    const a = new RangeDist({ min: 5, mode: 20, max: 50 });
    const b = new RangeDist({ min: 10, mode: 12, max: 40 });
    const h = 0.25;
    // One delay: the grid agrees with the closed form to ~1e-5.
    const grid = cohortMonthOffsets(discretize(a, h), h, L).p;
    const exact = exactCohortOffsets(a, L);
    for (let o = 0; o < exact.length; o++) expect(Math.abs((grid[o] ?? 0) - exact[o]!)).toBeLessThan(2e-5);
    // Two delays: grid convolution vs. "plus" closed form vs. sampling.
    const viaGrid = cohortMonthOffsets(convolve(discretize(a, h), discretize(b, h)), h, L).p;
    const viaPlus = monthOffsetsPlus(discretize(a, h), b, h, L, true);
    const rng = new Rng(2, 2, 2);
    const n = 400_000;
    const hist = new Float64Array(viaGrid.length);
    for (let i = 0; i < n; i++) hist[Math.floor((rng.next() * L + a.sample(rng) + b.sample(rng)) / L)]! += 1 / n;
    for (let o = 0; o < viaGrid.length; o++) {
      expect(Math.abs(viaGrid[o]! - viaPlus[o]!)).toBeLessThan(1e-4);
      expect(Math.abs(viaGrid[o]! - hist[o]!)).toBeLessThan(4.5 * Math.sqrt(0.25 / n));
    }
    expect(viaGrid.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
