// The Scenarios screen's state and writes: which scenario is open, what each
// one does in words, and create / duplicate / delete / save, each answering
// null when stored or the reason the store refused, in the user's language.
import { action, computed, makeObservable, observable } from 'mobx';
import { combineAdjust } from '../../shared/plan/adjust';
import type { Scenario, ScenarioAdjust } from '../../shared/plan/types';
import { attempt, type WriteOutcome } from './refusals';
import { copyId, copyName, uniqueId } from './funnels/funnelEdits';
import { describeScenario } from './scenarios/scenarioText';
import { toPlain } from './FunnelsStore';
import type { PlanStore } from './PlanStore';
import type { UiStore } from './UiStore';

export class ScenariosStore {
  selectedId: string | null = null;

  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, {
      selectedId: observable,
      select: action,
      scenarios: computed,
      selected: computed,
      descriptions: computed,
    });
  }

  get scenarios(): Scenario[] {
    return this.plan.collections.scenarios.list;
  }

  get selected(): Scenario | undefined {
    const chosen = this.selectedId ? this.plan.collections.scenarios.get(this.selectedId) : undefined;
    return chosen ?? this.scenarios[0];
  }

  select(id: string): void {
    this.selectedId = id;
  }

  /** Each scenario's effect in words, by id. */
  get descriptions(): Map<string, string> {
    const funnels = this.plan.collections.funnels.list;
    return new Map(this.scenarios.map((s) => [s.id, describeScenario(s.adjust, this.ui.tr, funnels)]));
  }

  saveScenario(id: string, value: Scenario): Promise<WriteOutcome> {
    return attempt(this.ui.tr, async () => {
      const saved = await this.plan.update('scenarios', id, toPlain(value));
      if (saved.id !== id) this.select(saved.id);
    });
  }

  createScenario(): Promise<WriteOutcome> {
    const id = uniqueId('scenario', new Set(this.plan.collections.scenarios.ids));
    const value: Scenario = { id, name: this.ui.tr.t('scenarios.newName'), adjust: {} };
    return attempt(this.ui.tr, async () => {
      await this.plan.create('scenarios', value);
      this.select(id);
    });
  }

  /**
   * "Keep as scenario": the what-if sliders on top of the scenario they were
   * moved on (null: the plan as entered), saved as a new scenario in one
   * undoable edit. Answers the new scenario's id, or the refusal.
   */
  async keepWhatIf(baseId: string | null, extra: ScenarioAdjust): Promise<{ id: string | null; refusal: WriteOutcome }> {
    const base = baseId === null ? undefined : this.plan.collections.scenarios.get(baseId);
    const tr = this.ui.tr;
    const id = uniqueId('what-if', new Set(this.plan.collections.scenarios.ids));
    const names = new Set(this.scenarios.map((s) => s.name));
    let n = 1;
    while (names.has(tr.t('workshop.keptName', { n }))) n++;
    const value: Scenario = { id, name: tr.t('workshop.keptName', { n }), adjust: combineAdjust(base ? toPlain(base).adjust : {}, extra) };
    const refusal = await attempt(tr, async () => {
      await this.plan.create('scenarios', value);
      this.select(id);
    });
    return { id: refusal === null ? id : null, refusal };
  }

  duplicateScenario(id: string): Promise<WriteOutcome> {
    const source = this.plan.collections.scenarios.get(id);
    if (!source) return Promise.resolve(null);
    const tr = this.ui.tr;
    const copy: Scenario = {
      ...toPlain(source),
      id: copyId(id, new Set(this.plan.collections.scenarios.ids)),
      name: copyName(
        (n) => (n ? tr.t('funnels.copyNameN', { name: source.name, n }) : tr.t('funnels.copyName', { name: source.name })),
        new Set(this.scenarios.map((s) => s.name)),
      ),
    };
    const index = this.plan.collections.scenarios.ids.indexOf(id) + 1;
    return attempt(tr, async () => {
      await this.plan.create('scenarios', copy, index);
      this.select(copy.id);
    });
  }

  deleteScenario(id: string): Promise<WriteOutcome> {
    const ids = this.plan.collections.scenarios.ids;
    const next = ids[ids.indexOf(id) + 1] ?? ids[ids.indexOf(id) - 1] ?? null;
    return attempt(this.ui.tr, async () => {
      await this.plan.remove('scenarios', id);
      if (next) this.select(next);
    });
  }
}
