// The Customers screen's state: filter, sort, grouping, selection, the
// active cell and its editor, the open detail — and the derived rows the grid
// shows, as computed getters over the plain customer values (see
// EntityCollection), so a cell edit re-derives in milliseconds and only the
// edited row re-renders. Writes are `writes` (CustomerWrites): through
// PlanStore, a refusal keeping the stored value and saying why at the cell.
import { action, computed, makeObservable, observable, observableRef } from 'mobx';
import type { Customer, Tier } from '../../shared/plan/types';
import { TIERS } from '../../shared/plan/types';
import type { PlanStore } from './PlanStore';
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
  type Derived,
  type DisplayItem,
  type GroupBy,
  type Interval,
  type SortColumn,
  type SortContext,
  type SortSpec,
  type TierStat,
} from './customers/rows';
import { cellText, isEditableColumn, type EditableColumn } from './customers/edits';
import { currentPhase, monthOf } from './customers/ladder';
import { CollationIndex } from './customers/collation';
import { CustomerWrites, type WriteOutcome } from './customers/CustomerWrites';
import { GRID_COLUMNS, type ActiveCell, type GridColumn } from './customers/columns';

export type { ActiveCell };


export interface Names {
  people: ReadonlyMap<string, string>;
  segments: ReadonlyMap<string, string>;
  phases: ReadonlyMap<string, string>;
}

/** Text columns with (nearly) a value per customer: their collation is worth preparing. */
const PREPARED_SORTS: readonly SortColumn[] = ['name', 'id'];
/** The longest stretch of idle-time collation work (an idle period may be up to 50 ms long). */
const IDLE_SLICE_MS = 6;

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
  detailId: string | null = null;
  /** The tier pyramid and readiness × potential chart above the grid. */
  tierViewsOpen = true;
  /** This month (YYYY-MM), for the behind-plan filter's current phase; refreshed when the screen opens. */
  today = monthOf(new Date());
  /** Saving cells, bulk edits, adds and deletes, with the refusals they met. */
  readonly writes: CustomerWrites;
  /** Collation indexes per language and text column (plain: a cache, not state). */
  private readonly collation = new Map<string, CollationIndex>();
  /**
   * The last derivations (plain caches, not state), which the next ones start
   * from: after one edit of 50,000 customers, the rows, the ungrouped items and
   * the item index are the last ones with the edited customer's row put in,
   * found by comparing objects rather than by 50,000 hash lookups each.
   */
  private lastRows: Derived<Customer, CustomerRow> | undefined;
  private lastItems: Derived<CustomerRow, DisplayItem> | undefined;
  private lastIndex: { items: readonly DisplayItem[]; index: Map<string, number> } | undefined;

  constructor(
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
    /** The global undo (HistoryStore), which puts deleted rows back. */
    history?: Pick<HistoryStore, 'undoDeletion'>,
  ) {
    this.writes = new CustomerWrites(plan, ui, this, history);
    makeObservable(this, {
      filter: observableRef,
      sort: observableRef,
      groupBy: observable,
      collapsed: observableRef,
      selected: observableRef,
      anchor: observable,
      active: observableRef,
      draft: observable,
      detailId: observable,
      tierViewsOpen: observable,
      today: observable,
      currentPhaseId: computed,
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
      renamed: action,
      openDetail: action,
      toggleTierViews: action,
      pickOnChart: action,
      closeDetail: action,
      setToday: action,
    });
  }

  // ---- derived rows ----

  get allRows(): CustomerRow[] {
    const customers = this.plan.collections.customers.plainList;
    const rows = toRows(customers, this.lastRows);
    this.lastRows = { source: customers, out: rows };
    return rows;
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
    // Even the column's texts are read in idle time: not in the task of an edit that called this.
    const jobs = PREPARED_SORTS.map(function* (column) {
      yield* ctx.indexFor!(column).build(sortTexts(rows, column, ctx) ?? []);
    });
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      // A few milliseconds at a time, however long the browser would give: what arrives meanwhile
      // (the answer to an edit, a key press) waits at most that long.
      const until = performance.now() + IDLE_SLICE_MS;
      while (jobs.length > 0 && deadline.timeRemaining() > 2 && performance.now() < until) if (jobs[0]!.next().done) jobs.shift();
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

  /** The phase whose planned levels "behind plan" compares with (ladder.ts currentPhase). */
  get currentPhaseId(): string | null {
    return currentPhase(this.plan.collections.phases.plainList, this.today);
  }

  get filtered(): CustomerRow[] {
    return filterRows(this.allRows, this.filter, this.filter.behindPlan ? this.currentPhaseId : null);
  }

  get sorted(): CustomerRow[] {
    const keys = this.columnKeys;
    if (!keys || !this.sort) return this.filtered;
    const index = this.rowIndex;
    return sortRows(this.filtered, this.sort, (row) => keys[index.get(row)!]!);
  }

  get items(): DisplayItem[] {
    const rows = this.sorted;
    const items = groupRows(rows, this.groupBy, this.groupOrder(), this.collapsed, this.lastItems);
    this.lastItems = this.groupBy === 'none' ? { source: rows, out: items } : undefined;
    return items;
  }

  /** Each item's place by its key; the same map while the keys stay in place (an edit changes no key). */
  get itemIndex(): Map<string, number> {
    const items = this.items;
    const last = this.lastIndex;
    if (last && sameKeys(last.items, items)) {
      this.lastIndex = { items, index: last.index };
      return last.index;
    }
    const index = new Map<string, number>();
    items.forEach((item, i) => index.set(item.key, i));
    this.lastIndex = { items, index };
    return index;
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
    return this.writes.writeCell(a.key, a.column, text);
  }

  /** An id changed (by an edit here): what pointed at the old one follows. */
  renamed(from: string, to: string): void {
    if (this.active?.key === from) this.active = { ...this.active, key: to };
    if (this.detailId === from) this.detailId = to;
    if (this.selected.has(from)) {
      const next = new Set(this.selected);
      next.delete(from);
      next.add(to);
      this.selected = next;
    }
  }



  // ---- detail ----

  openDetail(id: string): void {
    this.detailId = id;
  }

  closeDetail(): void {
    this.detailId = null;
  }

  /** The month "today" is in (the screen sets it from the clock when it opens; tests set their own). */
  setToday(month: string): void {
    this.today = month;
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
  return isEditableColumn(column);
}

/** The same keys at the same places (items compared first: an unchanged item is the same object). */
function sameKeys(a: readonly DisplayItem[], b: readonly DisplayItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.key !== b[i]!.key) return false;
  return true;
}
