// The planning screens' state (Phases, People, Goals & targets): computed
// views over PlanStore (phase coverage, team load, goals by phase, the target
// grid, person limits and goal statuses — plan fields since plan-format v2),
// and the writes whose meaning spans several entities (adding a phase in the
// next free months, swapping two phases in time).
import { action, computed, makeObservable, observable, observableRef, runInAction, toJS } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import { DEFAULT_GOAL_STATUS, type GoalStatus, type TeamData } from '../../shared/api/methods/team';
import type { Person } from '../../shared/plan/types';
import type { ApiError } from '../../shared/api/result';
import type { Customer, Goal, Phase, PhaseStage, Target, TargetMetric } from '../../shared/plan/types';
import {
  computeCoverage,
  newPhaseSlot,
  phaseProblem,
  phasesByDate,
  swapWithNeighbour,
  uniqueId,
  type Coverage,
  type PhaseProblem,
} from './planning/coverage';
import { computeTeamLoad, type PersonLoad } from './planning/load';
import type { PlanStore } from './PlanStore';
import { explainPhaseProblem } from './planning/explain';
import { toApiError } from './PlanStore';
import { attemptNamed, explainError, type WriteOutcome } from './refusals';
import type { UiStore } from './UiStore';

export interface PhaseDraft {
  id: string;
  start: string;
  end: string;
}

/** The last refused edit of a phase: what the store said, and the cause the
 * screen can name itself (kept raw so a language switch re-explains it). */
export interface PhaseRefusal {
  phaseId: string;
  error: ApiError;
  problem: PhaseProblem | null;
}

export interface GoalGroup {
  phase: Phase;
  goals: Goal[];
}

/** A phase as plain data: one spread from an observable phase still holds its
 * observable exit-criteria array, which Electron's IPC cannot clone; and an
 * optional field set to undefined is left out, as the format wants. */
function plainPhase(p: Phase): Phase {
  return JSON.parse(JSON.stringify(p)) as Phase;
}

export function cellKey(phaseId: string, metric: TargetMetric): string {
  return `${phaseId}\u0000${metric}`;
}

