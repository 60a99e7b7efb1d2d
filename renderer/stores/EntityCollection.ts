// One observable instance per entity id, kept across reloads: a reload
// updates the changed fields in place, so a row observing customer "c7"
// re-renders only when c7 changed, and references to it stay valid.
import { action, computed, makeObservable, observable, observableRef, type ObservableMap } from 'mobx';

export class EntityCollection<T extends { id: string }> {
  readonly byId: ObservableMap<string, T> = observable.map<string, T>({}, { deep: false });
  /** The collection's order, as in the plan. */
  ids: string[] = [];

  constructor() {
    makeObservable(this, {
      ids: observableRef,
      list: computed,
      size: computed,
      replaceAll: action,
      upsert: action,
      remove: action,
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

  /** Reconcile with a fresh list from the host. */
  replaceAll(items: readonly T[]): void {
    const keep = new Set<string>();
    for (const item of items) {
      keep.add(item.id);
      this.put(item);
    }
    for (const id of [...this.byId.keys()]) if (!keep.has(id)) this.byId.delete(id);
    const ids = items.map((i) => i.id);
    if (!sameList(ids, this.ids)) this.ids = ids;
  }

  /** Insert or update one entity; a new one goes at `index` (default: last). */
  upsert(item: T, index?: number): void {
    const isNew = !this.byId.has(item.id);
    this.put(item);
    if (isNew) {
      const ids = [...this.ids];
      ids.splice(index ?? ids.length, 0, item.id);
      this.ids = ids;
    }
  }

  remove(id: string): void {
    this.byId.delete(id);
    this.ids = this.ids.filter((i) => i !== id);
  }

  private put(item: T): void {
    const existing = this.byId.get(item.id);
    if (!existing) {
      this.byId.set(item.id, observable(structuredClone(item)));
      return;
    }
    const target = existing as Record<string, unknown>;
    const next = item as Record<string, unknown>;
    for (const key of Object.keys(next)) {
      if (JSON.stringify(target[key]) !== JSON.stringify(next[key])) target[key] = structuredClone(next[key]);
    }
    for (const key of Object.keys(target)) if (!(key in next)) delete target[key];
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
