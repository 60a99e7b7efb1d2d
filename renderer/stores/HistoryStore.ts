// Undo, redo and the change history, for the header buttons, the keyboard
// shortcuts and the History screen. The undo/redo state follows the plan:
// whenever its revision or file changes (any edit, an undo, another window),
// the state is asked again; the list is kept fresh only while the History
// screen shows it.
import { action, computed, makeObservable, observable, observableRef, reaction, runInAction } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import type { CollectionKind } from '../../shared/api/contract';
import type { HistoryEntry, HistoryKind, HistoryState, UndoOutcome } from '../../shared/api/methods/history';
import { ApiError } from '../../shared/api/result';
import { describeEffect, describeEntry, givenLabel } from './history/describe';
import { entityName, fieldChanges, type FieldChange, type FieldContext } from './history/fields';
import { formatAgo, formatWhen } from './history/time';
import { toApiError, type PlanStore } from './PlanStore';
import type { UiStore } from './UiStore';

const EMPTY: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, undo: null, redo: null };
const PAGE = 50;
const CLOCK_MS = 30_000;

export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface HistoryRow {
  entry: HistoryEntry;
  /** Local date and time, and how long ago (null when over a week). */
  when: string;
  ago: string | null;
  what: string;
  /** The label the batch was given, when it says more than the worded tally. */
  label: string | null;
}

export interface EntityDetail {
  key: string;
  /** "customer “Jiangnan Bank”", "Plan settings". */
  title: string;
  /** Added / deleted / only reordered, when the table alone would not say it. */
  note: string | null;
  changes: FieldChange[];
}

