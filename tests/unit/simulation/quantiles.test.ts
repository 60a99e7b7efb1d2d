// p10/p50/p90 (type 7) of the bucketed selection against a full sort.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../shared/simulation/rng';
import { quantiles3 } from '../../../shared/simulation/stats';

function bySort(xs: Float64Array): number[] {
  const s = Array.from(xs).sort((a, b) => a - b);
  return [0.1, 0.5, 0.9].map((q) => {
    const h = (s.length - 1) * q;
    const k = Math.floor(h);
    return k + 1 >= s.length ? s[k]! : s[k]! + (h - k) * (s[k + 1]! - s[k]!);
  });
}

describe('quantiles3', () => {
  const rng = new Rng(3, 0, 0);
  it.each([
    ['continuous', (n: number) => Float64Array.from({ length: n }, () => rng.normal() * 1e6)],
    ['small integer counts, many ties', (n: number) => Float64Array.from({ length: n }, () => Math.floor(rng.next() * 4))],
    ['one far outlier (everything else in one bucket)', (n: number) => Float64Array.from({ length: n }, (_, i) => (i === 7 ? 1e12 : rng.next()))],
    ['heavy tail', (n: number) => Float64Array.from({ length: n }, () => Math.exp(12 * rng.next()))],
    ['all equal', (n: number) => new Float64Array(n).fill(2.5)],
  ] as const)('equals a full sort (%s)', (_name, make) => {
    for (const n of [1, 2, 3, 10, 11, 250, 10_000]) {
      const xs = make(n);
      const copy = xs.slice();
      expect(quantiles3(xs, n), `n = ${n}`).toEqual(bySort(xs));
      expect(xs).toEqual(copy); // the input is left as it was
    }
  });

  it('reads only the first n values, and gives NaN for none', () => {
    expect(quantiles3(Float64Array.from([5, 1, 3, 100, 100]), 3)).toEqual(bySort(Float64Array.from([5, 1, 3])));
    expect(quantiles3(new Float64Array(0), 0)).toEqual([NaN, NaN, NaN]);
  });
});
