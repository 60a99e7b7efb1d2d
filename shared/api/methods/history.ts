// API methods: Undo, redo and the change history.
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
//
// Every committed edit is one history entry (see docs/plan-file.md, "Edits
// and the changes table"). Undo applies the inverse of the newest edit still
// in effect as one transaction and records it as an entry of its own
// (kind 'undo'); redo re-applies the most recently undone edit (kind 'redo')
// as long as no new edit was made since. The undone edit stays in the list,
// marked `undone`, so the audit trail shows every movement of a value: the
// edit, and the undo that took it back, each with who, when, old → new.
import { z } from 'zod';
import { method, none, returns } from '../define';
import type { CollectionKind, EditResult } from '../collections';

/** What an entry touched: a collection, 'plan' for the plan settings, 'tiering' or 'actuals' (each written whole). */
export type HistoryKind = CollectionKind | 'plan' | 'tiering' | 'actuals';
export const HISTORY_KINDS = [
  'plan',
  'phases',
  'funnels',
  'segments',
  'people',
  'customers',
  'goals',
  'targets',
  'scenarios',
  'decisions',
  'tiering',
  'actuals',
] as const satisfies readonly HistoryKind[];

/** One entity an entry touched, as plan-format JSON before and after (null: did not exist). */
export interface HistoryEntity {
  kind: HistoryKind;
  op: 'create' | 'update' | 'delete' | 'reorder';
  /** The entity's id after the change (before it, for a delete); null for settings and reorders. */
  id: string | null;
  /** Plan-format JSON; a reorder carries no id lists here (they can be 50,000 ids long). */
  before: unknown;
  after: unknown;
}

export type HistoryEntryType = 'edit' | 'undo' | 'redo';

export interface HistoryEntry {
  id: number;
  /** The plan revision this entry produced. */
  revision: number;
  /** ISO time (UTC). */
  at: string;
  actor: string;
  /** The API method that made the change ('customers.update', 'plan.batch', 'history.undo', …). */
  method: string;
  /** English one-line summary (or the batch's own label); views build a localised text from the entities. */
  summary: string;
  type: HistoryEntryType;
  /** For an undo or redo: the entry it took back or put back. */
  undoOf: number | null;
  /** An edit that is undone now: its effect is not in the plan. */
  undone: boolean;
  /** The first entities touched, at most MAX_ENTITIES_PER_ENTRY (a batch can touch 50,000). */
  entities: HistoryEntity[];
  /** How many entities the entry touched in all. */
  entityCount: number;
  /** How many entities of each kind each operation touched, over all of them (for "12 customers changed"). */
  tally: { kind: HistoryKind; op: HistoryEntity['op']; count: number }[];
  /** For an undo or redo: what the edit it acted on touched (a few entities), to word "Undo: <that edit>". */
  target?: HistoryEffect;
}

export type HistoryEffect = Pick<HistoryEntry, 'entities' | 'tally' | 'entityCount'>;

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Older entries exist: ask again with `before` = the last entry's id. */
  more: boolean;
  /** Everyone who has edited this plan, for filtering. */
  actors: string[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** English labels ("Undo: Changed customer “Jiangnan Bank”"), for the native menu and logs. */
  undoLabel: string | null;
  redoLabel: string | null;
  /** The entries undo and redo would act on, so views can word the labels in their language. */
  undo: HistoryEntry | null;
  redo: HistoryEntry | null;
}

/** What undo and redo answer: the entry they took back or put back, and the entry recording it. */
export interface UndoOutcome {
  target: HistoryEntry;
  /** Null when the plan already matched (nothing had to change). */
  recorded: HistoryEntry | null;
}

/**
 * Input types that hold no editable text: with focus there, Ctrl/Cmd+Z means
 * the plan's undo; in any other input, a textarea, a select or editable
 * content it is left to the browser's own text undo (renderer shortcuts and
 * the Electron Edit menu decide the same way).
 */
export const NON_TEXT_INPUT_TYPES = ['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit'] as const;

export const MAX_ENTITIES_PER_ENTRY = 20;
export const MAX_HISTORY_PAGE = 200;

const expectArg = z.strictObject({ revision: z.number().int().min(1).optional() });

export const historyMethods = {
  /** Entries newest first, `limit` at a time (default 50); `before` pages on; filters by kind and person. */
  'history.list': method(
    z.strictObject({
      limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
      before: z.number().int().min(1).optional(),
      kind: z.enum(HISTORY_KINDS).optional(),
      actor: z.string().min(1).max(200).optional(),
    }),
    returns<HistoryPage>(),
  ),
  'history.state': method(none, returns<HistoryState>()),
  /**
   * Takes back the newest edit still in effect, as one transaction. Nothing to
   * undo: conflict, details.reason 'nothing-to-undo'. With `revision`, only if
   * that edit is the one that made this revision (else reason 'not-latest').
   */
  'history.undo': method(expectArg, returns<EditResult<UndoOutcome>>()),
  /** Puts back the most recently undone edit, unless a new edit was made since (conflict, details.reason 'nothing-to-redo'). */
  'history.redo': method(expectArg, returns<EditResult<UndoOutcome>>()),
} as const;
