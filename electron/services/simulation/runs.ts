// Simulation runs of one session: start (checked before any work, answered
// with a run id at once), progress events, cancellation, storing the result
// in the plan file that was open when the run started, and reading stored
// runs back with a staleness flag. Monte Carlo runs in the worker pool
// (the CLI runs small ones inline: SessionOptions.inlineTrials);
// expected-value mode (a few milliseconds) runs inline.
import { randomUUID } from 'node:crypto';
import type { ActiveRun, SimulationMode, StoredRunView } from '../../../shared/api/methods/simulation';
import { ApiError } from '../../../shared/api/result';
import { expectedValue, FINGERPRINT_PREFIX, inputsFingerprint, isCurrentResult, simulate, SimulationCancelled, validateSimulationInput } from '../../../shared/simulation';
import type { ExpectedResult, SimulationResult } from '../../../shared/simulation';
import type { PlanFile } from '../../store';
import { insertRun, latestRun, readRun, type RunRecord } from '../../store/simulation-runs';
import { asPlan, planOf, type SharedPlan } from '../plan-cache';
import type { PlannerSession } from '../session';
import { toApiError } from './errors';
import { simulateInPool } from './parallel';
import { CancelFlag, sharedPool, type SimulationPool } from './pool';
import { trace } from '../trace';

/** Progress events at most this often per run (plus the last one): a 1,000,000-trial run has 4,000 chunks. */
const PROGRESS_INTERVAL_MS = 100;

export interface RunRequest {
  trials?: number;
  seed?: number;
  scenarioId?: string | null;
  expected?: boolean;
}

interface RunState {
  runId: string;
  mode: SimulationMode;
  scenarioId: string | null;
  file: PlanFile;
  cancel: CancelFlag;
  done: number;
  total: number;
}

interface Active extends RunState {
  /** Settles when the run ends: the stored run, or an ApiError (cancelled, failed). */
  finished: Promise<StoredRunView>;
}

const fingerprints = new WeakMap<SharedPlan, Map<string, string>>();

/**
 * The plan's inputs fingerprint, computed once per kept plan and scenario:
 * every stored-run view (simulation.latest, simulation.result) asks for it.
 * inputsFingerprint ("v2-") digests each customer alone, kept per customer
 * object (the kept plan's customers are never changed in place), so after an
 * edit only the changed customers are hashed again.
 */
export function fingerprintOf(plan: SharedPlan, scenarioId: string | null): string {
  let byScenario = fingerprints.get(plan);
  if (!byScenario) fingerprints.set(plan, (byScenario = new Map()));
  const key = JSON.stringify(scenarioId);
  let fingerprint = byScenario.get(key);
  if (fingerprint === undefined) {
    fingerprint = inputsFingerprint(asPlan(plan), scenarioId, { sharedCustomers: true });
    byScenario.set(key, fingerprint);
  }
  return fingerprint;
}

/**
 * Whether the plan's inputs differ from those a stored run was fingerprinted
 * with. A fingerprint without "v2-" was stored by engine version 3 or older,
 * whose draws differ from today's: stale whatever the plan.
 */
function isStale(plan: SharedPlan, record: RunRecord): boolean {
  return !record.fingerprint.startsWith(FINGERPRINT_PREFIX) || fingerprintOf(plan, record.scenarioId) !== record.fingerprint;
}

function withoutFingerprint({ fingerprint: _omit, ...run }: RunRecord): StoredRunView['run'] {
  return run;
}

export class SimulationRuns {
  private readonly active = new Map<string, Active>();

  constructor(
    private readonly session: PlannerSession,
    /** Also used by the session's reverse-funnel and sensitivity calls. */
    readonly pool: SimulationPool,
  ) {
    // Runs belong to the file they started on: opening another file stops them.
    session.subscribe((e) => {
      if (e.type !== 'file-opened') return;
      for (const run of this.active.values()) if (run.file !== session.file) run.cancel.cancel();
    });
  }

