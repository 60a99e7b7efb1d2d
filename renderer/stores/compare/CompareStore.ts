// Scenarios side by side: two to four of them (the plan as entered is one
// choice, `null`), each simulated with the same seed and trial count, so the
// random draws are common to all and a difference between columns comes
// from the scenario, not from noise. A stored run of the same seed and
// trials that is not stale is reused; the others run one after the other in
// the host's worker pool (progress over the whole batch, Cancel at any
// point). A batch that is cancelled or fails leaves the last complete
// comparison on screen, with a note saying so.
import { action, computed, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import type { StoredRunView } from '../../../shared/api/methods/simulation';
import type { SimulationResult } from '../../../shared/simulation/types';
import type { RendererEvent } from '../../api/events';
import { toApiError, type PlanStore } from '../PlanStore';

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** A compared scenario: its id, or null for the plan as entered. */
export type CompareKey = string | null;

export interface CompareColumn {
  key: CompareKey;
  result: SimulationResult;
  /** Taken from an earlier stored run instead of run again. */
  reused: boolean;
}

export interface Comparison {
  trials: number;
  seed: number;
  /** The plan's revision when the batch started: a later edit may change what the columns would show. */
  revision: number;
  columns: CompareColumn[];
}

export interface BatchProgress {
  /** Which of `count` scenarios is running (0-based). */
  index: number;
  count: number;
  runId: string | null;
  /** Trials done over the whole batch. */
  done: number;
  total: number;
  cancelling: boolean;
}

export type BatchNote = { kind: 'cancelled' } | { kind: 'failed'; message: string } | null;

export class CompareStore {
  picked: CompareKey[] = [null];
  batch: BatchProgress | null = null;
  comparison: Comparison | null = null;
  note: BatchNote = null;
  private cancelRequested = false;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    /** The trials and seed the Simulation screen's fields say (null: not a valid number). */
    private readonly settings: () => { trials: number | null; seed: number | null; invalid: boolean },
  ) {
    makeObservable<CompareStore, 'setProgress'>(this, {
      picked: observable,
      batch: observable,
      comparison: observableRef,
      note: observableRef,
      toggle: action,
      pickOnly: action,
      dismissNote: action,
      setProgress: action,
      handleEvent: action,
      choices: computed,
      canRun: computed,
      stale: computed,
      planChanged: computed,
    });
  }

  /** The plan as entered, then every scenario in plan order. */
  get choices(): CompareKey[] {
    return [null, ...this.plan.collections.scenarios.ids];
  }

  isPicked(key: CompareKey): boolean {
    return this.picked.includes(key);
  }

  /** Adds or removes a scenario; at most four, kept in the order of `choices`. */
  toggle(key: CompareKey): void {
    if (this.isPicked(key)) this.picked = this.picked.filter((k) => k !== key);
    else if (this.picked.length < MAX_COMPARED) this.picked = this.choices.filter((k) => k === key || this.picked.includes(k));
  }

  pickOnly(keys: CompareKey[]): void {
    this.picked = this.choices.filter((k) => keys.includes(k)).slice(0, MAX_COMPARED);
  }

  get canRun(): boolean {
    const n = this.picked.filter((k) => this.choices.includes(k)).length;
    return this.batch === null && n >= MIN_COMPARED && n <= MAX_COMPARED && !this.settings().invalid;
  }

  /** The shown comparison no longer matches the picks (a scenario deleted or picked since). */
  get stale(): boolean {
    const c = this.comparison;
    if (!c) return false;
    return c.columns.length !== this.picked.length || c.columns.some((col, i) => col.key !== this.picked[i]);
  }

  /** The plan was edited since the comparison was run (its runs may be stale now). */
  get planChanged(): boolean {
    return this.comparison !== null && this.comparison.revision !== this.plan.revision;
  }

  dismissNote(): void {
    this.note = null;
  }

  async run(): Promise<void> {
    if (!this.canRun) return;
    const { trials, seed } = this.settings();
    const keys = this.picked.filter((k) => this.choices.includes(k));
    const revision = this.plan.revision;
    this.cancelRequested = false;
    runInAction(() => {
      this.note = null;
      this.batch = { index: 0, count: keys.length, runId: null, done: 0, total: keys.length * trials!, cancelling: false };
    });
    const columns: CompareColumn[] = [];
    try {
      for (const [index, key] of keys.entries()) {
        if (this.cancelRequested) throw new Cancelled();
        this.setProgress({ index, runId: null, done: index * trials! });
        columns.push(await this.one(key, trials!, seed!, index));
      }
      runInAction(() => {
        this.comparison = { trials: trials!, seed: seed!, revision, columns };
        this.batch = null;
      });
    } catch (e) {
      runInAction(() => {
        this.batch = null;
        this.note = e instanceof Cancelled || toApiError(e).code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', message: toApiError(e).message };
      });
    }
  }

  /** Stops the batch: the run in progress is cancelled and the rest never start. */
  async cancel(): Promise<void> {
    const b = this.batch;
    if (!b || b.cancelling) return;
    this.cancelRequested = true;
    runInAction(() => (b.cancelling = true));
    if (b.runId) await this.client.invoke('simulation.cancel', { runId: b.runId }).catch(() => undefined);
  }

  handleEvent(e: RendererEvent): void {
    const b = this.batch;
    if (e.type !== 'simulation-progress' || !b || b.runId !== e.runId) return;
    const per = b.total / b.count;
    b.done = b.index * per + Math.min(e.done, per);
  }

  private setProgress(p: Pick<BatchProgress, 'index' | 'runId' | 'done'>): void {
    if (this.batch) Object.assign(this.batch, p);
  }

  private async one(key: CompareKey, trials: number, seed: number, index: number): Promise<CompareColumn> {
    const latest = await this.client.invoke('simulation.latest', { scenarioId: key });
    if (reusable(latest, trials, seed)) return { key, result: latest!.run.result as SimulationResult, reused: true };
    const { runId } = await this.client.invoke('simulation.run', { trials, seed, scenarioId: key });
    this.setProgress({ index, runId, done: index * trials });
    // Cancel may have been pressed while the run was being started.
    if (this.cancelRequested) await this.client.invoke('simulation.cancel', { runId }).catch(() => undefined);
    const view = await this.client.invoke('simulation.wait', { runId });
    return { key, result: view.run.result as SimulationResult, reused: false };
  }
}

class Cancelled extends Error {}

/** A stored run answers the question when it is fresh and drew the same random numbers. */
export function reusable(view: StoredRunView | null, trials: number, seed: number): boolean {
  return !!view && !view.stale && view.run.mode === 'monte-carlo' && view.run.trials === trials && view.run.seed === seed;
}
