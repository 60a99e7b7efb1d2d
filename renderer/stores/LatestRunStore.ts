// The latest Monte-Carlo run of the plan as entered, for the screens other
// than Simulation: the phase gates judge target checks by it (GateStore), and
// customer detail and Goals show its breakthrough odds: the pursuits and firstContract goals of the latest
// Monte-Carlo run of the plan as entered (no scenario), but only while that
// run still matches the plan — a stale run counts as "not simulated". Loaded
// only while some view watches, again whenever the plan moves or a run ends.
import { computed, makeObservable, observable, observableRef, reaction, runInAction } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import type { BreakthroughGoalResult, PursuitResult } from '../../shared/simulation/types';
import type { RendererEvent } from '../api/events';
import type { PlanStore } from './PlanStore';

/** loading: not asked yet; none: never run (or no plan); stale: the plan changed since; current: odds to show. */
export type RunState = 'loading' | 'none' | 'stale' | 'current';

export class LatestRunStore {
  latest: StoredRunView | null = null;
  loaded = false;
  private watchers = 0;
  private seq = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
  ) {
    makeObservable(this, {
      latest: observableRef,
      loaded: observable,
      state: computed,
      pursuits: computed,
      goals: computed,
    });
    reaction(
      () => [this.plan.revision, this.plan.file?.path],
      () => {
        if (this.watchers > 0) void this.load();
      },
    );
  }

  /** A view showing odds mounted: load (the first one) and keep up to date until the returned function is called. */
  watch(): () => void {
    this.watchers += 1;
    if (this.watchers === 1) void this.load();
    return () => {
      this.watchers -= 1;
    };
  }

  handleEvent(e: RendererEvent): void {
    // A run of another file (the host had it open before) says nothing about this plan.
    if (e.type === 'simulation-finished' && e.outcome === 'completed' && e.path === this.plan.file?.path && this.watchers > 0) void this.load();
  }

  get state(): RunState {
    if (!this.loaded) return 'loading';
    if (!this.latest) return 'none';
    return this.latest.stale ? 'stale' : 'current';
  }

  /** Pursuits of the current run by customer id (empty unless the run is current). */
  get pursuits(): ReadonlyMap<string, PursuitResult> {
    if (this.state !== 'current') return new Map();
    return new Map(this.latest!.run.result.pursuits.map((p) => [p.customerId, p]));
  }

  /** firstContract goals of the current run by goal id (empty unless the run is current). */
  get goals(): ReadonlyMap<string, BreakthroughGoalResult> {
    if (this.state !== 'current') return new Map();
    return new Map(this.latest!.run.result.goals.map((g) => [g.id, g]));
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    let latest: StoredRunView | null = null;
    try {
      latest = await this.client.invoke('simulation.latest', { scenarioId: null });
    } catch {
      // No plan open, or the host is gone: nothing simulated to show (the plan store reports the rest).
    }
    if (seq === this.seq)
      runInAction(() => {
        this.latest = latest;
        this.loaded = true;
      });
  }
}