  start(req: RunRequest): { runId: string } {
    const file = this.session.requireFile();
    const shared = planOf(file).plan;
    const plan = asPlan(shared);
    const scenarioId = req.scenarioId ?? null;
    const runId = randomUUID();
    if (req.expected) return this.startExpected(runId, file, shared, scenarioId);
    const opts = {
      scenarioId,
      ...(req.trials !== undefined ? { trials: req.trials } : {}),
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
    };
    try {
      validateSimulationInput(plan, opts);
    } catch (e) {
      throw toApiError(e);
    }
    const total = opts.trials ?? plan.plan.trials;
    const cancel = new CancelFlag();
    let lastEmit = 0;
    const state: RunState = { runId, mode: 'monte-carlo', scenarioId, file, cancel, done: 0, total };
    const onProgress = (done: number) => {
      state.done = done;
      const now = performance.now();
      if (done < total && now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      this.session.emit({ type: 'simulation-progress', runId, done, total });
    };
    const inline = total <= (this.session.options.inlineTrials ?? 0);
    const result = inline
      ? // After the answer with the run id, like a pool run; same result (determinism across worker counts).
        new Promise<void>((resolve) => setImmediate(resolve)).then(() => simulate(plan, { ...opts, hooks: { onProgress } }))
      : simulateInPool(this.pool, plan, opts, { cancel, onProgress });
    // Once the workers have their chunks: on a plan read afresh this takes ≈ 0.3 s on 50,000 customers.
    let fingerprint: string;
    try {
      fingerprint = fingerprintOf(shared, scenarioId);
    } catch (e) {
      cancel.cancel();
      result.catch(() => {});
      throw e;
    }
    const finished = result.then(
      (result) => this.complete(state, fingerprint, result),
      (e: unknown) => this.fail(state, e),
    );
    finished.catch(() => {}); // for waiters; nobody has to wait
    const run: Active = Object.assign(state, { finished });
    this.active.set(runId, run);
    // After the answer with the run id has gone out: the first bar of progress.
    setImmediate(() => this.active.has(runId) && this.session.emit({ type: 'simulation-progress', runId, done: run.done, total }));
    return { runId };
  }

  /** Expected-value mode takes milliseconds: computed now, stored now, announced after the answer. */
  private startExpected(runId: string, file: PlanFile, plan: SharedPlan, scenarioId: string | null): { runId: string } {
    let result: ExpectedResult;
    try {
      result = expectedValue(asPlan(plan), { scenarioId, sharedCustomers: true });
    } catch (e) {
      throw toApiError(e);
    }
    const state: RunState = { runId, mode: 'expected', scenarioId, file, cancel: new CancelFlag(), done: 0, total: 0 };
    this.complete(state, fingerprintOf(plan, scenarioId), result, true);
    setImmediate(() => this.session.emit({ type: 'simulation-finished', runId, outcome: 'completed', path: file.path }));
    return { runId };
  }

  private complete(run: RunState, fingerprint: string, result: SimulationResult | ExpectedResult, quiet = false): StoredRunView {
    this.active.delete(run.runId);
    const { file } = run;
    // Cancelled after the last chunk (while merging): the caller was told it stopped, so nothing is stored.
    if (run.cancel.cancelled) return this.fail(run, new SimulationCancelled());
    if (!file.db.open || this.session.file !== file) {
      const message = 'The plan was closed before the simulation finished; nothing was stored';
      this.session.emit({ type: 'simulation-finished', runId: run.runId, outcome: 'cancelled', path: file.path, message });
      throw new ApiError('cancelled', message);
    }
    const record: RunRecord = {
      id: run.runId,
      createdAt: new Date().toISOString(),
      actor: this.session.options.actor,
      mode: run.mode,
      scenarioId: run.scenarioId,
      seed: result.seed,
      trials: result.trials,
      elapsedMs: result.elapsedMs,
      fingerprint,
      result,
    };
    trace('storing');
    try {
      insertRun(file.db, record);
    } catch (e) {
      this.fail(run, e);
    }
    if (!quiet) this.session.emit({ type: 'simulation-finished', runId: run.runId, outcome: 'completed', path: file.path });
    return { run: withoutFingerprint(record), stale: false };
  }

  private fail(run: RunState, e: unknown): never {
    this.active.delete(run.runId);
    const error = toApiError(e);
    const cancelled = error instanceof ApiError && error.code === 'cancelled';
    const message = error instanceof Error ? error.message : String(error);
    this.session.emit({ type: 'simulation-finished', runId: run.runId, outcome: cancelled ? 'cancelled' : 'failed', path: run.file.path, message });
    throw error instanceof ApiError ? error : new ApiError('internal', `The simulation failed: ${message}`);
  }

  cancel(runId: string): { cancelled: boolean } {
    const run = this.active.get(runId);
    if (!run || run.cancel.cancelled) return { cancelled: false };
    run.cancel.cancel();
    return { cancelled: true };
  }

  async wait(runId: string): Promise<StoredRunView> {
    const run = this.active.get(runId);
    if (run) return run.finished;
    const stored = this.result(runId);
    if (!stored) throw new ApiError('not_found', `There is no simulation run "${runId}" in progress or stored in this plan`, { runId });
    return stored;
  }

  activeRuns(): ActiveRun[] {
    return [...this.active.values()]
      .filter((r) => r.file === this.session.file && !r.cancel.cancelled)
      .map(({ runId, mode, scenarioId, done, total }) => ({ runId, mode, scenarioId, done, total }));
  }

  result(runId: string): StoredRunView | null {
    const db = this.session.requireFile().db;
    return this.view(readRun(db, runId));
  }

  latest(scenarioId: string | null, mode: SimulationMode): StoredRunView | null {
    const db = this.session.requireFile().db;
    return this.view(latestRun(db, scenarioId, mode));
  }

  private view(record: RunRecord | null): StoredRunView | null {
    // A result of an older shape (before KPIs per scope) is not shown as if it
    // were one of today's: the plan counts as not simulated until it runs again.
    if (!record || !isCurrentResult(record.result)) return null;
    const plan = planOf(this.session.requireFile()).plan;
    return { run: withoutFingerprint(record), stale: isStale(plan, record) };
  }
}

const bySession = new WeakMap<PlannerSession, SimulationRuns>();

/** The runs of a session, over the process-wide worker pool unless one was attached. */
export function simulationRuns(session: PlannerSession): SimulationRuns {
  let runs = bySession.get(session);
  if (!runs) {
    runs = new SimulationRuns(session, sharedPool());
    bySession.set(session, runs);
  }
  return runs;
}

/** Uses `pool` for this session's runs (tests, benchmarks: a chosen number of workers). */
export function attachSimulationPool(session: PlannerSession, pool: SimulationPool): SimulationRuns {
  const runs = new SimulationRuns(session, pool);
  bySession.set(session, runs);
  return runs;
}
