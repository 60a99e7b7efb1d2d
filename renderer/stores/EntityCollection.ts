// One observable instance per entity id, kept across reloads: a reload
// updates the changed fields in place, so a row observing customer "c7"
// re-renders only when c7 changed, and references to it stay valid.
//
// The observables are made on first use (`get`, `list`): a plan of 50,000
// customers is held as plain values (`plain`, `plainList`), which is all the
// Customers grid and charts read, and only the customers a screen observes
// one by one (a detail panel, a goal's customer) become observables.
import { action, computed, makeObservable, observable, observableRef } from 'mobx';

export class EntityCollection<T extends { id: string }> {
  /** The collection's order, as in the plan. */
  ids: string[] = [];
  /** Moves whenever an entity is added, changed or removed, or the order changes. */
  version = 0;
  private readonly plainById = new Map<string, T>();
  /** The observables made so far, by id (a cache: membership is `ids`). */
  private readonly observed = new Map<string, T>();
  /**
   * The last `plainList` and the id list it followed, and the ids whose plain
   * value changed since: while the ids stay the same array, a change of a few
   * entities patches a copy of that list instead of looking up every id again
   * (50,000 customers: ~0.1 ms instead of ~3 ms).
   */
  private listed: { ids: string[]; list: T[] } | null = null;
  private readonly changedSince = new Set<string>();

  constructor() {
    makeObservable(this, {
      ids: observableRef,
      version: observable,
      list: computed,
      plainList: computed,
      size: computed,
      replaceAll: action,
      upsert: action,
      appendMany: action,
      remove: action,
      removeMany: action,
    });
  }

  get list(): T[] {
    return this.ids.map((id) => this.get(id)!);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The one observable of `id`, made on the first call; undefined when there is no such entity. */
  get(id: string): T | undefined {
    // Observing `ids` makes a reader of a missing id see it arrive (and a present one go).
    void this.ids;
    const plain = this.plainById.get(id);
    if (!plain) return undefined;
    let o = this.observed.get(id);
    if (!o) {
      // Shallow: `put` replaces a changed nested value (owners, relationship…) whole,
      // so observing the top-level fields is enough. observable() copies the top level;
      // the clone keeps nested values apart from the plain one.
      o = observable(structuredClone(plain), undefined, { deep: false });
      this.observed.set(id, o);
    }
    return o;
  }

  /** The plain (non-observable) value of `id`, the same object until it changes. Read-only. */
  plain(id: string): T | undefined {
    return this.plainById.get(id);
  }

  /** Plain values in the collection's order; recomputed when `version` moves. Read-only. */
  get plainList(): T[] {
    void this.version;
    const ids = this.ids;
    const last = this.listed;
    const list = last && last.ids === ids ? this.patched(last.list) : ids.map((id) => this.plainById.get(id)!);
    this.listed = { ids, list };
    this.changedSince.clear();
    return list;
  }

  /** A copy of the last plainList with the entities changed since put in; every id when one is not in it. */
  private patched(last: readonly T[]): T[] {
    const list = last.slice();
    for (const id of this.changedSince) {
      const i = this.ids.indexOf(id);
      if (i < 0) return this.ids.map((x) => this.plainById.get(x)!);
      list[i] = this.plainById.get(id)!;
    }
    return list;
  }

  /**
   * Reconcile with a fresh list from the host. `owned`: the items are the
   * caller's to give away (freshly decoded, referenced nowhere else), so they
   * are kept as they are instead of copied.
   */
  replaceAll(items: readonly T[], owned = false): void {
    const keep = new Set<string>();
    let changed = false;
    for (const item of items) {
      keep.add(item.id);
      if (this.put(item, owned)) changed = true;
    }
    if (keep.size !== this.plainById.size)
      for (const id of [...this.plainById.keys()])
        if (!keep.has(id)) {
          this.forget(id);
          changed = true;
        }
    const ids = items.map((i) => i.id);
    if (!sameList(ids, this.ids)) {
      this.ids = ids;
      changed = true;
    }
    if (changed) this.version += 1;
  }

  /** Insert or update one entity; a new one goes at `index` (default: last). */
  upsert(item: T, index?: number): void {
    const isNew = !this.plainById.has(item.id);
    const changed = this.put(item);
    if (isNew) {
      const ids = [...this.ids];
      ids.splice(index ?? ids.length, 0, item.id);
      this.ids = ids;
    }
    if (changed) this.version += 1;
  }

  /** Insert or update many entities; new ones go last, in order, with one copy of the id list. */
  appendMany(items: readonly T[], owned = false): void {
    const added: string[] = [];
    let changed = false;
    for (const item of items) {
      const isNew = !this.plainById.has(item.id);
      if (this.put(item, owned)) changed = true;
      if (isNew) added.push(item.id);
    }
    if (added.length > 0) this.ids = this.ids.concat(added);
    if (changed) this.version += 1;
  }

  remove(id: string): void {
    this.removeMany([id]);
  }

  removeMany(ids: readonly string[]): void {
    const gone = new Set(ids);
    for (const id of gone) this.forget(id);
    this.ids = this.ids.filter((i) => !gone.has(i));
    this.version += 1;
  }

  /** Puts the ids in `order` (ids of this collection, each once), after upserts and removals from a change list. */
  setOrder(order: readonly string[]): void {
    if (sameList(order, this.ids)) return;
    this.ids = [...order];
    this.version += 1;
  }

  private forget(id: string): void {
    this.plainById.delete(id);
    this.observed.delete(id);
  }

  /** True when the entity is new or any field changed. */
  private put(item: T, owned = false): boolean {
    const before = this.plainById.get(item.id);
    // An unchanged entity keeps its plain object, so caches keyed by it stay warm.
    if (before && sameFields(before, item)) return false;
    const plain = owned ? item : structuredClone(item);
    this.plainById.set(item.id, plain);
    // Many changes at once: the next plainList looks every id up (see `listed`).
    if (this.changedSince.size < PATCH_LIMIT) this.changedSince.add(item.id);
    else this.listed = null;
    const o = this.observed.get(item.id);
    if (o) {
      const target = o as Record<string, unknown>;
      const next = plain as Record<string, unknown>;
      for (const key of Object.keys(next))
        if (!sameValue(target[key], next[key])) target[key] = typeof next[key] === 'object' ? structuredClone(next[key]) : next[key];
      for (const key of Object.keys(target)) if (!(key in next)) delete target[key];
    }
    return true;
  }
}

/** Changed entities up to which plainList patches its last list (each patch finds its id's place by a scan). */
const PATCH_LIMIT = 64;

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(y);
  if (keys.length !== Object.keys(x).length) return false;
  for (const key of keys) if (!(key in x) || !sameValue(x[key], y[key])) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
