// The Customers screen's state: filter, sort, grouping, selection, the
// active cell and its editor, the open detail — and the derived rows the grid
// shows, as computed getters over the plain customer values (see
// EntityCollection), so a cell edit re-derives in milliseconds and only the
// edited row re-renders. Writes go through PlanStore; a refusal keeps the
// stored value and says why next to the cell.
import { action, computed, makeObservable, observable, observableRef } from 'mobx';
import type { Customer, Tier } from '../../shared/plan/types';
import { TIERS } from '../../shared/plan/types';
import type { PlanStore } from './PlanStore';
import { toApiError } from './PlanStore';
import type { HistoryStore } from './HistoryStore';
import type { UiStore } from './UiStore';
import {
  EMPTY_FILTER,
  filterRows,
  groupRows,
  isFilterEmpty,
  sortKeys,
  sortRows,
  sortTexts,
  tierStats,
  toRows,
  type CustomerFilter,
  type CustomerRow,
  type DisplayItem,
  type GroupBy,
  type Interval,
  type SortColumn,
  type SortContext,
  type SortSpec,
  type TierStat,
} from './customers/rows';
import {
  bulkEdits,
  cellText,
  removedOf,
  restoreEdits,
  withCellValue,
  type BulkPatch,
  type EditableColumn,
  type Removed,
} from './customers/edits';
import { CollationIndex } from './customers/collation';
import { GRID_COLUMNS, type GridColumn } from './customers/columns';

export interface ActiveCell {
  /** The display item's key: a customer id or a group key. */
  key: string;
  column: GridColumn;
}

export interface Names {
  people: ReadonlyMap<string, string>;
  segments: ReadonlyMap<string, string>;
  phases: ReadonlyMap<string, string>;
}

export interface CellRefusal {
  id: string;
  column: EditableColumn;
  message: string;
}

/** What a write answers: null when stored, else the reason it was not. */
export type WriteOutcome = string | null;

/** Text columns with (nearly) a value per customer: their collation is worth preparing. */
const PREPARED_SORTS: readonly SortColumn[] = ['name', 'id'];

function cellKey(id: string, column: string): string {
  return `${id}\u0000${column}`;
}

