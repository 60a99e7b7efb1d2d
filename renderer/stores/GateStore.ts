// Phase-gate review (阶段评审): each phase's exit checks judged by
// shared/plan/gate.ts against the plan and the latest run of the plan as
// entered (no scenario), reloaded whenever the plan moves or a run ends; and
// the writes of the checks and of a phase's focus segments, each one phase
// edit (history, undo) answering a WriteOutcome.
import { computed, makeObservable, observable, observableRef, reaction, runInAction, toJS } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { evaluatePhaseGate, gateRunOf, type GateRun, type PhaseGate } from '../../shared/plan/gate';
import type { ExitCheck, Phase } from '../../shared/plan/types';
import type { RendererEvent } from '../api/events';
import type { PlanningStore } from './PlanningStore';
import type { PlanStore } from './PlanStore';
import type { WriteOutcome } from './refusals';

export class GateStore {
  /** The newest stored run of the plan as entered; null: none (or not loaded yet). */
  latest: StoredRunView | null = null;
  loaded = false;
  /** Screens showing gates right now (the Gate screen, a phase's details). */
  private viewers = 0;
  private loadSeq = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly planning: PlanningStore,
  ) {
    makeObservable(this, {
      latest: observableRef,
      loaded: observable,
      run: computed,
      gates: computed,
    });
    // Any change of the plan may make the run stale (the host says so in `stale`).
    reaction(
      () => [this.plan.revision, this.plan.file?.path],
      () => {
        if (this.viewers > 0) void this.load();
      },
    );
  }

  /** A screen showing gates mounted: load the latest run. Returns the matching close. */
  open(): () => void {
    this.viewers += 1;
    void this.load();
    return () => {
      this.viewers -= 1;
    };
  }

  handleEvent(e: RendererEvent): void {
    if (e.type === 'simulation-finished' && e.outcome === 'completed' && this.viewers > 0) void this.load();
  }

  /** What the gates measure target checks against; null: no run of the plan as entered. */
  get run(): GateRun | null {
    const view = this.latest;
    if (!view) return null;
    return gateRunOf(view.stale, view.run.result.phases);
  }

  /** Each phase's gate, by phase id. */
  get gates(): Map<string, PhaseGate> {
    const c = this.plan.collections;
    const data = { customers: c.customers.list, goals: c.goals.list, targets: c.targets.list };
    const run = this.run;
    return new Map(c.phases.list.map((p) => [p.id, evaluatePhaseGate(p, data, run)]));
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    try {
      const view = await this.client.invoke('simulation.latest', { scenarioId: null });
      if (seq === this.loadSeq)
        runInAction(() => {
          this.latest = view;
          this.loaded = true;
        });
    } catch {
      // No plan open, or the host is gone: the plan store shows that; gates read "not simulated".
      if (seq === this.loadSeq) runInAction(() => (this.loaded = true));
    }
  }

  // ---- writes: one phase edit each ----

  addCheck(phase: Phase, check: ExitCheck): Promise<WriteOutcome> {
    return this.planning.updatePhase(phase, { exitChecks: [...checksOf(phase), check] });
  }

  replaceCheck(phase: Phase, index: number, check: ExitCheck): Promise<WriteOutcome> {
    return this.planning.updatePhase(phase, { exitChecks: checksOf(phase).map((c, i) => (i === index ? check : c)) });
  }

  removeCheck(phase: Phase, index: number): Promise<WriteOutcome> {
    return this.planning.updatePhase(phase, { exitChecks: checksOf(phase).filter((_, i) => i !== index) });
  }

  setFocusSegments(phase: Phase, segmentIds: string[]): Promise<WriteOutcome> {
    return this.planning.updatePhase(phase, { focusSegmentIds: segmentIds });
  }
}

function checksOf(phase: Phase): ExitCheck[] {
  return toJS(phase.exitChecks ?? []);
}
