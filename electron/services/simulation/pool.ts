// A pool of simulation worker threads: min(cores, 4) workers, at least one,
// started on first use and kept warm. Jobs queue when every worker is busy.
// Idle workers are unref'd so a CLI run or a test exits when its work is
// done without anyone closing the pool. The main thread only posts messages
// and receives them: the engine never runs here.
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SimulationCancelled, SimulationInputError } from '../../../shared/simulation';
import type { SimulationInputErrorCode } from '../../../shared/simulation';
import type { JobMessage, Task, TaskResults, WorkerError, WorkerReply } from './protocol';

export const MAX_POOL_SIZE = 4;

export function defaultPoolSize(): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(cores, MAX_POOL_SIZE));
}

/**
 * Where the worker's code is. From TypeScript sources (tests, CLI, `npm run
 * web`) this module is a .ts file and the worker is worker-dev.mjs, which
 * registers tsx in the new thread. In the electron-vite build this module is
 * part of out/main/index.js and the worker is out/main/simulation-worker.cjs
 * beside it: one self-contained CommonJS file (scripts/worker-bundle.mjs).
 */
export function defaultWorkerUrl(moduleUrl: string = import.meta.url): URL {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return new URL('./worker-dev.mjs', moduleUrl);
  return new URL('./simulation-worker.cjs', moduleUrl);
}

/** A cancel switch shared with the workers running a job (shared memory, read between chunks). */
export class CancelFlag {
  readonly buffer = new SharedArrayBuffer(4);
  private readonly view = new Int32Array(this.buffer);

  cancel(): void {
    Atomics.store(this.view, 0, 1);
  }

  get cancelled(): boolean {
    return Atomics.load(this.view, 0) !== 0;
  }
}

export interface JobOptions {
  onProgress?: (done: number, total: number) => void;
  cancel?: CancelFlag;
  /** Buffers inside the task to move to the worker instead of copying. */
  transfer?: ArrayBuffer[];
}

interface Pending {
  job: JobMessage;
  opts: JobOptions;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

/** Rebuilds the engine's typed errors, which lose their class crossing the thread boundary. */
export function reviveError(e: WorkerError): Error {
  if (e.name === 'SimulationCancelled') return new SimulationCancelled();
  if (e.name === 'SimulationInputError' && e.code) {
    const path = e.path ?? null;
    const message = path && e.message.startsWith(`${path}: `) ? e.message.slice(path.length + 2) : e.message;
    return new SimulationInputError(e.code as SimulationInputErrorCode, message, path);
  }
  return Object.assign(new Error(e.message), { name: e.name });
}

export interface PoolOptions {
  size?: number;
  workerUrl?: URL;
  /**
   * The calling thread runs a share of each Monte Carlo run's chunks and the
   * merge itself (parallel.ts), beside `size` workers: the CLI, whose thread
   * would otherwise only wait. Never the app, whose main thread must stay free.
   */
  callerRuns?: boolean;
}

export class SimulationPool {
  readonly size: number;
  readonly callerRuns: boolean;
  private readonly workerUrl: URL;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
    this.workerUrl = opts.workerUrl ?? defaultWorkerUrl();
    this.callerRuns = opts.callerRuns ?? false;
  }

  /** Runs one engine task on the next free worker. Rejects with SimulationCancelled when `cancel` is set. */
  run<K extends Task['kind']>(task: Extract<Task, { kind: K }>, opts: JobOptions = {}): Promise<TaskResults[K]> {
    if (this.closed) return Promise.reject(new Error('The simulation pool is closed'));
    const cancel = opts.cancel ?? new CancelFlag();
    if (cancel.cancelled) return Promise.reject(new SimulationCancelled());
    return new Promise((resolve, reject) => {
      this.queue.push({
        job: { id: this.nextId++, task, cancel: cancel.buffer },
        opts: { ...opts, cancel },
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /**
   * Starts every worker now, idle and unref'd, so the next run does not wait
   * for their start-up (≈ 50 ms of Node bootstrap each): the CLI calls it
   * before it loads the API and reads the plan, which then overlap.
   */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Workers started so far (tests, diagnostics). */
  get started(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new SimulationCancelled());
    const slots = this.slots.splice(0);
    for (const s of slots) s.busy?.reject(new SimulationCancelled());
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      // A job cancelled while it waited never reaches a worker.
      if (next.opts.cancel!.cancelled) {
        this.queue.shift();
        next.reject(new SimulationCancelled());
        continue;
      }
      let slot = this.slots.find((s) => s.busy === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.queue.shift();
      slot.busy = next;
      slot.worker.ref();
      slot.worker.postMessage(next.job, next.opts.transfer ?? []);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { name: 'simulation' });
    const slot: Slot = { worker, busy: null };
    worker.on('message', (msg: WorkerReply) => this.onReply(slot, msg));
    // A crashed worker fails the job it had, and is replaced on the next dispatch.
    const fail = (error: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.busy;
      slot.busy = null;
      job?.reject(error);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`A simulation worker stopped unexpectedly (exit code ${code})`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, msg: WorkerReply): void {
    const job = slot.busy;
    if (!job || job.job.id !== msg.id) return;
    if (msg.type === 'progress') {
      job.opts.onProgress?.(msg.done, msg.total);
      return;
    }
    slot.busy = null;
    slot.worker.unref();
    if (msg.type === 'done') job.resolve(msg.value);
    else job.reject(reviveError(msg.error));
    this.dispatch();
  }
}

let shared: SimulationPool | null = null;

/** The process-wide pool (one per app, CLI run or host); `opts` count only on the first call. */
export function sharedPool(opts?: PoolOptions): SimulationPool {
  shared ??= new SimulationPool(opts);
  return shared;
}
