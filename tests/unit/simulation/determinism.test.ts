// Same plan, seed and trials ⇒ byte-identical results, however the trials
// are grouped into workers; merging validates what it is given.

import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunkCount, ChunkRunner, mergeChunks, simulate, simulateChunks, SimulationCancelled, SimulationInputError } from '../../../shared/simulation';
import type { ChunkResult } from '../../../shared/simulation';
import { KPI_METRICS, SERIES_METRICS } from '../../../shared/plan/types';
import { kpiIndex, seriesIndex, statLayout } from '../../../shared/simulation/stats';
import { smallPlan, withoutTime } from './helpers';

/** p10, p50, p90 (type 7) by a full sort. */
function bySort(xs: number[]): number[] {
  const s = [...xs].sort((a, b) => a - b);
  return [0.1, 0.5, 0.9].map((q) => {
    const h = (s.length - 1) * q;
    const k = Math.floor(h);
    return k + 1 >= s.length ? s[k]! : s[k]! + (h - k) * (s[k + 1]! - s[k]!);
  });
}

const TRIALS = 1900; // 8 chunks, the last one partial

describe('determinism and chunking', () => {
  it('gives identical output for the same seed and a different one for another seed', () => {
    const plan = smallPlan();
    const a = simulate(plan, { trials: TRIALS, seed: 17 });
    const b = simulate(plan, { trials: TRIALS, seed: 17 });
    const c = simulate(plan, { trials: TRIALS, seed: 18 });
    expect(withoutTime(a)).toBe(withoutTime(b));
    expect(withoutTime(a)).not.toBe(withoutTime(c));
    expect(a.trials).toBe(TRIALS);
    expect(a.seed).toBe(17);
    expect(a.scenario).toBeNull();
    expect(a.months).toHaveLength(15);
    expect(a.months[0]).toBe('2027-01');
  });

  it('merges chunk groupings of 1, 2 and 3 workers (in any order) into byte-identical JSON', () => {
    const plan = smallPlan();
    const opts = { trials: TRIALS, seed: 17, scenarioId: 'slow' };
    const n = chunkCount(TRIALS);
    expect(n).toBe(Math.ceil(TRIALS / CHUNK_SIZE));
    const single = simulate(plan, opts);
    const groupings = [[[0, n]], [[0, 4], [4, n]], [[0, 2], [2, 5], [5, n]], [[5, n], [0, 1], [1, 5]]];
    for (const groups of groupings) {
      const chunks: ChunkResult[] = groups.flatMap(([from, to]) => simulateChunks(plan, opts, from!, to!));
      // Simulate transfer between threads (structured clone) and arbitrary arrival order.
      const arrived = structuredClone(chunks).reverse();
      const merged = mergeChunks(plan, opts, arrived);
      expect(withoutTime(merged)).toBe(withoutTime(single));
    }
  });

  it('merges chunks taken out of order from a shared counter, a few per call, into the same bytes, with one set-up per thread', () => {
    const plan = smallPlan();
    const opts = { trials: TRIALS, seed: 17, scenarioId: 'slow' };
    const n = chunkCount(TRIALS);
    // Two "threads" (runners) taking turns: each call takes chunks until its claim says none are left.
    const order = [3, 0, n - 1, 1, ...Array.from({ length: n }, (_, i) => i).filter((i) => ![3, 0, n - 1, 1].includes(i))];
    let next = 0;
    const claim = (budget: { left: number }) => () => (budget.left-- > 0 && next < n ? order[next++]! : n);
    const a = new ChunkRunner(plan, opts);
    const b = new ChunkRunner(plan, opts);
    const chunks: ChunkResult[] = [];
    for (let turn = 0; next < n; turn++) chunks.push(...(turn % 2 ? b : a).runChunks(opts, 0, n, claim({ left: 1 + (turn % 3) })));
    expect(chunks.map((c) => c.index)).toEqual(order);
    expect(withoutTime(a.merge(structuredClone(chunks)))).toBe(withoutTime(simulate(plan, opts)));
    // A claim outside the range is a bug, not a chunk.
    expect(() => a.runChunks(opts, 2, n, () => 1)).toThrow(/outside/);
  });

  it("merges quantiles equal to a full sort of the chunks' per-trial values (undefined KPIs left out)", () => {
    const plan = smallPlan();
    const opts = { trials: TRIALS, seed: 5 };
    const chunks = simulateChunks(plan, opts, 0, chunkCount(TRIALS));
    const r = mergeChunks(plan, opts, chunks);
    const layout = statLayout(r.months.length, r.phases.length, r.scopes.length);
    const column = (i: number) => chunks.flatMap((c) => Array.from(c.values!.subarray(i * c.trials, (i + 1) * c.trials))).filter((x) => !Number.isNaN(x));
    const revenue = SERIES_METRICS.indexOf('revenue');
    for (const w of [0, 5, r.months.length - 1]) {
      const st = r.series.revenue;
      expect([st.p10[w], st.p50[w], st.p90[w]], `revenue, month ${w}`).toEqual(bySort(column(seriesIndex(layout, revenue, w))));
    }
    const winRate = column(kpiIndex(layout, 0, KPI_METRICS.indexOf('winRate')));
    expect(winRate.length).toBeGreaterThan(0);
    const k = r.scopes[0]!.kpis.winRate;
    expect([k.p10, k.p50, k.p90]).toEqual(bySort(winRate));
  });

  it('keeps every value JSON-plain (no typed arrays, no NaN)', () => {
    const r = simulate(smallPlan(), { trials: 200, seed: 1 });
    const json = JSON.stringify(r);
    expect(JSON.parse(json)).toEqual(r);
    expect(Array.isArray(r.series.leads.p50)).toBe(true);
  });

  it('rejects incomplete or duplicated chunk sets', () => {
    const plan = smallPlan();
    const opts = { trials: TRIALS, seed: 1 };
    const chunks = simulateChunks(plan, opts, 0, chunkCount(TRIALS));
    expect(() => mergeChunks(plan, opts, chunks.slice(1))).toThrow(SimulationInputError);
    expect(() => mergeChunks(plan, opts, [...chunks, chunks[0]!])).toThrow(SimulationInputError);
    expect(() => mergeChunks(plan, { ...opts, trials: TRIALS + CHUNK_SIZE }, chunks)).toThrow(SimulationInputError);
    expect(() => simulateChunks(plan, opts, 3, 99)).toThrow(SimulationInputError);
  });

  it('reports progress per chunk and cancels between chunks', () => {
    const plan = smallPlan();
    const seen: [number, number][] = [];
    simulate(plan, { trials: TRIALS, hooks: { onProgress: (d, t) => seen.push([d, t]) } });
    expect(seen).toHaveLength(chunkCount(TRIALS));
    expect(seen.at(-1)).toEqual([TRIALS, TRIALS]);
    expect(seen.every(([d], i) => i === 0 || d > seen[i - 1]![0])).toBe(true);

    let calls = 0;
    expect(() => simulate(plan, { trials: TRIALS, hooks: { shouldCancel: () => ++calls > 2 } })).toThrow(SimulationCancelled);
    expect(calls).toBe(3);
    expect(() => simulate(plan, { trials: TRIALS, hooks: { signal: { aborted: true } } })).toThrow(SimulationCancelled);
  });
});
