// The decision log (plan format v2 `decisions[]`): what was decided, in which
// phase, by whom and when — recorded from any workshop step or the Decisions
// screen. Listed per phase in plan phase order (then the decisions without a
// phase), oldest first within a phase, as minutes read. Every write is one
// undoable plan edit answering a WriteOutcome.
import { computed, makeObservable } from 'mobx';
import { DECISION_TEXT_MAX } from '../../shared/plan/schema';
import type { Decision } from '../../shared/plan/types';
import type { PlanStore } from './PlanStore';
import { attempt, type WriteOutcome } from './refusals';
import type { UiStore } from './UiStore';

export { DECISION_TEXT_MAX };

export interface DecisionGroup {
  /** null: decisions not tied to a phase. */
  phaseId: string | null;
  decisions: Decision[];
}

export interface DecisionDraft {
  text: string;
  phaseId: string | null;
  byId: string | null;
}

export class DecisionsStore {
  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
    /** The clock, for the time a decision is recorded (tests pin it). */
    private readonly now: () => Date = () => new Date(),
  ) {
    makeObservable(this, { groups: computed, count: computed });
  }

  get count(): number {
    return this.plan.collections.decisions.ids.length;
  }

  get groups(): DecisionGroup[] {
    const all = this.plan.collections.decisions.list;
    const byTime = (a: Decision, b: Decision) => Date.parse(a.at) - Date.parse(b.at);
    const phases = this.plan.collections.phases.list;
    const known = new Set(phases.map((p) => p.id));
    const groups: DecisionGroup[] = phases.map((p) => ({ phaseId: p.id, decisions: all.filter((d) => d.phaseId === p.id).sort(byTime) }));
    groups.push({ phaseId: null, decisions: all.filter((d) => !d.phaseId || !known.has(d.phaseId)).sort(byTime) });
    return groups.filter((g) => g.decisions.length > 0);
  }

  /** The problem with a decision's text as typed, or null: checked in the view before recording. */
  textProblem(text: string): string | null {
    const t = text.trim();
    if (t.length === 0) return this.ui.tr.t('decisions.empty');
    if (t.length > DECISION_TEXT_MAX) return this.ui.tr.t('decisions.tooLong', { max: DECISION_TEXT_MAX, length: t.length });
    return null;
  }

  record(draft: DecisionDraft): Promise<WriteOutcome> {
    const taken = new Set(this.plan.collections.decisions.ids);
    let n = taken.size + 1;
    while (taken.has(`d${n}`)) n++;
    const value: Decision = { id: `d${n}`, at: this.now().toISOString(), text: draft.text.trim(), ...optional(draft) };
    return attempt(this.ui.tr, () => this.plan.create('decisions', value));
  }

  /** Changes the text, phase or person; the time it was decided stays. */
  edit(id: string, draft: DecisionDraft): Promise<WriteOutcome> {
    const current = this.plan.collections.decisions.plain(id);
    if (!current) return Promise.resolve(null);
    const value: Decision = { id, at: current.at, text: draft.text.trim(), ...optional(draft) };
    return attempt(this.ui.tr, () => this.plan.update('decisions', id, value));
  }

  remove(id: string): Promise<WriteOutcome> {
    return attempt(this.ui.tr, () => this.plan.remove('decisions', id));
  }
}

function optional(d: DecisionDraft): Pick<Decision, 'phaseId' | 'byId'> {
  return { ...(d.phaseId ? { phaseId: d.phaseId } : {}), ...(d.byId ? { byId: d.byId } : {}) };
}
