// "Tier by rule" on the Customers screen: the plan's customers ranked by
// potential, the rule's preview (counts and potential per tier, the customers
// that would change tier), and the change written as one plan.batch — one
// undoable edit. Nothing is written while the rule has problems.
import { computed, makeObservable, observable, runInAction } from 'mobx';
import { itemsFromCustomers, previewTiering, tieringEdits, type TieringPreview } from '../../../shared/tiering';
import type { RootStore } from '../RootStore';
import { attempt, type WriteOutcome } from '../refusals';
import { TieringDraft } from './TieringDraft';

export class TierByRule {
  readonly draft: TieringDraft;
  busy = false;

  constructor(private readonly root: RootStore) {
    this.draft = new TieringDraft(() => root.plan.settings?.currency ?? 'CNY');
    makeObservable(this, { busy: observable, preview: computed });
  }

  /** The preview over the whole list, or null while the rule's texts are not numbers. */
  get preview(): TieringPreview | null {
    const rule = this.draft.rule;
    if (!rule) return null;
    return previewTiering(itemsFromCustomers(this.root.plan.collections.customers.plainList), rule);
  }

  /** Writes the changed tiers in one edit (nothing when no tier changes). */
  async apply(): Promise<WriteOutcome> {
    const preview = this.preview;
    const tr = this.root.ui.tr;
    if (!preview?.ok || this.busy) return null;
    const customers = new Map(this.root.plan.collections.customers.plainList.map((c) => [c.id, c]));
    const edits = tieringEdits(customers, preview);
    if (edits.length === 0) return null;
    runInAction(() => (this.busy = true));
    const outcome = await attempt(tr, () => this.root.plan.batch(edits, tr.t('tiering.historyLabel', { count: edits.length })));
    runInAction(() => (this.busy = false));
    if (outcome === null) this.root.ui.toast(tr.tn('tiering.applied', edits.length));
    return outcome;
  }
}