export class PlanningStore {
  /** A phase being resized by dragging: its proposed months, not yet saved. */
  draft: PhaseDraft | null = null;
  /** The phase whose details the Phases screen shows. */
  selectedPhaseId: string | null = null;
  /** The phase the Goals & targets screen scrolls to when opened from a phase. */
  goalsPhaseId: string | null = null;
  phaseRefusal: PhaseRefusal | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, {
      teamData: computed,
      draft: observableRef,
      selectedPhaseId: observable,
      goalsPhaseId: observable,
      phaseRefusal: observableRef,
      setPhaseRefusal: action,
      setDraft: action,
      selectPhase: action,
      showGoalsOf: action,
      phasesByDate: computed,
      coverage: computed,
      storedCoverage: computed,
      teamLoad: computed,
      goalGroups: computed,
      targetCells: computed,
      customersByBreakthroughPhase: computed,
      phaseRefusalText: computed,
    });
  }

  // ---- computed views ----

  get phasesByDate(): Phase[] {
    return phasesByDate(this.plan.collections.phases.list);
  }

  /** What is stored: gaps and overlaps as the plan has them. */
  get storedCoverage(): Coverage {
    const s = this.plan.settings;
    return computeCoverage(s ?? { startMonth: '2000-01', horizonMonths: 0 }, this.plan.collections.phases.list);
  }

  /** What the roadmap draws: the stored phases with a drag in progress applied. */
  get coverage(): Coverage {
    const draft = this.draft;
    if (!draft || !this.plan.settings) return this.storedCoverage;
    const phases = this.plan.collections.phases.list.map((p) => (p.id === draft.id ? { ...p, start: draft.start, end: draft.end } : p));
    return computeCoverage(this.plan.settings, phases);
  }

  /** Person limits other than the role default and goal statuses other than notStarted, by id. */
  get teamData(): TeamData {
    const c = this.plan.collections;
    const customerLimits: Record<string, number> = {};
    for (const p of c.people.list) if (p.customerLimit !== undefined) customerLimits[p.id] = p.customerLimit;
    const goalStatuses: Record<string, GoalStatus> = {};
    for (const g of c.goals.list) if (g.status && g.status !== DEFAULT_GOAL_STATUS) goalStatuses[g.id] = g.status;
    return { customerLimits, goalStatuses };
  }

  get teamLoad(): PersonLoad[] {
    const c = this.plan.collections;
    return computeTeamLoad(c.people.list, c.customers.plainList, c.goals.list, c.targets.list, this.teamData.customerLimits, c.funnels.list);
  }

  get goalGroups(): GoalGroup[] {
    const byPhase = new Map<string, Goal[]>();
    for (const g of this.plan.collections.goals.list) {
      const list = byPhase.get(g.phaseId);
      if (list) list.push(g);
      else byPhase.set(g.phaseId, [g]);
    }
    return this.phasesByDate.map((phase) => ({ phase, goals: byPhase.get(phase.id) ?? [] }));
  }

  /** Targets by phase × metric; a cell normally holds one. */
  get targetCells(): Map<string, Target[]> {
    const out = new Map<string, Target[]>();
    for (const t of this.plan.collections.targets.list) {
      const key = cellKey(t.phaseId, t.metric);
      const list = out.get(key);
      if (list) list.push(t);
      else out.set(key, [t]);
    }
    return out;
  }

  get customersByBreakthroughPhase(): Map<string, Customer[]> {
    const out = new Map<string, Customer[]>();
    for (const c of this.plan.collections.customers.plainList) {
      if (!c.breakthroughPhaseId) continue;
      const list = out.get(c.breakthroughPhaseId);
      if (list) list.push(c);
      else out.set(c.breakthroughPhaseId, [c]);
    }
    return out;
  }

  goalStatus(goalId: string): GoalStatus {
    return this.plan.collections.goals.get(goalId)?.status ?? DEFAULT_GOAL_STATUS;
  }

  /** Customers `personId` owns in any role (for "show their customers"). */
  customersOwnedBy(personId: string): Customer[] {
    return this.plan.collections.customers.plainList.filter(
      (c) => c.owners.AR === personId || c.owners.SR === personId || c.owners.FR === personId,
    );
  }

  // ---- view state ----

  setDraft(draft: PhaseDraft | null): void {
    this.draft = draft;
  }

  selectPhase(id: string | null): void {
    this.selectedPhaseId = id;
  }

  showGoalsOf(phaseId: string | null): void {
    this.goalsPhaseId = phaseId;
  }

  setPhaseRefusal(refusal: PhaseRefusal | null): void {
    this.phaseRefusal = refusal;
  }

  /** The last refused phase edit in words (re-worded when the language changes). */
  get phaseRefusalText(): string | null {
    const r = this.phaseRefusal;
    if (!r) return null;
    const tr = this.ui.tr;
    if (r.problem) return explainPhaseProblem(r.problem, tr);
    return explainError(r.error, tr, this.plan.collections.phases.get(r.phaseId)?.name ?? '');
  }

  // ---- person limits and goal statuses (ordinary edits: history, undo) ----

  /** `null`: back to the role default. Throws the refusal: screens write
   * through PeopleStore / GoalsStore, which answer a WriteOutcome. */
  async setCustomerLimit(personId: string, limit: number | null): Promise<void> {
    const person = this.plan.collections.people.get(personId);
    if (!person) return;
    const { customerLimit: _old, ...rest } = toJS(person);
    const value: Person = limit === null ? rest : { ...rest, customerLimit: limit };
    await this.plan.update('people', personId, value);
  }

  async setGoalStatus(goalId: string, status: GoalStatus): Promise<void> {
    const goal = this.plan.collections.goals.get(goalId);
    if (goal) await this.plan.update('goals', goalId, { ...toJS(goal), status });
  }

  // ---- phase writes ----

  /** Saves a phase edit from the table or roadmap, or records why it was
   * refused (shown by the coverage notes; the stored phase stays shown). */
  async tryUpdatePhase(id: string, value: Phase): Promise<boolean> {
    const settings = this.plan.settings;
    const problem = settings ? phaseProblem(settings, this.plan.collections.phases.list, value, id) : null;
    try {
      await this.savePhase(id, value);
      if (this.phaseRefusal?.phaseId === id) this.setPhaseRefusal(null);
      return true;
    } catch (e) {
      this.setPhaseRefusal({ phaseId: id, error: toApiError(e), problem });
      return false;
    }
  }

  /** Saves a change of one phase's fields (name, intent, exit criteria). */
  updatePhase(phase: Phase, patch: Partial<Phase>): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, phase.name, () => this.savePhase(phase.id, { ...phase, ...patch }));
  }

  /** Saves a phase and keeps the plan's phase order equal to the date order. */
  private async savePhase(id: string, value: Phase): Promise<void> {
    await this.plan.update('phases', id, plainPhase(value));
    await this.syncPhaseOrder();
  }

  /** Adds a phase named after its stage in the next free months; the
   * refusal, or "no room" when the horizon is full. */
  async addNextPhase(): Promise<WriteOutcome> {
    const tr = this.ui.tr;
    let created: Phase | null = null;
    const refusal = await attemptNamed(tr, '', async () => {
      created = await this.addPhase((stage) => tr.t(`stage.${stage}`));
    });
    return refusal ?? (created ? null : tr.t('planning.phase.noRoom'));
  }

  /** A new phase in the next free months with the next stage; null when the horizon is full. Throws a refusal. */
  async addPhase(nameOf: (stage: PhaseStage) => string): Promise<Phase | null> {
    const settings = this.plan.settings;
    if (!settings) return null;
    const phases = this.plan.collections.phases;
    const slot = newPhaseSlot(settings, phases.list);
    if (!slot) return null;
    const phase: Phase = {
      id: uniqueId(`p${phases.size + 1}`, (id) => phases.get(id) !== undefined),
      name: nameOf(slot.stage),
      stage: slot.stage,
      start: slot.start,
      end: slot.end,
    };
    const index = this.phasesByDate.filter((p) => p.start < phase.start).length;
    const created = await this.plan.create('phases', phase, index);
    await this.syncPhaseOrder();
    runInAction(() => (this.selectedPhaseId = created.id));
    return created;
  }

  /** Swaps the phase with its neighbour in time (each keeps its length), in
   * one transaction; a refusal is recorded like tryUpdatePhase's. */
  async movePhase(id: string, direction: -1 | 1): Promise<void> {
    const settings = this.plan.settings;
    if (!settings) return;
    const swapped = swapWithNeighbour(settings, this.plan.collections.phases.list, id, direction);
    if (!swapped) return;
    try {
      await this.plan.batch(
        swapped.map((p) => ({ kind: 'phases', op: 'update', id: p.id, value: plainPhase(p) })),
        this.ui.tr.t('planning.phase.moveLabel', { name: swapped[0]!.name }),
      );
      await this.syncPhaseOrder();
    } catch (e) {
      this.setPhaseRefusal({ phaseId: id, error: toApiError(e), problem: null });
    }
  }

  deletePhase(phase: Phase): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, phase.name, async () => {
      await this.plan.remove('phases', phase.id);
      runInAction(() => {
        if (this.selectedPhaseId === phase.id) this.selectedPhaseId = null;
      });
    });
  }

  private async syncPhaseOrder(): Promise<void> {
    const stored = this.plan.collections.phases.ids;
    const byDate = this.phasesByDate.map((p) => p.id);
    if (byDate.some((phaseId, i) => stored[i] !== phaseId)) await this.plan.reorder('phases', byDate);
  }
}
