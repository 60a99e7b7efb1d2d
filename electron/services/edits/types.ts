// The edits the services commit: the contract's per-entity operations, a
// reorder, and a settings patch; and what one transaction tracks about them.
import type { CollectionKind, Edit } from '../../../shared/api/contract';
import type { Actual, PlanSettings, Tiering } from '../../../shared/plan/types';
import type { ChangeItem } from '../../store';

export type PlanEdit =
  | Edit
  | { kind: CollectionKind; op: 'reorder'; ids: string[] }
  // `replace`: the patch is the whole settings; optional fields it lacks are removed (undo/redo).
  | { kind: 'plan'; op: 'update'; patch: Partial<PlanSettings>; replace?: boolean }
  | SingletonEdit;

/** The parts of a plan that are written whole: the tiering rule (null: none) and the list of actuals. */
export type SingletonEdit = { kind: 'tiering'; op: 'update'; value: Tiering | null } | { kind: 'actuals'; op: 'update'; value: Actual[] };
export const SINGLETON_KINDS = ['tiering', 'actuals'] as const;
export type SingletonKind = (typeof SINGLETON_KINDS)[number];
export function isSingletonKind(kind: string): kind is SingletonKind {
  return (SINGLETON_KINDS as readonly string[]).includes(kind);
}

/** The collections small enough (≤ 1,000 entities) to re-check whole after an edit. */
export const SMALL_KINDS = ['phases', 'funnels', 'segments', 'scenarios', 'decisions'] as const;
/** Collections checked entity by entity: only what an edit touched. */
export const LARGE_KINDS = ['customers', 'goals', 'targets'] as const;
export type LargeKind = (typeof LARGE_KINDS)[number];

export function isSmallKind(kind: string): boolean {
  return (SMALL_KINDS as readonly string[]).includes(kind);
}
export function isLargeKind(kind: string): kind is LargeKind {
  return (LARGE_KINDS as readonly string[]).includes(kind);
}

/** What one transaction's edits did, for the checks that run before it commits. */
export class EditTracker {
  readonly items: ChangeItem[] = [];
  /** Collections with gaps in `position` (after deletes), renumbered before commit. */
  readonly gaps = new Set<CollectionKind>();
  /** Settings, phases, funnels, segments, scenarios, decisions, tiering or actuals changed: re-check those rules. */
  smallChanged = false;
  /** A funnel or segment changed: customers' entry stages may no longer exist. */
  funnelsOrSegmentsChanged = false;
  /** Ids (as they are now) of created or updated customers, goals and targets. */
  readonly touched: Record<LargeKind, Set<string>> = { customers: new Set(), goals: new Set(), targets: new Set() };
  readonly deleted: { kind: CollectionKind; id: string; name: string }[] = [];

  noteWritten(kind: CollectionKind, id: string, oldId?: string): void {
    // A target's phase is part of the exit-check rule (a check names a target of its own phase).
    if (isSmallKind(kind) || kind === 'targets') this.smallChanged = true;
    if (kind === 'funnels' || kind === 'segments') this.funnelsOrSegmentsChanged = true;
    if (isLargeKind(kind)) {
      if (oldId !== undefined) this.touched[kind].delete(oldId);
      this.touched[kind].add(id);
    }
  }

  noteDeleted(kind: CollectionKind, id: string, name: string): void {
    if (isSmallKind(kind)) this.smallChanged = true;
    if (isLargeKind(kind)) this.touched[kind].delete(id);
    this.gaps.add(kind);
    this.deleted.push({ kind, id, name });
  }
}

/** JSON with object keys sorted: equal for equal values whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What an entity is called in messages: its name, a goal's title, else its id. */
export function displayName(entity: unknown): string {
  const e = entity as { id?: string; name?: string; title?: string };
  return e.name ?? e.title ?? e.id ?? '';
}