export class HistoryStore {
  state: HistoryState = EMPTY;
  busy = false;
  entries: HistoryEntry[] = [];
  more = false;
  actors: string[] = [];
  kind: HistoryKind | null = null;
  actor: string | null = null;
  listStatus: ListStatus = 'idle';
  /** Ticks while the list is shown, so "5 minutes ago" moves on. */
  now = Date.now();
  private watchers = 0;
  private stateSeq = 0;
  private listSeq = 0;
  private clock: ReturnType<typeof setInterval> | undefined;
  private lastToast: number | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable<HistoryStore, 'applyList'>(this, {
      state: observableRef,
      busy: observable,
      entries: observableRef,
      more: observable,
      actors: observableRef,
      kind: observable,
      actor: observable,
      listStatus: observable,
      now: observable,
      applyList: action,
      setFilters: action,
      context: computed,
      undoText: computed,
      redoText: computed,
      rows: computed,
    });
    reaction(
      () => [this.plan.revision, this.plan.file?.path],
      () => {
        void this.refreshState();
        if (this.watchers > 0) void this.reload();
      },
    );
  }

  /** What the describing functions need: the language, the plan currency, names of entities by id. */
  get context(): FieldContext {
    const collections = this.plan.collections;
    return {
      tr: this.ui.tr,
      currency: this.plan.settings?.currency ?? '',
      nameOf: (kind: CollectionKind, id: string) => {
        const e = collections[kind].get(id) as { name?: string; title?: string } | undefined;
        return e ? (e.name ?? e.title) : undefined;
      },
    };
  }

  /** "Undo: Changed tier of customer “Jiangnan Bank”", or null with nothing to undo. */
  get undoText(): string | null {
    return this.state.undo ? this.ui.tr.t('history.undoLabel', { what: describeEffect(this.state.undo, this.context) }) : null;
  }

  get redoText(): string | null {
    return this.state.redo ? this.ui.tr.t('history.redoLabel', { what: describeEffect(this.state.redo, this.context) }) : null;
  }

  get rows(): HistoryRow[] {
    const ctx = this.context;
    const { tr } = ctx;
    return this.entries.map((entry) => ({
      entry,
      when: formatWhen(entry.at, tr.locale),
      ago: formatAgo(entry.at, this.now, tr),
      what: describeEntry(entry, ctx),
      label: givenLabel(entry),
    }));
  }

  /** Old → new per entity of an entry (the first ones the host sent), and how many more it touched. */
  details(entry: HistoryEntry): { entities: EntityDetail[]; more: number } {
    const ctx = this.context;
    const { tr } = ctx;
    const entities = entry.entities.map((e, i): EntityDetail => {
      const kindKey = `history.kind.${e.kind}` as const;
      const named = tr.t('history.entityTitle', { kind: tr.t(kindKey), name: entityName(e.kind, e.after ?? e.before, ctx) });
      // A heading: "Customer “Jiangnan Bank”" (the kind word is lower-case for use inside sentences).
      const title = e.kind === 'plan' || e.kind === 'tiering' || e.kind === 'actuals' || e.op === 'reorder' ? tr.t(`history.kinds.${e.kind}`) : named.charAt(0).toLocaleUpperCase(tr.locale) + named.slice(1);
      const note =
        e.op === 'create' ? tr.t('history.created') : e.op === 'delete' ? tr.t('history.deleted') : e.op === 'reorder' ? tr.t('history.noFieldChanges') : null;
      return { key: `${i}:${e.kind}:${e.id ?? ''}`, title, note, changes: fieldChanges(e, ctx) };
    });
    return { entities, more: entry.entityCount - entry.entities.length };
  }

  async refreshState(): Promise<void> {
    const seq = ++this.stateSeq;
    try {
      const state = await this.client.invoke('history.state', {});
      if (seq === this.stateSeq) runInAction(() => (this.state = state));
    } catch {
      // No plan, or the host is gone: nothing can be undone; the frame shows why.
      if (seq === this.stateSeq) runInAction(() => (this.state = EMPTY));
    }
  }

  undo(): Promise<void> {
    return this.step('undo');
  }

  redo(): Promise<void> {
    return this.step('redo');
  }

  /**
   * The global undo of a deletion just made (the Customers screen's "Undo"
   * notice): only if the newest edit in effect deleted exactly `ids` of
   * `kind` — otherwise the rows would not come back but something else would
   * be taken back. The host checks the revision again, so nothing slips in between.
   */
  async undoDeletion(kind: CollectionKind, ids: readonly string[]): Promise<void> {
    await this.refreshState();
    const target = this.state.undo;
    const wanted = new Set(ids);
    const matches =
      target !== null &&
      target.tally.length === 1 &&
      target.tally[0]!.kind === kind &&
      target.tally[0]!.op === 'delete' &&
      target.entityCount === wanted.size &&
      target.entities.every((e) => e.id !== null && wanted.has(e.id));
    if (!matches) throw new ApiError('conflict', this.ui.tr.t('history.notLatest'), { reason: 'not-latest' });
    await this.step('undo', target.revision, true);
  }

  private async step(direction: 'undo' | 'redo', revision?: number, rethrow = false): Promise<void> {
    if (this.busy) return;
    const tr = this.ui.tr;
    const can = () => (direction === 'undo' ? this.state.canUndo : this.state.canRedo);
    // A key pressed right after an edit may beat the state's refresh: ask again before saying no.
    if (revision === undefined && !can()) await this.refreshState();
    if (revision === undefined && !can()) {
      this.ui.toast(tr.t(direction === 'undo' ? 'history.nothingToUndo' : 'history.nothingToRedo'));
      return;
    }
    runInAction(() => (this.busy = true));
    try {
      const res = await this.client.invoke(`history.${direction}`, revision === undefined ? {} : { revision });
      // The views follow the plan store; reload it now rather than wait for the host's event.
      await this.plan.load();
      this.announce(direction, res.value);
    } catch (e) {
      const error = toApiError(e);
      if (rethrow) throw error;
      this.ui.showError(error, tr.t(direction === 'undo' ? 'history.undoFailed' : 'history.redoFailed'));
    } finally {
      runInAction(() => (this.busy = false));
      await this.refreshState();
    }
  }

  private announce(direction: 'undo' | 'redo', outcome: UndoOutcome): void {
    const tr = this.ui.tr;
    const what = describeEffect(outcome.target, this.context);
    // One notice at a time: an older one's button would act on a stack that has moved on.
    if (this.lastToast !== null) this.ui.dismissToast(this.lastToast);
    if (direction === 'undo') this.ui.toast(tr.t('history.undone', { what }), { label: tr.t('history.redo'), run: () => void this.redo() });
    else this.ui.toast(tr.t('history.redone', { what }), { label: tr.t('history.undo'), run: () => void this.undo() });
    this.lastToast = this.ui.toasts.at(-1)?.id ?? null;
  }

  // ---- the list (History screen) ----

  /** The History screen calls this while it is shown; returns the function to call when it goes. */
  watch(): () => void {
    this.watchers += 1;
    if (this.watchers === 1) {
      this.clock = setInterval(() => runInAction(() => (this.now = Date.now())), CLOCK_MS);
      runInAction(() => (this.now = Date.now()));
      void this.reload();
    }
    return () => {
      this.watchers -= 1;
      if (this.watchers === 0) clearInterval(this.clock);
    };
  }

  setFilters(filters: { kind?: HistoryKind | null; actor?: string | null }): void {
    if (filters.kind !== undefined) this.kind = filters.kind;
    if (filters.actor !== undefined) this.actor = filters.actor;
    void this.reload();
  }

  /** The newest page again (after an edit, a filter change). */
  reload(): Promise<void> {
    return this.fetch(undefined);
  }

  loadMore(): Promise<void> {
    const last = this.entries.at(-1);
    return last ? this.fetch(last.id) : this.reload();
  }

  private async fetch(before: number | undefined): Promise<void> {
    const seq = ++this.listSeq;
    if (before === undefined && this.listStatus !== 'ready') runInAction(() => (this.listStatus = 'loading'));
    try {
      const page = await this.client.invoke('history.list', {
        limit: PAGE,
        ...(before !== undefined ? { before } : {}),
        ...(this.kind ? { kind: this.kind } : {}),
        ...(this.actor ? { actor: this.actor } : {}),
      });
      if (seq === this.listSeq) this.applyList(page.entries, page.more, page.actors, before !== undefined);
    } catch (e) {
      if (seq !== this.listSeq) return;
      runInAction(() => (this.listStatus = 'error'));
      this.ui.showError(toApiError(e), this.ui.tr.t('history.loadFailed'));
    }
  }

  private applyList(entries: HistoryEntry[], more: boolean, actors: string[], append: boolean): void {
    this.entries = append ? [...this.entries, ...entries] : entries;
    this.more = more;
    this.actors = actors;
    this.listStatus = 'ready';
  }
}
