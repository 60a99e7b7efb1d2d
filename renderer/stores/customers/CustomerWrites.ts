// The Customers screen's writes: one cell, a whole customer (the detail
// panel), a bulk change of the selection, a new customer, deleting the
// selection and undoing that. Each goes through PlanStore; a refusal keeps
// the stored value on screen and is remembered at its cell with the host's
// reason, until that cell is saved.
import { action, makeObservable, observable, observableRef } from 'mobx';
import type { Customer, RelationshipLayer } from '../../../shared/plan/types';
import type { HistoryStore } from '../HistoryStore';
import type { PlanStore } from '../PlanStore';
import { toApiError } from '../PlanStore';
import type { WriteOutcome } from '../refusals';
import type { UiStore } from '../UiStore';
import type { ActiveCell } from './columns';
import { withPlannedLevel } from './ladder';
import {
  bulkEdits,
  cellText,
  removedOf,
  restoreEdits,
  withCellValue,
  type BulkPatch,
  type EditableColumn,
  type Removed,
} from './edits';

export interface CellRefusal {
  id: string;
  column: EditableColumn;
  message: string;
}

export type { WriteOutcome } from '../refusals';

/** What the writes need of the view: its selection, active cell and open detail. */
export interface WriteView {
  readonly selected: ReadonlySet<string>;
  readonly detailId: string | null;
  clearSelection(): void;
  closeDetail(): void;
  setActive(cell: ActiveCell | null): void;
  renamed(from: string, to: string): void;
}

function cellKey(id: string, column: string): string {
  return `${id}\u0000${column}`;
}

export class CustomerWrites {
  /** Refused edits, shown at their cells until the cell is saved. */
  refusals: ReadonlyMap<string, CellRefusal> = new Map();
  lastRefusal: CellRefusal | null = null;
  busy = false;

  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
    private readonly view: WriteView,
    private readonly history?: Pick<HistoryStore, 'undoDeletion'>,
  ) {
    makeObservable<CustomerWrites, 'setBusy' | 'refuse'>(this, {
      refusals: observableRef,
      lastRefusal: observableRef,
      busy: observable,
      dismissRefusal: action,
      setBusy: action,
      refuse: action,
    });
  }

  /** Writes one cell of customer `id` (also from the detail panel's selects). */
  async writeCell(id: string, column: EditableColumn, text: string): Promise<WriteOutcome> {
    const c = this.plan.collections.customers.plain(id);
    if (!c) return null;
    if (cellText(c, column) === text) {
      this.refuse(id, column, null);
      return null;
    }
    const edit = withCellValue(c, column, text);
    if (!edit.ok) {
      const message = this.ui.tr.t('customers.error.notNumber', { text: edit.refusal.text });
      this.refuse(id, column, message);
      return message;
    }
    return this.writeCustomer(id, edit.value, column);
  }

  /** Replaces customer `id` with `value`; a refusal is remembered at `column` when given. */
  async writeCustomer(id: string, value: Customer, column?: EditableColumn): Promise<WriteOutcome> {
    try {
      await this.plan.update('customers', id, value);
      if (column) this.refuse(id, column, null);
      if (value.id !== id) this.view.renamed(id, value.id);
      return null;
    } catch (e) {
      const message = toApiError(e).message;
      if (column) this.refuse(id, column, message);
      return message;
    }
  }

  /** Sets the needs (客户需求) of customer `id` as typed; blank text removes them. */
  async setNeeds(id: string, text: string): Promise<WriteOutcome> {
    const c = this.plan.collections.customers.plain(id);
    if (!c || (c.needs ?? '') === (text.trim() === '' ? '' : text)) return null;
    const next = structuredClone(c);
    if (text.trim() === '') delete next.needs;
    else next.needs = text;
    return this.writeCustomer(id, next);
  }

  /**
   * One cell of the account ladder: the level of `layer` planned for the end
   * of `phaseId`, or (null) no plan for that phase. One undoable edit.
   */
  async setPlannedLevel(id: string, phaseId: string, layer: RelationshipLayer, level: number | null): Promise<WriteOutcome> {
    const c = this.plan.collections.customers.plain(id);
    if (!c) return null;
    const current = c.relationshipPlan?.[phaseId];
    if (level === null ? current === undefined : current?.[layer] === level) return null;
    return this.writeCustomer(id, withPlannedLevel(c, this.plan.collections.phases.ids, phaseId, layer, level));
  }

  private refuse(id: string, column: EditableColumn, message: string | null): void {
    const key = cellKey(id, column);
    if (message === null && !this.refusals.has(key)) return;
    const next = new Map(this.refusals);
    if (message === null) next.delete(key);
    else next.set(key, { id, column, message });
    this.refusals = next;
    if (message !== null) this.lastRefusal = { id, column, message };
    else if (this.lastRefusal?.id === id && this.lastRefusal.column === column) this.lastRefusal = null;
  }

  refusalAt(id: string, column: string): CellRefusal | undefined {
    return this.refusals.get(cellKey(id, column));
  }

  dismissRefusal(): void {
    this.lastRefusal = null;
  }

  // ---- bulk edit, add, delete ----

  /** Applies `patch` to every selected customer in one batch. */
  async bulkEdit(patch: BulkPatch): Promise<WriteOutcome> {
    const customers = [...this.view.selected].flatMap((id) => this.plan.collections.customers.plain(id) ?? []);
    const edits = bulkEdits(customers, patch);
    if (edits.length === 0) return null;
    return this.run(async () => {
      await this.plan.batch(edits, this.ui.tr.tn('customers.bulk.label', edits.length));
      this.ui.toast(this.ui.tr.tn('customers.bulk.done', edits.length));
    });
  }

  async addCustomer(value: Customer): Promise<WriteOutcome> {
    try {
      await this.plan.create('customers', value);
      this.ui.toast(this.ui.tr.t('customers.add.done', { name: value.name }));
      this.view.setActive({ key: value.id, column: 'name' });
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  }

  /** Deletes the selected customers in one batch, then offers to put them back. */
  async deleteSelected(): Promise<WriteOutcome> {
    const removed = removedOf(this.view.selected, this.plan.collections.customers.plainList);
    if (removed.length === 0) return null;
    const edits = removed.map(({ customer }) => ({ kind: 'customers' as const, op: 'delete' as const, id: customer.id }));
    return this.run(async () => {
      await this.plan.batch(edits, this.ui.tr.tn('customers.delete.label', removed.length));
      this.view.clearSelection();
      if (this.view.detailId && removed.some((r) => r.customer.id === this.view.detailId)) this.view.closeDetail();
      this.ui.toast(this.ui.tr.tn('customers.delete.done', removed.length), {
        label: this.ui.tr.t('customers.delete.undo'),
        run: () => void this.undoDelete(removed),
      });
    });
  }

  /**
   * Undo of a delete: the global undo takes the delete back (rows where they
   * stood, one transaction, redo available), if it is still the newest edit.
   */
  async undoDelete(removed: readonly Removed[]): Promise<WriteOutcome> {
    return this.run(async () => {
      if (this.history) return this.history.undoDeletion('customers', removed.map((r) => r.customer.id));
      await this.plan.batch(restoreEdits(removed), this.ui.tr.tn('customers.undo.label', removed.length));
      this.ui.toast(this.ui.tr.tn('customers.undo.done', removed.length));
    });
  }

  private async run(write: () => Promise<void>): Promise<WriteOutcome> {
    this.setBusy(true);
    try {
      await write();
      return null;
    } catch (e) {
      const error = toApiError(e);
      this.ui.showError(error);
      return error.message;
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
  }
}
