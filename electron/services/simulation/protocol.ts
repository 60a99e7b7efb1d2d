// Messages between the worker pool (main thread) and a simulation worker.
// Every engine call that costs more than a few milliseconds crosses this
// boundary, so the main process event loop only ever posts and receives.
import type { Plan } from '../../../shared/plan/types';
import type {
  ChunkResult,
  ReverseOptions,
  ReverseResult,
  SensitivityOptions,
  SensitivityResult,
  SimulateOptions,
  SimulationResult,
  ReforecastOptions,
  ReforecastResult,
} from '../../../shared/simulation';

/** Engine options without hooks: functions cannot cross threads (the cancel flag does, as shared memory). */
export type PlainSimulateOptions = Omit<SimulateOptions, 'hooks'>;

export type Task =
  /**
   * Chunks [from, to) in order; with `counter` (an Int32 in shared memory, the
   * next chunk to take) only those taken from it, one at a time (claimFrom).
   */
  | { kind: 'chunks'; plan: Plan; opts: PlainSimulateOptions; from: number; to: number; counter?: SharedArrayBuffer }
  | { kind: 'merge'; plan: Plan; opts: PlainSimulateOptions; chunks: ChunkResult[]; elapsedMs: number }
  | { kind: 'requiredLeads'; plan: Plan; opts: Omit<ReverseOptions, 'hooks'> }
  | { kind: 'sensitivity'; plan: Plan; opts: Omit<SensitivityOptions, 'hooks'> }
  | { kind: 'reforecast'; plan: Plan; opts: Omit<ReforecastOptions, 'hooks'> };

export interface TaskResults {
  chunks: ChunkResult[];
  merge: SimulationResult;
  requiredLeads: ReverseResult;
  sensitivity: SensitivityResult;
  reforecast: ReforecastResult;
}

export interface JobMessage {
  id: number;
  task: Task;
  /** Int32Array over shared memory: non-zero means "stop at the next chunk boundary". */
  cancel: SharedArrayBuffer;
}

/** An engine error, flattened for postMessage (class identity does not survive structured clone). */
export interface WorkerError {
  name: string;
  message: string;
  code?: string;
  path?: string | null;
}

export type WorkerReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; error: WorkerError };

/** The ArrayBuffers inside chunk results, moved (not copied) across threads. */
export function chunkBuffers(chunks: readonly ChunkResult[]): ArrayBuffer[] {
  return chunks.flatMap((c) => [c.sums.buffer, c.counts.buffer, c.hits.buffer, c.lo.buffer, c.hi.buffer, ...(c.values ? [c.values.buffer] : [])]) as ArrayBuffer[];
}

/** Takes the next chunk index from a counter shared by the threads of one run (each index once). */
export function claimFrom(counter: SharedArrayBuffer): () => number {
  const next = new Int32Array(counter);
  return () => Atomics.add(next, 0, 1);
}
