// Where deals lost at stage i >= 1 are counted (opportunity month, loss month),
// from the compiled table, against following such deals one by one.
import { describe, expect, it } from 'vitest';
import { L } from '../../../shared/simulation/compile';
import { DelaySum } from '../../../shared/simulation/delay-sum';
import { RangeDist } from '../../../shared/simulation/distributions';
import { arrivalOf, cellProbability, LossCells, lossCells, lossOf, opportunityOf } from '../../../shared/simulation/loss-cells';
import { Rng } from '../../../shared/simulation/rng';

const tri = (min: number, mode: number, max: number) => ({ min, mode, max });
const N = 200_000;

describe('deals lost at a stage', () => {
  it.each([
    ['stage 1, triangular stage days', tri(7, 14, 30), [tri(14, 30, 60)]],
    ['stage 1, short stages', tri(0, 2, 7), [tri(1, 5, 14)]],
    ['stage 1, fixed stage days', 5, [0]],
    ['stage 1, mode at the minimum, then fixed days past a month', tri(0, 0, 40), [45]],
    ['stage 2', tri(7, 14, 30), [tri(14, 30, 60), tri(20, 30, 45)]],
    ['stage 3, a fixed stage among them', tri(7, 14, 30), [tri(14, 30, 60), 12, tri(15, 30, 50)]],
    ['stage 4 (the benchmark LTC funnel)', tri(7, 14, 30), [tri(14, 30, 60), tri(20, 30, 45), tri(15, 30, 50), tri(14, 21, 35)]],
    ['stage 4, short B2C stages', tri(0, 2, 7), [tri(1, 5, 14), tri(0, 1, 3), tri(0, 3, 10), tri(0, 0.5, 2)]],
  ] as const)('land in the months a per-deal walk puts them (%s)', (_name, r0, rs) => {
    const d0 = new RangeDist(r0);
    const later = rs.map((r) => new RangeDist(r));
    const s = new DelaySum(later);
    const cells = new LossCells(d0, s, L);
    const exact = new Map<string, number>();
    for (let i = 0; i < cells.opp.length; i++) exact.set(`${cells.opp[i]},${cells.loss[i]}`, cellProbability(d0, s, L, cells.opp[i]!, cells.loss[i]!));
    expect([...exact.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);

    // The model to the letter: arrival uniform in the month, then each stage's days.
    const rng = new Rng(7, 0, 0);
    const walked = new Map<string, number>();
    const drawn = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const x = rng.next() * L + d0.sample(rng);
      let y = x;
      for (const d of later) y += d.sample(rng);
      const key = `${Math.floor(x / L)},${Math.floor(y / L)}`;
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

  it('has no table where it could not be exact: five triangular later stages, or wide skewed delays', () => {
    const d0 = new RangeDist(tri(7, 14, 30));
    expect(lossCells(d0, [1, 2, 3, 4, 5].map(() => new RangeDist(tri(10, 20, 30))), L)).toBeNull();
    expect(lossCells(d0, [1, 2, 3, 4].map(() => new RangeDist(tri(0, 1, 300))), L)).toBeNull();
    expect(lossCells(d0, [1, 2, 3, 4].map(() => new RangeDist(tri(10, 20, 30))), L)).not.toBeNull();
  });

  it('over a run of months, draw the arrival month uniformly and the cell as in one month', () => {
    // The engine draws a lost deal's arrival month within a run of M months and
    // its cell together (LossCells.run): the month must be uniform and
    // independent of the cell, whose months stay offsets from the arrival.
    const d0 = new RangeDist(tri(7, 14, 30));
    const s = new DelaySum([tri(14, 30, 60), tri(20, 30, 45)].map((r) => new RangeDist(r)));
    const cells = new LossCells(d0, s, L);
    const M = 5;
    const run = cells.run(M);
    expect(cells.run(M)).toBe(run);
    const rng = new Rng(11, 0, 0);
    const drawn = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const e = run.sample(rng);
      const j = arrivalOf(e);
      const key = `${j},${opportunityOf(e) - j},${lossOf(e) - j}`;
      drawn.set(key, (drawn.get(key) ?? 0) + 1);
    }
    let seen = 0;
    for (let j = 0; j < M; j++) {
      for (let c = 0; c < cells.opp.length; c++) {
        const p = cellProbability(d0, s, L, cells.opp[c]!, cells.loss[c]!) / M;
        const se = Math.sqrt(Math.max(p * (1 - p), 1e-6) / N);
        const got = (drawn.get(`${j},${cells.opp[c]},${cells.loss[c]}`) ?? 0) / N;
        expect(Math.abs(got - p), `month ${j}, cell ${c}`).toBeLessThan(4.5 * se);
        seen += got;
      }
    }
    expect(seen).toBeCloseTo(1, 12); // nothing drawn outside the run's months and the cells
  });
});
