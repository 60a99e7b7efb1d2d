// One observable instance per entity id, kept across reloads: a reload
// updates the changed fields in place, so a row observing customer "c7"
// re-renders only when c7 changed, and references to it stay valid.
import { action, computed, makeObservable, observable, observableRef, type ObservableMap } from 'mobx';

export class EntityCollection<T extends { id: string }> {
  readonly byId: ObservableMap<string, T> = observable.map<string, T>({}, { deep: false });
  /** The collection's order, as in the plan. */
  ids: string[] = [];
  /** Moves whenever an entity is added, changed or removed, or the order changes. */
  version = 0;
  private readonly plainById = new Map<string, T>();

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
    return this.ids.map((id) => this.byId.get(id)!);
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** The plain (non-observable) value of `id`, the same object until it changes. Read-only. */
  plain(id: string): T | undefined {
    return this.plainById.get(id);
  }

  /** Plain values in the collection's order; recomputed when `version` moves. Read-only. */
  get plainList(): T[] {
    void this.version;
    return this.ids.map((id) => this.plainById.get(id)!);
  }

  /** Reconcile with a fresh list from the host. */
  replaceAll(items: readonly T[]): void {
    const keep = new Set<string>();
    let changed = false;
    for (const item of items) {
      keep.add(item.id);
      if (this.put(item)) changed = true;
    }
    for (const id of [...this.byId.keys()])
      if (!keep.has(id)) {
        this.byId.delete(id);
        this.plainById.delete(id);
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
    const isNew = !this.byId.has(item.id);
    const changed = this.put(item);
    if (isNew) {
      const ids = [...this.ids];
      ids.splice(index ?? ids.length, 0, item.id);
      this.ids = ids;
    }
    if (changed) this.version += 1;
  }

  /** Insert or update many entities; new ones go last, in order, with one copy of the id list. */
  appendMany(items: readonly T[]): void {
    const added: string[] = [];
    let changed = false;
    for (const item of items) {
      const isNew = !this.byId.has(item.id);
      if (this.put(item)) changed = true;
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
    for (const id of gone) {
      this.byId.delete(id);
      this.plainById.delete(id);
    }
    this.ids = this.ids.filter((i) => !gone.has(i));
    this.version += 1;
  }

  /** True when the entity is new or any field changed. */
  private put(item: T): boolean {
    const existing = this.byId.get(item.id);
    if (!existing) {
      // observable() copies what it is given, so the one clone can also be the plain value.
      // Shallow: `put` replaces a changed nested value (owners, relationship…) whole, so
      // observing the top-level fields is enough — and 50,000 customers make 50,000
      // observables instead of five times as many.
      const copy = structuredClone(item);
      this.byId.set(item.id, observable(copy, undefined, { deep: false }));
      this.plainById.set(item.id, copy);
      return true;
    }
    let changed = false;
    const target = existing as Record<string, unknown>;
    const next = item as Record<string, unknown>;
    for (const key of Object.keys(next)) {
      if (JSON.stringify(target[key]) !== JSON.stringify(next[key])) {
        target[key] = structuredClone(next[key]);
        changed = true;
      }
    }
    for (const key of Object.keys(target))
      if (!(key in next)) {
        delete target[key];
        changed = true;
      }
    // An unchanged entity keeps its plain object, so caches keyed by it stay warm.
    if (changed) this.plainById.set(item.id, structuredClone(item));
    return changed;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