export class CustomersViewStore {
  filter: CustomerFilter = EMPTY_FILTER;
  sort: SortSpec | null = null;
  groupBy: GroupBy = 'none';
  collapsed: ReadonlySet<string> = new Set();
  selected: ReadonlySet<string> = new Set();
  /** Where a shift-click range starts. */
  anchor: string | null = null;
  active: ActiveCell | null = null;
  /** The editor's text while a cell is being edited; null when not editing. */
  draft: string | null = null;
  /** Refused edits, shown at their cells until the cell is edited again. */
  refusals: ReadonlyMap<string, CellRefusal> = new Map();
  lastRefusal: CellRefusal | null = null;
  detailId: string | null = null;
  /** The tier pyramid and readiness × potential chart above the grid. */
  tierViewsOpen = true;
  busy = false;
  /** Collation indexes per language and text column (plain: a cache, not state). */
  private readonly collation = new Map<string, CollationIndex>();

  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
    /** The global undo (HistoryStore), which puts deleted rows back. */
    private readonly history?: Pick<HistoryStore, 'undoDeletion'>,
  ) {
    makeObservable<CustomersViewStore, 'setBusy' | 'refuse'>(this, {
      filter: observableRef,
      sort: observableRef,
      groupBy: observable,
      collapsed: observableRef,
      selected: observableRef,
      anchor: observable,
      active: observableRef,
      draft: observable,
      refusals: observableRef,
      lastRefusal: observableRef,
      detailId: observable,
      tierViewsOpen: observable,
      busy: observable,
      allRows: computed,
      rowIndex: computed,
      names: computed,
      sortContext: computed,
      sortColumn: computed,
      columnKeys: computed,
      filtered: computed,
      sorted: computed,
      items: computed,
      itemIndex: computed,
      tierStats: computed,
      hasFilter: computed,
      selectedCount: computed,
      filteredSelection: computed,
      setFilter: action,
      clearFilter: action,
      toggleTierFilter: action,
      toggleSort: action,
      setSort: action,
      setGroupBy: action,
      toggleGroup: action,
      toggleSelected: action,
      selectRange: action,
      selectAllFiltered: action,
      clearSelection: action,
      setActive: action,
      moveActive: action,
      startEdit: action,
      setDraft: action,
      cancelEdit: action,
      dismissRefusal: action,
      openDetail: action,
      toggleTierViews: action,
      pickOnChart: action,
      closeDetail: action,
      setBusy: action,
      refuse: action,
    });
  }

  // ---- derived rows ----

  get allRows(): CustomerRow[] {
    return toRows(this.plan.collections.customers.plainList);
  }

  get rowIndex(): Map<CustomerRow, number> {
    const m = new Map<CustomerRow, number>();
    this.allRows.forEach((r, i) => m.set(r, i));
    return m;
  }

  /** Names of what customers refer to, for showing and sorting. */
  get names(): Names {
    const { people, segments, phases } = this.plan.collections;
    return {
      people: new Map(people.plainList.map((p) => [p.id, p.name])),
      segments: new Map(segments.plainList.map((s) => [s.id, s.name])),
      phases: new Map(phases.plainList.map((p) => [p.id, p.name])),
    };
  }

  get sortContext(): SortContext {
    const names = this.names;
    const phaseOrder = new Map(this.plan.collections.phases.ids.map((id, i) => [id, i]));
    const lang = this.ui.lang;
    const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
    return {
      collator,
      indexFor: (column) => {
        const key = `${lang}\u0000${column}`;
        let index = this.collation.get(key);
        if (!index) this.collation.set(key, (index = new CollationIndex(collator)));
        return index;
      },
      personName: (id) => names.people.get(id),
      segmentName: (id) => names.segments.get(id),
      phaseOrder: (id) => phaseOrder.get(id),
    };
  }

  /**
   * Builds the collation ranks of the many-valued text columns in idle time,
   * a slice at a time, so the first sort by name or id answers at once.
   * Returns a function that stops the work (the next call starts afresh).
   */
  prepareSorting(): () => void {
    const ctx = this.sortContext;
    const rows = this.allRows;
    const jobs = PREPARED_SORTS.map((column) => ctx.indexFor!(column).build(sortTexts(rows, column, ctx) ?? []));
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      while (jobs.length > 0 && deadline.timeRemaining() > 2) if (jobs[0]!.next().done) jobs.shift();
      if (jobs.length > 0) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }

  /** Only the column, so flipping the direction reuses the keys. */
  get sortColumn(): SortColumn | null {
    return this.sort?.column ?? null;
  }

  /** Sort keys of every row for the sorted column, aligned with allRows. */
  get columnKeys(): Float64Array | null {
    const column = this.sortColumn;
    return column ? sortKeys(this.allRows, column, this.sortContext) : null;
  }

  get filtered(): CustomerRow[] {
    return filterRows(this.allRows, this.filter);
  }

  get sorted(): CustomerRow[] {
    const keys = this.columnKeys;
    if (!keys || !this.sort) return this.filtered;
    const index = this.rowIndex;
    return sortRows(this.filtered, this.sort, (row) => keys[index.get(row)!]!);
  }

  get items(): DisplayItem[] {
    return groupRows(this.sorted, this.groupBy, this.groupOrder(), this.collapsed);
  }

  get itemIndex(): Map<string, number> {
    const m = new Map<string, number>();
    this.items.forEach((item, i) => m.set(item.key, i));
    return m;
  }

  /** Count and potential per tier over all customers (the pyramid). */
  get tierStats(): TierStat[] {
    return tierStats(this.allRows);
  }

  get hasFilter(): boolean {
    return !isFilterEmpty(this.filter);
  }

  get selectedCount(): number {
    return this.selected.size;
  }

  /** How much of the filtered list is selected: for the select-all checkbox. */
  get filteredSelection(): 'none' | 'some' | 'all' {
    if (this.selected.size === 0) return 'none';
    let n = 0;
    for (const r of this.filtered) if (this.selected.has(r.id)) n++;
    return n === 0 ? 'none' : n === this.filtered.length ? 'all' : 'some';
  }

  private groupOrder(): string[] {
    const { phases, segments } = this.plan.collections;
    switch (this.groupBy) {
      case 'tier':
        return [...TIERS];
      case 'phase':
        return [...phases.ids, ''];
      case 'segment':
        return [...segments.ids];
      case 'none':
        return [];
      default: {
        const never: never = this.groupBy;
        return never;
      }
    }
  }

  // ---- filter, sort, group ----

  setFilter(patch: Partial<CustomerFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.active = null;
  }

  clearFilter(part?: keyof CustomerFilter): void {
    this.filter = part ? { ...this.filter, [part]: EMPTY_FILTER[part] } : EMPTY_FILTER;
    this.active = null;
  }

  /** Clicking a tier on the pyramid: filter to it, or back to all when it is the only one. */
  toggleTierFilter(tier: Tier): void {
    const only = this.filter.tiers.length === 1 && this.filter.tiers[0] === tier;
    this.setFilter({ tiers: only ? [] : [tier] });
  }

  /** Header click: ascending, then descending, then unsorted (the plan's order). */
  toggleSort(column: SortColumn): void {
    const s = this.sort;
    this.setSort(!s || s.column !== column ? { column, desc: false } : !s.desc ? { column, desc: true } : null);
  }

  /** A new order (or filter, or grouping) starts again from the first row. */
  setSort(sort: SortSpec | null): void {
    this.sort = sort;
    this.active = null;
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    this.collapsed = new Set();
    this.active = null;
  }

  toggleGroup(value: string): void {
    const next = new Set(this.collapsed);
    if (!next.delete(value)) next.add(value);
    this.collapsed = next;
  }

  // ---- selection ----

  isSelected(id: string): boolean {
    return this.selected.has(id);
  }

  toggleSelected(id: string): void {
    const next = new Set(this.selected);
    if (!next.delete(id)) next.add(id);
    this.selected = next;
    this.anchor = id;
  }

  /** Shift-click: everything between the anchor and `id` as shown, selected. */
  selectRange(id: string): void {
    const index = this.itemIndex;
    const from = this.anchor !== null ? index.get(this.anchor) : undefined;
    const to = index.get(id);
    if (from === undefined || to === undefined) return this.toggleSelected(id);
    const next = new Set(this.selected);
    const [a, b] = from <= to ? [from, to] : [to, from];
    for (let i = a; i <= b; i++) {
      const item = this.items[i]!;
      if (item.kind === 'customer') next.add(item.key);
    }
    this.selected = next;
  }

  selectAllFiltered(): void {
    this.selected = new Set(this.filtered.map((r) => r.id));
  }

  clearSelection(): void {
    this.selected = new Set();
    this.anchor = null;
  }

  // ---- active cell and editing ----

  setActive(cell: ActiveCell | null): void {
    if (this.draft !== null) this.draft = null;
    this.active = cell;
  }

  /** Arrow keys and Tab: move by rows and columns, staying inside the grid. */
  moveActive(dRow: number, dCol: number): void {
    const items = this.items;
    if (items.length === 0) return;
    const at = this.active ? (this.itemIndex.get(this.active.key) ?? 0) : 0;
    const row = Math.min(items.length - 1, Math.max(0, at + dRow));
    const col = this.active ? GRID_COLUMNS.indexOf(this.active.column) : 0;
    const nextCol = Math.min(GRID_COLUMNS.length - 1, Math.max(0, col + dCol));
    this.active = { key: items[row]!.key, column: GRID_COLUMNS[nextCol]! };
    this.draft = null;
  }

  /** Enter or typing on an editable cell; `initial` replaces the text (the typed character). */
  startEdit(initial?: string): boolean {
    const a = this.active;
    if (!a || !isEditable(a.column)) return false;
    const c = this.plan.collections.customers.plain(a.key);
    if (!c) return false;
    this.draft = initial ?? cellText(c, a.column);
    return true;
  }

  setDraft(text: string): void {
    this.draft = text;
  }

  cancelEdit(): void {
    this.draft = null;
  }

  /** Commits the editor's text; the editor closes either way, a refusal stays at the cell. */
  async commitEdit(): Promise<WriteOutcome> {
    const a = this.active;
    const text = this.draft;
    this.cancelEdit();
    if (!a || text === null || !isEditable(a.column)) return null;
    return this.writeCell(a.key, a.column, text);
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
      if (value.id !== id) this.renamed(id, value.id);
      return null;
    } catch (e) {
      const message = toApiError(e).message;
      if (column) this.refuse(id, column, message);
      return message;
    }
  }

  private renamed = action((from: string, to: string) => {
    if (this.active?.key === from) this.active = { ...this.active, key: to };
    if (this.detailId === from) this.detailId = to;
    if (this.selected.has(from)) {
      const next = new Set(this.selected);
      next.delete(from);
      next.add(to);
      this.selected = next;
    }
  });

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
    const customers = [...this.selected].flatMap((id) => this.plan.collections.customers.plain(id) ?? []);
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
      this.setActive({ key: value.id, column: 'name' });
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  }

  /** Deletes the selected customers in one batch, then offers to put them back. */
  async deleteSelected(): Promise<WriteOutcome> {
    const removed = removedOf(this.selected, this.plan.collections.customers.plainList);
    if (removed.length === 0) return null;
    const edits = removed.map(({ customer }) => ({ kind: 'customers' as const, op: 'delete' as const, id: customer.id }));
    return this.run(async () => {
      await this.plan.batch(edits, this.ui.tr.tn('customers.delete.label', removed.length));
      this.clearSelection();
      if (this.detailId && removed.some((r) => r.customer.id === this.detailId)) this.closeDetail();
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

  // ---- detail ----

  openDetail(id: string): void {
    this.detailId = id;
  }

  closeDetail(): void {
    this.detailId = null;
  }

  toggleTierViews(): void {
    this.tierViewsOpen = !this.tierViewsOpen;
  }

  /** A box drawn on the readiness × potential chart: filter to what lies inside it. */
  pickOnChart(readiness: Interval, potential: Interval): void {
    this.setFilter({ readiness, potential, ids: null });
  }
}

function isEditable(column: GridColumn): column is EditableColumn {
  return column !== 'select' && column !== 'readiness' && column !== 'details';
}

