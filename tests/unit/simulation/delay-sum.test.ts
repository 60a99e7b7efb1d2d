// The closed-form CDF of a sum of stage delays (truncated powers) against an
// independent reference: the convolution integral F_n(x) = ∫ f_n(z)·F_{n−1}(x − z) dz
// done numerically, piece by piece between the break points with
// Gauss–Legendre (exact for these piecewise polynomials up to rounding).
import { describe, expect, it } from 'vitest';
import { DelaySum } from '../../../shared/simulation/delay-sum';
import { RangeDist } from '../../../shared/simulation/distributions';

const tri = (min: number, mode: number, max: number) => new RangeDist({ min, mode, max });
const GL_X = [-0.932469514203152, -0.6612093864662645, -0.2386191860831969, 0.2386191860831969, 0.6612093864662645, 0.932469514203152];
const GL_W = [0.1713244923791704, 0.3607615730481386, 0.467913934572691, 0.467913934572691, 0.3607615730481386, 0.1713244923791704];

function density(d: RangeDist, z: number): number {
  const { min: a, mode: c, max: b } = d;
  if (z < a || z > b) return 0;
  return z <= c ? (2 * (z - a)) / ((b - a) * (c - a || 1)) : (2 * (b - z)) / ((b - a) * (b - c || 1));
}

/** P(D_1 + … + D_n < x), recursively; kinks: the break points of F_{n−1}. */
function reference(ds: RangeDist[], x: number): number {
  const last = ds[ds.length - 1]!;
  if (ds.length === 1) return last.cdf(x);
  const rest = ds.slice(0, -1);
  if (last.fixed) return reference(rest, x - last.min);
  let kinks = [0];
  for (const d of rest) kinks = kinks.flatMap((k) => (d.fixed ? [k + d.min] : [k + d.min, k + d.mode, k + d.max]));
  const breaks = [last.min, last.mode, last.max, ...kinks.map((k) => x - k)].filter((z) => z >= last.min && z <= last.max);
  const zs = [...new Set(breaks)].sort((p, q) => p - q);
  let sum = 0;
  for (let i = 0; i + 1 < zs.length; i++) {
    const h = (zs[i + 1]! - zs[i]!) / 2;
    const c = (zs[i + 1]! + zs[i]!) / 2;
    for (let g = 0; g < 6; g++) {
      const z = c + h * GL_X[g]!;
      sum += GL_W[g]! * h * density(last, z) * reference(rest, x - z);
    }
  }
  return sum;
}

describe('the CDF of a sum of stage delays', () => {
  it.each([
    ['one triangular', [tri(14, 30, 60)]],
    ['two triangulars', [tri(14, 30, 60), tri(20, 30, 45)]],
    ['a fixed delay among triangulars', [tri(14, 30, 60), new RangeDist(12), tri(15, 30, 50)]],
    ['mode at an end', [tri(0, 0, 40), tri(5, 9, 9), tri(1, 5, 14)]],
    ['the benchmark LTC stages 1 to 4', [tri(14, 30, 60), tri(20, 30, 45), tri(15, 30, 50), tri(14, 21, 35)]],
  ] as const)('matches the convolution integral (%s)', (_name, ds) => {
    const s = new DelaySum(ds);
    let worst = 0;
    for (let i = 0; i <= 40; i++) {
      const x = s.min - 1 + ((s.max - s.min + 2) * i) / 40;
      worst = Math.max(worst, Math.abs(s.cdf(x) - reference([...ds], x)));
    }
    expect(worst).toBeLessThan(1e-11);
    expect(worst).toBeLessThanOrEqual(Math.max(s.errorBound, 1e-15));
    expect(s.errorBound).toBeLessThan(1e-9);
  });

  it('bounds its rounding, which grows for wide, skewed delays', () => {
    const wide = new DelaySum([tri(0, 1, 300), tri(0, 1, 300), tri(0, 1, 300), tri(0, 1, 300)]);
    expect(wide.errorBound).toBeGreaterThan(1e-9); // the loss tables follow such deals one by one instead
  });

  it('is a step for fixed delays only', () => {
    const s = new DelaySum([new RangeDist(5), new RangeDist(7)]);
    expect(s.cdf(12)).toBe(0);
    expect(s.cdf(12.0001)).toBe(1);
  });
});
