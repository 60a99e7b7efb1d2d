// The Goals & targets screen's writes: save (create or edit) and delete a
// goal, set its status, set or clear one target cell. Each answers a
// WriteOutcome (./refusals.ts): null when stored, else the refusal in words.
import type { GoalStatus } from '../../shared/api/methods/team';
import type { Goal, Phase, TargetMetric } from '../../shared/plan/types';
import { uniqueId } from './planning/coverage';
import { scopeKey, scopeOf, type TargetScope } from './planning/values';
import type { PlanningStore } from './PlanningStore';
import { cellKey } from './PlanningStore';
import type { PlanStore } from './PlanStore';
import { attempt, attemptNamed, explainError, type WriteOutcome } from './refusals';
import type { UiStore } from './UiStore';

export class GoalsStore {
  constructor(
    private readonly plan: PlanStore,
    private readonly planning: PlanningStore,
    private readonly ui: UiStore,
  ) {}

  /** An id for a new goal: g01, g02, … */
  newGoalId(): string {
    const goals = this.plan.collections.goals;
    return uniqueId(`g${String(goals.size + 1).padStart(2, '0')}`, (x) => goals.get(x) !== undefined);
  }

  /** Creates `value` (no `existingId`) or replaces the goal `existingId`, then its status. */
  /** Saves a goal with its status (a field of the goal since plan-format v2): one edit. */
  saveGoal(existingId: string | null, value: Goal): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, value.title, async () => {
      if (existingId) await this.plan.update('goals', existingId, value);
      else await this.plan.create('goals', value);
    });
  }

  setGoalStatus(goal: Goal, status: GoalStatus): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, goal.title, () => this.planning.setGoalStatus(goal.id, status));
  }

  deleteGoal(goal: Goal): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, goal.title, () => this.plan.remove('goals', goal.id));
  }

  /** Sets the target of `metric` in `phase` (`value` null: removes it). The
   * refusal names the cell: "Bookings in Entry: …". */
  setTarget(
    metric: TargetMetric,
    phase: Phase,
    value: number | null,
    ownerId: string | null,
    scope?: TargetScope,
  ): Promise<WriteOutcome> {
    const tr = this.ui.tr;
    const parts = { metric: tr.t(`metric.${metric}`), phase: phase.name };
    const where = tr.t('planning.targets.cell', parts);
    const existing = this.planning.targetCells.get(cellKey(phase.id, metric))?.[0];
    return attempt(
      tr,
      async () => {
        if (value === null) {
          if (existing) await this.plan.remove('targets', existing.id);
        } else if (existing) {
          // `scope` undefined keeps the stored scope; null makes the target count every funnel.
          const next = scope === undefined ? scopeOf(existing) : scope;
          if (existing.value !== value || existing.ownerId !== ownerId || scopeKey(next) !== scopeKey(scopeOf(existing))) {
            const { funnelId: _f, segmentId: _s, ...rest } = existing;
            await this.plan.update('targets', existing.id, { ...rest, value, ownerId, ...next });
          }
        } else {
          const targets = this.plan.collections.targets;
          const id = uniqueId(`t-${phase.id}-${metric}`, (x) => targets.get(x) !== undefined);
          await this.plan.create('targets', { id, phaseId: phase.id, metric, value, ownerId, ...(scope ?? {}) });
        }
      },
      (e) => tr.t('planning.targets.refused', { ...parts, reason: explainError(e, tr, where) }),
    );
  }
}
