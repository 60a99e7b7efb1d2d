// "Tier by rule" on the Customers screen: the plan's customers ranked by
// potential, the rule's preview (counts and potential per tier, the customers
// that would change tier), and the change written as one plan.batch — one
// undoable edit. Nothing is written while the rule has problems. The rule can
// be kept in the plan (plan-format v2 `tiering`, in JSON export too) so the
// next import can apply it again; the dialog starts from the plan's rule.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import { itemsFromCustomers, previewTiering, tieringEdits, type TieringPreview } from '../../../shared/tiering';
import type { RootStore } from '../RootStore';
import { attempt, type WriteOutcome } from '../refusals';
import { sameRule, TieringDraft } from './TieringDraft';

export class TierByRule {
  readonly draft: TieringDraft;
  busy = false;
  /** Keep the rule as the plan's; on when the plan has one already. */
  keep: boolean;

  constructor(private readonly root: RootStore) {
    this.draft = new TieringDraft(() => root.plan.settings?.currency ?? 'CNY', root.plan.tiering);
    this.keep = root.plan.tiering !== null;
    makeObservable(this, { busy: observable, keep: observable, preview: computed, ruleToKeep: computed, setKeep: action });
  }

  setKeep(keep: boolean): void {
    this.keep = keep;
  }

  /** The rule to store in the plan (null: not kept, or the plan has it already). */
  get ruleToKeep() {
    const rule = this.draft.rule;
    if (!this.keep || !rule || !this.preview?.ok) return null;
    const stored = this.root.plan.tiering;
    return stored && sameRule(stored, rule) ? null : rule;
  }

  /** The preview over the whole list, or null while the rule's texts are not numbers. */
  get preview(): TieringPreview | null {
    const rule = this.draft.rule;
    if (!rule) return null;
    return previewTiering(itemsFromCustomers(this.root.plan.collections.customers.plainList), rule);
  }

  /**
   * Writes the changed tiers in one edit (nothing when no tier changes), after
   * keeping the rule in the plan when asked (its own edit, before the tiers,
   * so one undo takes the tiers back).
   */
  async apply(): Promise<WriteOutcome> {
    const preview = this.preview;
    const tr = this.root.ui.tr;
    if (!preview?.ok || this.busy) return null;
    const customers = new Map(this.root.plan.collections.customers.plainList.map((c) => [c.id, c]));
    const edits = tieringEdits(customers, preview);
    const keep = this.ruleToKeep;
    if (edits.length === 0 && !keep) return null;
    runInAction(() => (this.busy = true));
    const previousRule = this.root.plan.tiering;
    let outcome = keep ? await attempt(tr, () => this.root.plan.setTiering(keep)) : null;
    if (outcome === null && edits.length > 0) {
      outcome = await attempt(tr, () => this.root.plan.batch(edits, tr.t('tiering.historyLabel', { count: edits.length })));
      // All or nothing: refused tiers leave the plan's rule as it was.
      if (outcome !== null && keep) await this.root.plan.setTiering(previousRule).catch(() => undefined);
    }
    runInAction(() => (this.busy = false));
    if (outcome === null && edits.length > 0) this.root.ui.toast(tr.tn('tiering.applied', edits.length));
    return outcome;
  }

  /** Something to write: tier changes, or the rule to keep. */
  get canApply(): boolean {
    const p = this.preview;
    return !!p?.ok && (p.changed.length > 0 || this.ruleToKeep !== null);
  }
}
