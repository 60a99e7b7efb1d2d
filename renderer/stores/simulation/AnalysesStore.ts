// The two analyses that take seconds in the host's worker pool: the reverse
// funnel (leads a target needs) and sensitivity (the tornado). Each keeps its
// own choices, its last answer and whether it is being computed.
import { action, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../../shared/api/client';
import type { TargetMetric } from '../../../shared/plan/types';
import type { ReverseResult, SensitivityResult } from '../../../shared/simulation/types';
import { toApiError } from '../PlanStore';

/** Trials per evaluation on screen: common random numbers make a few hundred enough to rank inputs and bracket a multiplier. */
export const ANALYSIS_TRIALS = { requiredLeads: 1000, sensitivity: 400 } as const;

export class AnalysesStore {
  targetId: string | null = null;
  probability = 0.8;
  reverse: ReverseResult | null = null;
  reverseBusy = false;
  reverseError: string | null = null;

  sensitivityMetric: TargetMetric = 'bookings';
  /** null: the whole horizon. */
  sensitivityPhaseId: string | null = null;
  sensitivity: SensitivityResult | null = null;
  sensitivityBusy = false;
  sensitivityError: string | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly scenarioId: () => string | null,
  ) {
    makeObservable(this, {
      targetId: observable,
      probability: observable,
      reverse: observableRef,
      reverseBusy: observable,
      reverseError: observable,
      sensitivityMetric: observable,
      sensitivityPhaseId: observable,
      sensitivity: observableRef,
      sensitivityBusy: observable,
      sensitivityError: observable,
      setTarget: action,
      setProbability: action,
      setSensitivityMetric: action,
      setSensitivityPhase: action,
    });
  }

  setTarget(id: string | null): void {
    this.targetId = id;
    this.reverse = null;
  }

  setProbability(q: number): void {
    this.probability = q;
    this.reverse = null;
  }

  setSensitivityMetric(m: TargetMetric): void {
    this.sensitivityMetric = m;
    this.sensitivity = null;
  }

  setSensitivityPhase(id: string | null): void {
    this.sensitivityPhaseId = id;
    this.sensitivity = null;
  }

  async computeRequiredLeads(): Promise<void> {
    const targetId = this.targetId;
    if (!targetId || this.reverseBusy) return;
    runInAction(() => {
      this.reverseBusy = true;
      this.reverseError = null;
    });
    try {
      const r = await this.client.invoke('simulation.requiredLeads', {
        targetId,
        probability: this.probability,
        trials: ANALYSIS_TRIALS.requiredLeads,
        scenarioId: this.scenarioId(),
      });
      runInAction(() => (this.reverse = r));
    } catch (e) {
      runInAction(() => (this.reverseError = toApiError(e).message));
    } finally {
      runInAction(() => (this.reverseBusy = false));
    }
  }

  async computeSensitivity(): Promise<void> {
    if (this.sensitivityBusy) return;
    runInAction(() => {
      this.sensitivityBusy = true;
      this.sensitivityError = null;
    });
    try {
      const r = await this.client.invoke('simulation.sensitivity', {
        metric: this.sensitivityMetric,
        phaseId: this.sensitivityPhaseId,
        trials: ANALYSIS_TRIALS.sensitivity,
        scenarioId: this.scenarioId(),
      });
      runInAction(() => (this.sensitivity = r));
    } catch (e) {
      runInAction(() => (this.sensitivityError = toApiError(e).message));
    } finally {
      runInAction(() => (this.sensitivityBusy = false));
    }
  }
}
