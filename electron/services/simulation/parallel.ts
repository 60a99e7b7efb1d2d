// The engine's work spread over the worker pool. Monte Carlo: the run's
// chunks (250 trials each) split into one contiguous range per worker; the
// chunk results are merged — in a worker too, in chunk order — so the result
// is byte-identical for any number of workers (see docs/simulation-engine.md,
// Determinism). The reverse funnel and sensitivity analysis run whole in one
// worker each: they are sequences of dependent evaluations.
import type { Plan } from '../../../shared/plan/types';
import { chunkCount, mergeChunks, SimulationCancelled, simulateChunks, validateSimulationInput } from '../../../shared/simulation';
import type { ChunkResult, ReforecastOptions, ReforecastResult, ReverseOptions, ReverseResult, SensitivityOptions, SensitivityResult, SimulationResult } from '../../../shared/simulation';
import { CancelFlag, type SimulationPool } from './pool';
import { chunkBuffers, type PlainSimulateOptions } from './protocol';
import { trace } from '../trace';

export interface ParallelHooks {
  onProgress?: (done: number, total: number) => void;
  cancel?: CancelFlag;
}

/** Contiguous chunk ranges [from, to), one per worker, as even as possible. */
export function splitChunks(chunks: number, parts: number): [number, number][] {
  const n = Math.max(1, Math.min(parts, chunks));
  const ranges: [number, number][] = [];
  for (let i = 0, from = 0; i < n; i++) {
    const to = from + Math.floor(chunks / n) + (i < chunks % n ? 1 : 0);
    ranges.push([from, to]);
    from = to;
  }
  return ranges;
}

/**
 * Monte Carlo over the pool. Validates first, so bad input fails before any
 * worker starts. With `pool.callerRuns` (the CLI) this thread takes the first
 * range of chunks itself, after posting the others, and merges them here: one
 * worker's start-up, a copy of the plan and the merge's round trip fewer
 * (docs/simulation-runs.md, CLI).
 */
export async function simulateInPool(
  pool: SimulationPool,
  plan: Plan,
  opts: PlainSimulateOptions,
  hooks: ParallelHooks = {},
): Promise<SimulationResult> {
  const t0 = performance.now();
  validateSimulationInput(plan, opts);
  const trials = opts.trials ?? plan.plan.trials;
  const cancel = hooks.cancel ?? new CancelFlag();
  const ranges = splitChunks(chunkCount(trials), pool.size + (pool.callerRuns ? 1 : 0));
  const doneByRange = ranges.map(() => 0);
  const progress = (i: number) => (done: number) => {
    doneByRange[i] = done;
    hooks.onProgress?.(
      doneByRange.reduce((a, b) => a + b, 0),
      trials,
    );
  };
  const own = pool.callerRuns && ranges.length > 1 ? ranges[0]! : null;
  const posted = ranges.slice(own ? 1 : 0).map(([from, to], i) =>
    pool.run({ kind: 'chunks', plan, opts, from, to }, { cancel, onProgress: progress(own ? i + 1 : i) }),
  );
  trace('chunks posted');
  let chunks: ChunkResult[] = [];
  if (own) {
    try {
      // After the caller has its answer (runs.ts: the run id), as a pool run would give it.
      await new Promise((resolve) => setImmediate(resolve));
      chunks = simulateChunks(plan, { ...opts, hooks: { shouldCancel: () => cancel.cancelled, onProgress: progress(0) } }, own[0], own[1]);
    } catch (e) {
      // The workers' shares are of no use now.
      cancel.cancel();
      for (const p of posted) p.catch(() => {});
      throw e;
    }
    trace('own chunks done');
  }
  chunks.push(...(await Promise.all(posted)).flat());
  trace('chunks received');
  let result: SimulationResult;
  if (pool.callerRuns) {
    if (cancel.cancelled) throw new SimulationCancelled();
    result = mergeChunks(plan, opts, chunks);
  } else {
    result = await pool.run({ kind: 'merge', plan, opts, chunks, elapsedMs: 0 }, { cancel, transfer: chunkBuffers(chunks) });
  }
  trace('merged');
  result.elapsedMs = performance.now() - t0;
  return result;
}

export function requiredLeadsInPool(
  pool: SimulationPool,
  plan: Plan,
  opts: Omit<ReverseOptions, 'hooks'>,
  hooks: ParallelHooks = {},
): Promise<ReverseResult> {
  return pool.run({ kind: 'requiredLeads', plan, opts }, hooks);
}

export function sensitivityInPool(
  pool: SimulationPool,
  plan: Plan,
  opts: Omit<SensitivityOptions, 'hooks'>,
  hooks: ParallelHooks = {},
): Promise<SensitivityResult> {
  return pool.run({ kind: 'sensitivity', plan, opts }, hooks);
}

export function reforecastInPool(
  pool: SimulationPool,
  plan: Plan,
  opts: Omit<ReforecastOptions, 'hooks'>,
  hooks: ParallelHooks = {},
): Promise<ReforecastResult> {
  return pool.run({ kind: 'reforecast', plan, opts }, hooks);
}
