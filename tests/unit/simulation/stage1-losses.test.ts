// Where deals lost at stage 1 are counted (opportunity month, loss month),
// from the compiled table, against following such deals one by one.
import { describe, expect, it } from 'vitest';
import { L } from '../../../shared/simulation/compile';
import { RangeDist } from '../../../shared/simulation/distributions';
import { Rng } from '../../../shared/simulation/rng';
import { cellProbability, Stage1Losses } from '../../../shared/simulation/stage1-losses';

const tri = (min: number, mode: number, max: number) => ({ min, mode, max });
const N = 200_000;

describe('deals lost at stage 1', () => {
  it.each([
    ['triangular stage days', tri(7, 14, 30), tri(14, 30, 60)],
    ['short stages', tri(0, 2, 7), tri(1, 5, 14)],
    ['fixed stage days', 5, 0],
    ['mode at the minimum, then fixed days past a month', tri(0, 0, 40), 45],
  ] as const)('land in the months a per-deal walk puts them (%s)', (_name, r0, r1) => {
    const d0 = new RangeDist(r0);
    const d1 = new RangeDist(r1);
    const cells = new Stage1Losses(d0, d1, L);
    const exact = new Map<string, number>();
    for (let i = 0; i < cells.opp.length; i++) exact.set(`${cells.opp[i]},${cells.loss[i]}`, cellProbability(d0, d1, L, cells.opp[i]!, cells.loss[i]!));
    expect([...exact.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    // The model to the letter: arrival uniform in the month, then the two stages' days.
    const rng = new Rng(7, 0, 0);
    const walked = new Map<string, number>();
    const drawn = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const x = rng.next() * L + d0.sample(rng);
      const key = `${Math.floor(x / L)},${Math.floor((x + d1.sample(rng)) / L)}`;
      walked.set(key, (walked.get(key) ?? 0) + 1);
      const c = cells.sample(rng);
      const k2 = `${cells.opp[c]},${cells.loss[c]}`;
      drawn.set(k2, (drawn.get(k2) ?? 0) + 1);
    }
    for (const key of new Set([...exact.keys(), ...walked.keys()])) {
      const p = exact.get(key) ?? 0;
      const se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / N);
      expect(Math.abs((walked.get(key) ?? 0) / N - p), `walked ${key}`).toBeLessThan(4.5 * se);
      expect(Math.abs((drawn.get(key) ?? 0) / N - p), `drawn ${key}`).toBeLessThan(4.5 * se);
    }
  });
});
