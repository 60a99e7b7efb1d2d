// The open plan, as observables. Loads `plan.load` (the customers in
// columns; after the first load only what changed since the revision shown),
// keeps one observable per entity id (EntityCollection), exposes computed
// getters for the views, and
// writes through actions that call the API and apply the answer. Other
// windows, the CLI or a file switch announce themselves as events; the store
// reloads when an event says the plan moved past what it shows.
import { action, computed, makeObservable, observable, observableRef, runInAction, toJS } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import { COLLECTIONS, type CollectionKind, type EntityOf, type Edit, type FileInfo } from '../../shared/api/contract';
import { decodeCustomers } from '../../shared/api/customer-columns';
import type { PlanLoad } from '../../shared/api/methods/plan-load';
import { ApiError } from '../../shared/api/result';
import type { ActualCell } from '../../shared/api/methods/tracking';
import { TIERS, type Actual, type PlanSettings, type Tier, type Tiering } from '../../shared/plan/types';
import type { RendererEvent } from '../api/events';
import { EntityCollection } from './EntityCollection';

export type LoadStatus = 'loading' | 'ready' | 'no-plan' | 'error';

type Collections = { [K in CollectionKind]: EntityCollection<EntityOf<K> & { id: string }> };

export interface TierSummary {
  tier: Tier;
  count: number;
  potential: number;
}

export class PlanStore {
  status: LoadStatus = 'loading';
  loadError: ApiError | null = null;
  file: FileInfo | null = null;
  revision = -1;
  settings: PlanSettings | null = null;
  /** The plan's tiering rule (plan-format v2 `tiering`), null when it has none. */
  tiering: Tiering | null = null;
  /** The plan's monthly actuals (plan-format v2), replaced whole on every load and write. */
  actuals: readonly Actual[] = [];
  readonly collections: Collections = {
    phases: new EntityCollection(),
    funnels: new EntityCollection(),
    segments: new EntityCollection(),
    people: new EntityCollection(),
    customers: new EntityCollection(),
    goals: new EntityCollection(),
    targets: new EntityCollection(),
    scenarios: new EntityCollection(),
    decisions: new EntityCollection(),
  };
  /** The revision up to which this store holds every change (what plan.load's `since` may name):
   * a write of ours answered with a revision further on leaves a gap another window's edit fills. */
  private completeUpTo = -1;
  private loadSeq = 0;
  private writes: Promise<unknown> = Promise.resolve();
  private queuedWrites = 0;
  /** Writes of ours not yet answered, and the highest revision events announced meanwhile
   * (the host announces a write before its answer arrives: the answer decides whether to reload). */
  private writesInFlight = 0;
  private announcedDuringWrites = -1;
  private latestLoad: Promise<void> = Promise.resolve();
  /** Loads not yet applied, and whether the event stream (re)opened meanwhile: what those
   * loads bring may predate the stream, so one more load (since their revision) follows. */
  private loadsPending = 0;
  private recheckAfterLoads = false;

  constructor(private readonly client: ApiClient) {
    makeObservable<PlanStore, 'applyLoad' | 'applyEdits'>(this, {
      status: observable,
      loadError: observableRef,
      file: observableRef,
      revision: observable,
      settings: observable,
      tiering: observableRef,
      actuals: observableRef,
      applyLoad: action,
      applyEdits: action,
      tierSummary: computed,
      totalPotential: computed,
      counts: computed,
    });
  }

  /** Fetch the plan (what changed since the revision shown, when the host can
   * tell). Answers to older requests are dropped, and a call
   * overtaken by a newer one resolves only when that one is applied, so
   * `await load()` always leaves the freshest plan in the store. */
  async load(): Promise<void> {
    this.loadsPending++;
    try {
      let mine = this.fetchAndApply(++this.loadSeq);
      this.latestLoad = mine;
      await mine;
      while (this.latestLoad !== mine) {
        mine = this.latestLoad;
        await mine;
      }
    } finally {
      this.loadsPending--;
    }
    if (this.loadsPending === 0 && this.recheckAfterLoads) {
      this.recheckAfterLoads = false;
      await this.load();
    }
  }

