// The sum of a won deal's later stage days, drawn in one piece
// (delay-sum-sampler.ts): its pieces' bounds really bound the density, their
// masses are the closed form's, and the draws follow the closed-form CDF and
// agree with the stages drawn one by one.
import { describe, expect, it } from 'vitest';
import { DelaySum } from '../../../shared/simulation/delay-sum';
import { DelaySumSampler, delaySumSampler, INTERVALS } from '../../../shared/simulation/delay-sum-sampler';
import { RangeDist } from '../../../shared/simulation/distributions';
import { Rng } from '../../../shared/simulation/rng';

const tri = (min: number, mode: number, max: number) => new RangeDist({ min, mode, max });
const CASES = [
  ['two triangulars', [tri(14, 30, 60), tri(20, 30, 45)]],
  ['a fixed delay among triangulars (the reference plan)', [tri(10, 25, 50), new RangeDist(20), tri(7, 14, 40)]],
  ['modes at the ends', [tri(0, 0, 40), tri(5, 9, 9), tri(1, 5, 14)]],
  ['the benchmark LTC stages 1 to 4', [tri(14, 30, 60), tri(20, 30, 45), tri(15, 30, 50), tri(14, 21, 35)]],
  ['short B2C stages', [tri(1, 5, 14), tri(0, 1, 3), tri(0, 3, 10), tri(0, 0.5, 2)]],
  ['narrow delays far from zero (x − s loses digits)', [tri(10, 10.0001, 10.0002), tri(5, 5.00005, 5.0003)]],
] as const;

describe('the sum of later stage days in one draw', () => {
  it.each(CASES)('has pieces that bound the density and carry its exact mass (%s)', (_name, ds) => {
    const sum = new DelaySum(ds);
    const s = new DelaySumSampler(sum);
    const inner = s as unknown as { under: Float64Array; over: Float64Array };
    // Each piece's probability, back from the alias table.
    const n = 2 * INTERVALS;
    const q = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      q[i] = q[i]! + s.table[2 * i]! / n;
      q[s.table[2 * i + 1]!] = q[s.table[2 * i + 1]!]! + (1 - s.table[2 * i]!) / n;
    }
    for (let j = 0; j < INTERVALS; j++) {
      const a = s.lo + j * s.w;
      for (let g = 0; g <= 40; g++) {
        const f = sum.density(a + (g / 40) * s.w);
        expect(f, `density under the rectangle, interval ${j}`).toBeGreaterThanOrEqual(inner.under[j]!);
        expect(f, `density under the ceiling, interval ${j}`).toBeLessThanOrEqual(inner.over[j]!);
      }
      const p = sum.cdf(a + s.w) - sum.cdf(a);
      expect(Math.abs(q[j]! + q[INTERVALS + j]! - p), `mass of interval ${j}`).toBeLessThan(1e-9);
      expect(Math.abs(q[j]! - Math.min(p, inner.under[j]! * s.w)), `rectangle ${j}`).toBeLessThan(1e-9);
    }
    expect(s.wedgeMass).toBeLessThan(0.01);
  });

  it.each(CASES)('draws follow the closed-form CDF and the stages drawn one by one (%s)', (_name, ds) => {
    const sum = new DelaySum(ds);
    const s = new DelaySumSampler(sum);
    const rng = new Rng(17, 0, 0);
    const N = 200_000;
    const B = 40;
    const joint = new Float64Array(B);
    const walked = new Float64Array(B);
    // Where in its interval a draw lands (tenths): the fine structure a coarse CDF check would miss.
    const G = 10;
    const within = new Float64Array(G);
    for (let i = 0; i < N; i++) {
      const x = s.sample(rng);
      joint[Math.min(B - 1, Math.floor(sum.cdf(x) * B))]! += 1;
      const pos = (x - s.lo) / s.w;
      within[Math.min(G - 1, Math.floor((pos - Math.floor(pos)) * G))]! += 1;
      let y = 0;
      for (const d of ds) y += d.sample(rng);
      walked[Math.min(B - 1, Math.floor(sum.cdf(y) * B))]! += 1;
    }
    // Each bin holds 1/B of the law; both ways at 4.5 standard errors.
    const se = Math.sqrt((1 / B) * (1 - 1 / B) / N);
    for (let b = 0; b < B; b++) {
      expect(Math.abs(joint[b]! / N - 1 / B), `joint, bin ${b}`).toBeLessThan(4.5 * se);
      expect(Math.abs(walked[b]! / N - 1 / B), `walked, bin ${b}`).toBeLessThan(4.5 * se);
    }
    for (let g = 0; g < G; g++) {
      let p = 0;
      for (let j = 0; j < INTERVALS; j++) p += sum.cdf(s.lo + (j + (g + 1) / G) * s.w) - sum.cdf(s.lo + (j + g / G) * s.w);
      expect(Math.abs(within[g]! / N - p), `tenth ${g} of the intervals`).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('is used only where it pays and is exact: two to five random delays, a CDF rounding below 1e-9', () => {
    expect(delaySumSampler([tri(14, 30, 60)])).toBeNull();
    expect(delaySumSampler([tri(14, 30, 60), new RangeDist(12)])).toBeNull();
    expect(delaySumSampler([1, 2, 3, 4, 5, 6].map(() => tri(10, 20, 30)))).toBeNull();
    expect(delaySumSampler([1, 2, 3, 4].map(() => tri(0, 1, 300)))).toBeNull();
    const s = delaySumSampler([tri(14, 30, 60), tri(20, 30, 45)]);
    expect(s).toBeInstanceOf(DelaySumSampler);
    expect(delaySumSampler([tri(14, 30, 60), tri(20, 30, 45)])).toBe(s);
  });
});
