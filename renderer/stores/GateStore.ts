// Phase-gate review (阶段评审): each phase's exit checks judged by
// shared/plan/gate.ts against the plan and the latest run of the plan as
// entered (no scenario; LatestRunStore loads and follows it); and
// the writes of the checks and of a phase's focus segments, each one phase
// edit (history, undo) answering a WriteOutcome.
import { computed, makeObservable, toJS } from 'mobx';
import { evaluatePhaseGate, gateRunOf, type GateRun, type PhaseGate } from '../../shared/plan/gate';
import type { ExitCheck, Phase } from '../../shared/plan/types';
import type { LatestRunStore } from './LatestRunStore';
import type { PlanningStore } from './PlanningStore';
import type { PlanStore } from './PlanStore';
import type { WriteOutcome } from './refusals';

export class GateStore {
  constructor(
    /** Owns the latest run of the plan as entered: loading it, following the plan and finished runs. */
    readonly latestRun: LatestRunStore,
    private readonly plan: PlanStore,
    private readonly planning: PlanningStore,
  ) {
    makeObservable(this, { run: computed, gates: computed });
  }

  /** A screen showing gates mounted: follow the latest run. Returns the matching close. */
  open(): () => void {
    return this.latestRun.watch();
  }

  /** What the gates measure target checks against; null: no run of the plan as entered. */
  get run(): GateRun | null {
    const view = this.latestRun.latest;
    if (!view) return null;
    return gateRunOf(view.stale, view.run.result.phases);
  }

  /** Each phase's gate, by phase id. */
  get gates(): Map<string, PhaseGate> {
    const c = this.plan.collections;
    const data = { customers: c.customers.plainList, goals: c.goals.list, targets: c.targets.list };
    const run = this.run;
    return new Map(c.phases.list.map((p) => [p.id, evaluatePhaseGate(p, data, run)]));
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
