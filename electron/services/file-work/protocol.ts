// Messages between the main thread and a file-work worker (worker.ts). Paths
// are absolute and already decided by the main thread; the worker only reads
// and writes what it is told.
import type { IntegrityResult, StoreOptions } from '../../store';

export type FileJob =
  /** The header and quick_check on a read-only connection (checkPlanFile): the slow part of opening a plan. */
  | { kind: 'check'; path: string; store: StoreOptions }
  /** quick_check on a finished copy, then fsync and rename onto `target` (the end of Save a copy). */
  | { kind: 'commitCopy'; temp: string; target: string; store: StoreOptions }
  /**
   * Parse, validate and write a plan JSON into a new plan file (all or
   * nothing): at `target`, or without one under a free name after the plan in `plansDir`.
   */
  | { kind: 'importJson'; json: string; target?: string; plansDir?: string; overwrite: boolean; store: StoreOptions };

export interface FileJobResults {
  check: IntegrityResult;
  commitCopy: null;
  importJson: { path: string };
}

/** An error flattened for postMessage: ApiErrors keep their code and details. */
export interface FlatError {
  name: string;
  message: string;
  code?: string;
  details?: unknown;
}

export type FileWorkReply = { ok: true; value: unknown } | { ok: false; error: FlatError };
