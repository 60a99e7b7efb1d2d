// The engine's work spread over the worker pool. Monte Carlo: the run's
// chunks (250 trials each) split into one contiguous range per worker; the
// chunk results are merged — in a worker too, in chunk order — so the result
// is byte-identical for any number of workers (see docs/simulation-engine.md,
// Determinism). The reverse funnel and sensitivity analysis run whole in one
// worker each: they are sequences of dependent evaluations.
import type { Plan } from '../../../shared/plan/types';
import { chunkCount, validateSimulationInput } from '../../../shared/simulation';
import type { ReforecastOptions, ReforecastResult, ReverseOptions, ReverseResult, SensitivityOptions, SensitivityResult, SimulationResult } from '../../../shared/simulation';
import type { CancelFlag, SimulationPool } from './pool';
import { chunkBuffers, type PlainSimulateOptions } from './protocol';

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

/** Monte Carlo over the pool. Validates first, so bad input fails before any worker starts. */
export async function simulateInPool(
  pool: SimulationPool,
  plan: Plan,
  opts: PlainSimulateOptions,
  hooks: ParallelHooks = {},
): Promise<SimulationResult> {
  const t0 = performance.now();
  validateSimulationInput(plan, opts);
  const trials = opts.trials ?? plan.plan.trials;
  const ranges = splitChunks(chunkCount(trials), pool.size);
  const doneByRange = ranges.map(() => 0);
  const parts = await Promise.all(
    ranges.map(([from, to], i) =>
      pool.run(
        { kind: 'chunks', plan, opts, from, to },
        {
          cancel: hooks.cancel,
          onProgress: (done) => {
            doneByRange[i] = done;
            hooks.onProgress?.(
              doneByRange.reduce((a, b) => a + b, 0),
              trials,
            );
          },
        },
      ),
    ),
  );
  const chunks = parts.flat();
  const result = await pool.run(
    { kind: 'merge', plan, opts, chunks, elapsedMs: 0 },
    { cancel: hooks.cancel, transfer: chunkBuffers(chunks) },
  );
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
