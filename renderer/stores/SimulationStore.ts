// The Simulation screen's state: which scenario, trials and seed; the run in
// progress (progress from host events, cancel); the last stored result of
// the chosen scenario with its staleness, refreshed whenever the plan moves;
// and the what-if, reverse-funnel and sensitivity panels (stores/simulation/).
// Runs happen in the host's worker pool: this store only asks and listens.
import { action, computed, makeObservable, observable, observableRef, reaction, runInAction } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { ApiError } from '../../shared/api/result';
import type { SeriesMetric } from '../../shared/plan/types';
import type { RendererEvent } from '../api/events';
import { toApiError, type PlanStore } from './PlanStore';
import { CompareStore } from './compare/CompareStore';
import { AnalysesStore } from './simulation/AnalysesStore';
import { WhatIfStore } from './simulation/WhatIfStore';
import type { UiStore } from './UiStore';

export interface RunProgress {
  runId: string;
  done: number;
  total: number;
  cancelling: boolean;
}

type Finished = RendererEvent & { type: 'simulation-finished' };

export class SimulationStore {
  /** null: the plan as entered. */
  scenarioId: string | null = null;
  /** What the user typed; empty means the plan's setting. */
  trialsText = '';
  seedText = '';
  metric: SeriesMetric = 'bookings';
  running: RunProgress | null = null;
  last: StoredRunView | null = null;
  lastLoaded = false;
  error: ApiError | null = null;
  /** Set when the last run was cancelled (a short notice on the screen). */
  cancelledNotice = false;
  readonly whatIf: WhatIfStore;
  readonly analyses: AnalysesStore;
  /** Scenarios side by side (same seed and trials as the fields above). */
  readonly compare: CompareStore;
  private opened = false;
  private loadSeq = 0;
  /** Ends that arrived before the answer carrying their run id (HTTP answer and event stream race). */
  private readonly earlyEnds = new Map<string, Finished>();

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    this.whatIf = new WhatIfStore(client, () => this.scenarioId);
    this.analyses = new AnalysesStore(client, () => this.scenarioId);
    this.compare = new CompareStore(client, plan, () => ({ trials: this.trials, seed: this.seed, invalid: this.inputError !== null }));
    makeObservable<SimulationStore, 'applyEnd'>(this, {
      scenarioId: observable,
      trialsText: observable,
      seedText: observable,
      metric: observable,
      running: observable,
      last: observableRef,
      lastLoaded: observable,
      error: observableRef,
      cancelledNotice: observable,
      setScenario: action,
      setTrialsText: action,
      setSeedText: action,
      setMetric: action,
      dismissError: action,
      handleEvent: action,
      applyEnd: action,
      trials: computed,
      seed: computed,
      inputError: computed,
    });
    // Any change of the plan (here, in another window, from the CLI) may make the shown result stale.
    reaction(
      () => [this.plan.revision, this.plan.file?.path],
      () => {
        if (!this.opened) return;
        void this.loadLast();
        this.whatIf.refresh();
      },
    );
  }

  /** The screen opened: show the last result and pick up a run still going (e.g. after a reload). */
  async open(): Promise<void> {
    this.opened = true;
    this.whatIf.refresh();
    await Promise.all([this.loadLast(), this.resumeActive()]);
  }

  close(): void {
    this.opened = false;
  }

  get trials(): number | null {
    const t = this.trialsText.trim();
    if (t === '') return this.plan.settings?.trials ?? null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }

  get seed(): number | null {
    const t = this.seedText.trim();
    if (t === '') return this.plan.settings?.seed ?? null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }

  /** Why the fields cannot be run, checked as the engine would (100…1,000,000 trials, uint32 seed). */
  get inputError(): 'trials' | 'seed' | null {
    const t = this.trials;
    if (t === null || !Number.isInteger(t) || t < 100 || t > 1_000_000) return 'trials';
    const s = this.seed;
    if (s === null || !Number.isInteger(s) || s < 0 || s > 0xffffffff) return 'seed';
    return null;
  }

  setScenario(id: string | null): void {
    this.scenarioId = id;
    this.last = null;
    this.lastLoaded = false;
    void this.loadLast();
    this.whatIf.refresh();
  }

  setTrialsText(v: string): void {
    this.trialsText = v;
  }

  setSeedText(v: string): void {
    this.seedText = v;
  }

  setMetric(m: SeriesMetric): void {
    this.metric = m;
  }

  dismissError(): void {
    this.error = null;
  }

  async run(): Promise<void> {
    if (this.running || this.inputError) return;
    runInAction(() => {
      this.error = null;
      this.cancelledNotice = false;
    });
    try {
      const { runId } = await this.client.invoke('simulation.run', {
        trials: this.trials!,
        seed: this.seed!,
        scenarioId: this.scenarioId,
      });
      runInAction(() => (this.running = { runId, done: 0, total: this.trials!, cancelling: false }));
      const early = this.earlyEnds.get(runId);
      if (early) this.applyEnd(early);
    } catch (e) {
      runInAction(() => (this.error = toApiError(e)));
    }
  }

  async cancel(): Promise<void> {
    const r = this.running;
    if (!r || r.cancelling) return;
    runInAction(() => (r.cancelling = true));
    try {
      await this.client.invoke('simulation.cancel', { runId: r.runId });
    } catch (e) {
      this.ui.showError(toApiError(e));
    }
  }

  handleEvent(e: RendererEvent): void {
    this.compare.handleEvent(e);
    switch (e.type) {
      case 'simulation-progress':
        if (this.running?.runId === e.runId) {
          this.running.done = e.done;
          this.running.total = e.total;
        }
        return;
      case 'simulation-finished':
        if (this.running?.runId === e.runId) this.applyEnd(e);
        else this.rememberEarly(e);
        return;
      case 'reconnected':
        if (this.opened) void this.resumeActive();
        return;
      case 'plan-changed':
      case 'file-opened':
        return; // seen through the plan store's revision (the reaction above)
      case 'export-progress':
      case 'export-finished':
        return; // the Export screen's
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private rememberEarly(e: Finished): void {
    this.earlyEnds.set(e.runId, e);
    if (this.earlyEnds.size > 20) this.earlyEnds.delete(this.earlyEnds.keys().next().value!);
  }

  private applyEnd(e: Finished): void {
    this.earlyEnds.delete(e.runId);
    this.running = null;
    if (e.outcome === 'completed') void this.loadLast();
    else if (e.outcome === 'cancelled') this.cancelledNotice = true;
    else this.error = new ApiError('internal', e.message ?? '');
  }

  private async resumeActive(): Promise<void> {
    try {
      const active = await this.client.invoke('simulation.active', {});
      const mine = active.find((a) => a.mode === 'monte-carlo');
      runInAction(() => {
        if (mine && !this.running) this.running = { runId: mine.runId, done: mine.done, total: mine.total, cancelling: false };
        if (!mine && this.running) this.running = null;
      });
    } catch {
      // No plan open, or the host is gone: the plan store shows that.
    }
  }

  async loadLast(): Promise<void> {
    const seq = ++this.loadSeq;
    try {
      const view = await this.client.invoke('simulation.latest', { scenarioId: this.scenarioId });
      if (seq === this.loadSeq)
        runInAction(() => {
          this.last = view;
          this.lastLoaded = true;
        });
    } catch (e) {
      if (seq === this.loadSeq) runInAction(() => (this.error = toApiError(e)));
    }
  }
}
