// The engine's work spread over the worker pool. Monte Carlo: the run's
// chunks (250 trials each) taken one at a time from a counter in shared
// memory by every thread of the run, so a thread that runs faster (warmed up
// sooner, or given more of a busy machine's cores) runs more of them; the
// chunk results are merged — in a worker, or in the calling thread with
// `callerRuns` — in chunk order, so the result is byte-identical for any
// number of workers and any sharing (see docs/simulation-engine.md,
// Determinism). The reverse funnel and sensitivity analysis run whole in one
// worker each: they are sequences of dependent evaluations.
import type { Plan } from '../../../shared/plan/types';
import { chunkCount, ChunkRunner, SimulationCancelled, validateSimulationInput } from '../../../shared/simulation';
import type { ChunkResult, ReforecastOptions, ReforecastResult, ReverseOptions, ReverseResult, SensitivityOptions, SensitivityResult, SimulationResult } from '../../../shared/simulation';
import { CancelFlag, type SimulationPool } from './pool';
import { chunkBuffers, claimFrom, type PlainSimulateOptions } from './protocol';
import { trace } from '../trace';

export interface ParallelHooks {
  onProgress?: (done: number, total: number) => void;
  cancel?: CancelFlag;
}

/**
 * Monte Carlo over the pool. Validates first, so bad input fails before any
 * worker starts. Every worker of the pool (at most one per chunk) gets the
 * whole range and the shared counter. With `pool.callerRuns` (the CLI) this
 * thread takes chunks from the counter too, after posting the workers' tasks,
 * and merges them here with the set-up it ran them with: one worker's
 * start-up, a copy of the plan and the merge's round trip fewer
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
  const total = chunkCount(trials);
  const own = pool.callerRuns;
  const workers = Math.min(pool.size, total - (own ? 1 : 0));
  const counter = new SharedArrayBuffer(4);
  const doneBy = new Array<number>(workers + 1).fill(0);
  const progress = (i: number) => (done: number) => {
    doneBy[i] = done;
    hooks.onProgress?.(
      doneBy.reduce((a, b) => a + b, 0),
      trials,
    );
  };
  const posted = Array.from({ length: workers }, (_, i) =>
    pool.run({ kind: 'chunks', plan, opts, from: 0, to: total, counter }, { cancel, onProgress: progress(i + 1) }),
  );
  trace('chunks posted');
  let chunks: ChunkResult[] = [];
  let runner: ChunkRunner | null = null;
  if (own) {
    try {
      // After the caller has its answer (runs.ts: the run id), as a pool run would give it.
      await new Promise((resolve) => setImmediate(resolve));
      runner = new ChunkRunner(plan, opts);
      chunks = runner.runChunks({ hooks: { shouldCancel: () => cancel.cancelled, onProgress: progress(0) } }, 0, total, claimFrom(counter));
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
  if (runner) {
    if (cancel.cancelled) throw new SimulationCancelled();
    result = runner.merge(chunks);
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