  private async fetchAndApply(seq: number): Promise<void> {
    if (this.status !== 'ready') runInAction(() => (this.status = 'loading'));
    try {
      const shown = this.status === 'ready' && this.file && this.completeUpTo >= 0 ? { path: this.file.path, revision: this.completeUpTo } : null;
      let loaded = await this.client.invoke('plan.load', shown ? { since: shown } : {});
      // Changes since a revision of another file than the one shown now (a switch meanwhile): take the whole plan.
      if (seq === this.loadSeq && loaded.customers.kind === 'changes' && this.file?.path !== loaded.file.path)
        loaded = await this.client.invoke('plan.load', {});
      if (seq === this.loadSeq) this.applyLoad(loaded);
    } catch (e) {
      if (seq !== this.loadSeq) return;
      const error = toApiError(e);
      runInAction(() => {
        this.loadError = error;
        this.status = error.code === 'no_plan_open' ? 'no-plan' : 'error';
      });
    }
  }

  handleEvent(e: RendererEvent): void {
    switch (e.type) {
      case 'plan-changed':
        // Our own write announces itself before its answer arrives: let the answer decide.
        if (e.path === this.file?.path && this.writesInFlight > 0) {
          this.announcedDuringWrites = Math.max(this.announcedDuringWrites, e.revision);
          return;
        }
        // Past what the store holds whole: a newer plan, or an edit between two of ours.
        if (e.path !== this.file?.path || e.revision > this.completeUpTo) void this.load();
        return;
      case 'file-opened':
        if (e.path !== this.file?.path) void this.load();
        return;
      case 'reconnected':
        // Events before the stream opened were announced to no one. A load in flight (the
        // first one, at start) may have been answered before the stream opened: once it is
        // applied, one more load asks what changed since (on a big plan, not a second whole load).
        if (this.loadsPending > 0) this.recheckAfterLoads = true;
        else void this.load();
        return;
      case 'simulation-progress':
      case 'simulation-finished':
        return; // the SimulationStore's
      case 'export-progress':
      case 'export-finished':
        return; // the Export screen's
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private applyLoad(s: PlanLoad): void {
    if (this.file?.path === s.file.path && s.revision < this.revision) return;
    this.file = s.file;
    this.revision = s.revision;
    this.completeUpTo = s.revision;
    if (!this.settings) this.settings = { ...s.plan.plan };
    else replaceFields(this.settings, s.plan.plan);
    this.tiering = s.plan.tiering ?? null;
    this.actuals = s.plan.actuals ?? [];
    for (const kind of Object.keys(this.collections) as CollectionKind[])
      if (kind !== 'customers') this.coll(kind).replaceAll(s.plan[kind] ?? []);
    const customers = this.collections.customers;
    const part = s.customers;
    if (part.kind === 'all') customers.replaceAll(decodeCustomers(part.columns), true);
    else {
      if (part.remove.length > 0) customers.removeMany(part.remove);
      customers.appendMany(part.upsert, true);
      if (part.order) customers.setOrder(part.order);
    }
    this.loadError = null;
    this.status = 'ready';
  }

  /** A write of ours committed `revision`. */
  private wrote(revision: number): void {
    if (revision === this.completeUpTo + 1) this.completeUpTo = revision;
    this.revision = revision;
  }

  /** The collection of `kind`, seen through what all collections share. */
  private coll(kind: CollectionKind): EntityCollection<{ id: string }> {
    return this.collections[kind] as unknown as EntityCollection<{ id: string }>;
  }

  // ---- writes: each calls the API, then applies the answer ----

  create<K extends CollectionKind>(kind: K, value: EntityOf<K>, index?: number): Promise<EntityOf<K>> {
    return this.inOrder(async () => {
      const res = await this.client.invoke(`${kind}.create`, { value, index } as never);
      const { revision, value: created } = res as { revision: number; value: EntityOf<K> & { id: string } };
      runInAction(() => {
        this.coll(kind).upsert(created, index);
        this.wrote(revision);
      });
      return created;
    });
  }

  /** Replace entity `id` with `value`. Editors build `value` from the entity
   * as they saw it; when two quick edits of one entity overlap (leave one
   * field, then commit another), the second would be built on the state before
   * the first and undo it. So only the fields this edit changed are sent, laid
   * over whatever is stored when its turn comes, and writes go in order. */
  update<K extends CollectionKind>(kind: K, id: string, value: EntityOf<K>): Promise<EntityOf<K>> {
    const seen = this.coll(kind).get(id);
    const base = seen ? (toJS(seen) as Record<string, unknown>) : undefined;
    return this.inOrder(async () => {
      const latest = this.coll(kind).get(id);
      const toSend = base && latest ? rebase(base, value as unknown as Record<string, unknown>, toJS(latest) as Record<string, unknown>) : value;
      const res = await this.client.invoke(`${kind}.update`, { id, value: toSend } as never);
      const { revision, value: updated } = res as { revision: number; value: EntityOf<K> & { id: string } };
      if (updated.id !== id) {
        // A renamed id: references elsewhere followed it, so take the whole plan.
        await this.load();
        return updated;
      }
      runInAction(() => {
        this.coll(kind).upsert(updated);
        this.wrote(revision);
      });
      return updated;
    });
  }

  /** Runs writes one after another in the order the user made them (two HTTP
   * requests in flight may otherwise reach the host in either order). */
  private inOrder<T>(write: () => Promise<T>): Promise<T> {
    this.writesInFlight += 1;
    // Nothing queued: start at once, so a lone write is sent in this very tick.
    const started = this.queuedWrites === 0 ? write() : this.writes.then(write, write);
    const run = started.finally(() => this.writeSettled());
    this.queuedWrites += 1;
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.writes = settled.then(() => {
      this.queuedWrites -= 1;
    });
    return run;
  }

  /** After the last of our writes in flight: our own answers moved the store on, so events
   * meanwhile need a reload only for a revision it does not hold whole — another writer's,
   * past ours or between two of ours (completeUpTo stops below it; plan.load's `since` fills it). */
  private writeSettled(): void {
    this.writesInFlight -= 1;
    if (this.writesInFlight > 0) return;
    const announced = this.announcedDuringWrites;
    this.announcedDuringWrites = -1;
    if (announced > this.completeUpTo) void this.load();
  }

  remove(kind: CollectionKind, id: string): Promise<void> {
    return this.inOrder(async () => {
      const { revision } = await this.client.invoke(`${kind}.delete`, { id });
      runInAction(() => {
        this.collections[kind].remove(id);
        this.wrote(revision);
      });
    });
  }

  reorder(kind: CollectionKind, ids: string[]): Promise<void> {
    return this.inOrder(async () => {
      await this.client.invoke(`${kind}.reorder`, { ids });
      await this.load();
    });
  }

  batch(edits: Edit[], label?: string): Promise<void> {
    return this.inOrder(() => this.commitBatch(edits, label));
  }

  private async commitBatch(edits: Edit[], label?: string): Promise<void> {
    const before = this.revision;
    const { revision } = await this.client.invoke('plan.batch', { edits, label } as never);
    // Re-reading a 50,000-customer plan takes seconds; the batch's own edits
    // are already known, so apply them here — unless something else changed
    // the plan meanwhile or an id was renamed (references elsewhere follow it).
    if (this.revision >= revision) return; // a reload meanwhile brought them
    const onlyOurs = revision === before + 1 && this.revision === before;
    const renames = edits.some((e) => e.op === 'update' && e.value.id !== e.id);
    if (onlyOurs && !renames) this.applyEdits(edits, revision);
    else await this.load();
  }

  /** Applies edits the host committed, normalised by the same schemas it parsed them with. */
  private applyEdits(edits: readonly Edit[], revision: number): void {
    for (let i = 0; i < edits.length; i++) {
      const edit = edits[i]!;
      const coll = this.coll(edit.kind);
      if (edit.op === 'delete') {
        // A run of deletes at once: removing one by one re-copies the id list each time.
        const ids = [edit.id];
        for (let next = edits[i + 1]; next?.op === 'delete' && next.kind === edit.kind; next = edits[i + 1]) {
          ids.push(next.id);
          i++;
        }
        coll.removeMany(ids);
      } else if (edit.op === 'create' && edit.index === undefined) {
        // A run of appends at once (an import): one copy of the id list, not one per row.
        const schema = COLLECTIONS[edit.kind].schema;
        const values = [schema.parse(edit.value) as { id: string }];
        for (let next = edits[i + 1]; next?.op === 'create' && next.kind === edit.kind && next.index === undefined; next = edits[i + 1]) {
          values.push(schema.parse(next.value) as { id: string });
          i++;
        }
        coll.appendMany(values);
      } else {
        const value = COLLECTIONS[edit.kind].schema.parse(edit.value) as { id: string };
        coll.upsert(value, edit.op === 'create' ? edit.index : undefined);
      }
    }
    this.wrote(revision);
  }

  /** Set or remove (value null) cells of the actuals: one edit, undoable. */
  setActuals(cells: ActualCell[]): Promise<void> {
    return this.inOrder(async () => {
      const { revision, value } = await this.client.invoke('actuals.set', { cells });
      runInAction(() => {
        if (revision <= this.revision) return;
        this.actuals = value;
        this.wrote(revision);
      });
    });
  }

  updateSettings(patch: Partial<PlanSettings>): Promise<void> {
    return this.inOrder(async () => {
      const { revision, value } = await this.client.invoke('plan.updateSettings', { patch });
      runInAction(() => {
        if (this.settings) replaceFields(this.settings, value);
        else this.settings = value;
        this.wrote(revision);
      });
    });
  }

  /** Keeps `rule` as the plan's tiering rule (null removes it): one edit, undoable like any other. */
  async setTiering(rule: Tiering | null): Promise<void> {
    await this.inOrder(async () => {
      const { revision, value } = await this.client.invoke('tiering.set', { tiering: rule });
      runInAction(() => {
        this.tiering = value;
        this.wrote(revision);
      });
    });
  }

  // ---- computed views ----

  get tierSummary(): TierSummary[] {
    const byTier = new Map<Tier, TierSummary>(TIERS.map((tier) => [tier, { tier, count: 0, potential: 0 }]));
    // Plain values: tracking two fields of 50,000 observable customers costs more than the sum.
    for (const c of this.collections.customers.plainList) {
      const row = byTier.get(c.tier)!;
      row.count += 1;
      row.potential += c.potential;
    }
    return TIERS.map((t) => byTier.get(t)!);
  }

  get totalPotential(): number {
    return this.tierSummary.reduce((sum, row) => sum + row.potential, 0);
  }

  get counts(): Record<CollectionKind, number> {
    const out = {} as Record<CollectionKind, number>;
    for (const kind of Object.keys(this.collections) as CollectionKind[]) out[kind] = this.collections[kind].size;
    return out;
  }
}

/** `latest` with what differs between `base` and `next` taken from `next`,
 * field by field, recursing into nested objects (a scenario's `adjust`, a
 * customer's `owners`) and into the items of arrays whose length the edit
 * and the stored entity kept (a scenario's stage adjustments: picking the
 * stage, then quickly its factor, must keep both); an array that changed
 * length, and a range, are taken whole. */
export function rebase(
  base: Record<string, unknown>,
  next: Record<string, unknown>,
  latest: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...latest };
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    const [b, n, l] = [base[key], next[key], latest[key]];
    if (JSON.stringify(b) === JSON.stringify(n)) continue;
    if (isRecord(b) && isRecord(n) && isRecord(l) && !isRange(n)) out[key] = rebase(b, n, l);
    else if (Array.isArray(b) && Array.isArray(n) && Array.isArray(l) && b.length === n.length && n.length === l.length) out[key] = rebaseItems(b, n, l);
    else if (key in next && n !== undefined) out[key] = n;
    else delete out[key];
  }
  return out;
}

/** rebase, item by item, for arrays of one length. */
function rebaseItems(base: unknown[], next: unknown[], latest: unknown[]): unknown[] {
  return next.map((n, i) => {
    const [b, l] = [base[i], latest[i]];
    if (JSON.stringify(b) === JSON.stringify(n)) return l;
    return isRecord(b) && isRecord(n) && isRecord(l) && !isRange(n) ? rebase(b, n, l) : n;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// A {min, mode, max} range is one value: never merge half of one into another.
function isRange(v: Record<string, unknown>): boolean {
  return 'mode' in v && 'min' in v && 'max' in v;
}

function replaceFields<T extends object>(target: T, next: T): void {
  const t = target as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  for (const key of Object.keys(n)) if (t[key] !== n[key]) t[key] = n[key];
  for (const key of Object.keys(t)) if (!(key in n)) delete t[key];
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('internal', e instanceof Error ? e.message : String(e));
}
