// Undo and redo: the edits of edits.ts committed through the same path as
// every other edit (commitEdits: rule checks, history entry, revision bump),
// together with the undo state, in ONE transaction — a refusal or a crash
// changes nothing, and the state survives closing the file.
import type { EditResult } from '../../../shared/api/contract';
import {
  MAX_ENTITIES_PER_ENTRY,
  type HistoryEntry,
  type HistoryState,
  type UndoOutcome,
} from '../../../shared/api/methods/history';
import { ApiError } from '../../../shared/api/result';
import type { Db } from '../../store';
import { sqliteCode } from '../../store/errors';
import {
  changeIdAtRevision,
  markUndone,
  readChangeItems,
  readHistoryEntry,
  redoTarget,
  REDO_METHOD,
  undoTarget,
  UNDO_METHOD,
} from '../../store/history';
import { invalidPlanError } from '../edits/check';
import { commitEdits, type CommitResult } from '../edits/commit';
import type { PlannerSession } from '../session';
import { buildEdits, checkPlanMatches, type Direction } from './edits';

/** The state's entries carry only a few entities: enough to word "Undo: …". */
const STATE_ENTITIES = 5;
const LABEL_MAX = 200;

const VERB: Record<Direction, string> = { undo: 'Undo', redo: 'Redo' };

function label(direction: Direction, entry: HistoryEntry): string {
  const text = `${VERB[direction]}: ${entry.summary}`;
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

export function historyState(db: Db | undefined): HistoryState {
  const undoId = db ? undoTarget(db) : null;
  const redoId = db ? redoTarget(db) : null;
  const undo = db && undoId !== null ? readHistoryEntry(db, undoId, STATE_ENTITIES) : null;
  const redo = db && redoId !== null ? readHistoryEntry(db, redoId, STATE_ENTITIES) : null;
  return {
    canUndo: undo !== null,
    canRedo: redo !== null,
    undoLabel: undo ? label('undo', undo) : null,
    redoLabel: redo ? label('redo', redo) : null,
    undo,
    redo,
  };
}

function nothingTo(direction: Direction): ApiError {
  return direction === 'undo'
    ? new ApiError('conflict', 'There is nothing to undo: no edit of this plan is in effect', { reason: 'nothing-to-undo' })
    : new ApiError('conflict', 'There is nothing to redo: no edit was undone since the last change', { reason: 'nothing-to-redo' });
}

/** Undoes the newest edit in effect, or redoes the most recently undone one. */
/** `expected`: the revision the target edit made; refused (not-latest) when the target is another one. */
export function undoOrRedo(session: PlannerSession, direction: Direction, expected?: number): EditResult<UndoOutcome> {
  const file = session.requireFile();
  const db = file.db;
  const done: { target?: HistoryEntry; result?: CommitResult } = {};
  const run = db.transaction(() => {
    const targetId = direction === 'undo' ? undoTarget(db) : redoTarget(db);
    if (targetId === null) throw nothingTo(direction);
    const target = (done.target = readHistoryEntry(db, targetId, 0)!);
    if (expected !== undefined && target.revision !== expected)
      throw new ApiError('conflict', `The edit asked for is not the one ${direction} would act on: “${target.summary}” is`, {
        reason: 'not-latest',
        revision: target.revision,
      });
    const items = readChangeItems(db, targetId);
    checkPlanMatches(db, items, direction);
    const edits = buildEdits(db, items, direction);
    // commitEdits nests as a savepoint: the edits, their entry and the revision commit with the mark below or not at all.
    const result = (done.result = commitEdits(file, edits, {
      actor: session.options.actor,
      method: direction === 'undo' ? UNDO_METHOD : REDO_METHOD,
      label: label(direction, target),
    }));
    markUndone(db, targetId, direction === 'undo', result.changed ? result.revision : null);
  });
  try {
    run();
  } catch (e) {
    throw refused(direction, done.target, e);
  }
  const { revision, changed } = done.result!;
  if (changed) session.emit({ type: 'plan-changed', revision, path: file.path });
  const recordedId = changed ? changeIdAtRevision(db, revision) : null;
  return {
    revision,
    value: {
      target: readHistoryEntry(db, done.target!.id, MAX_ENTITIES_PER_ENTRY)!,
      recorded: recordedId === null ? null : readHistoryEntry(db, recordedId, MAX_ENTITIES_PER_ENTRY),
    },
  };
}

/** Says what was refused; the code and details (issues with their paths) stay those of the cause. */
function refused(direction: Direction, target: HistoryEntry | undefined, e: unknown): unknown {
  // Deferred foreign keys are checked when the outer transaction commits, after commitEdits's own mapping.
  const cause =
    !(e instanceof ApiError) && sqliteCode(e).startsWith('SQLITE_CONSTRAINT') ? invalidPlanError([{ path: '', message: (e as Error).message }]) : e;
  if (!(cause instanceof ApiError) || !target) return cause;
  return new ApiError(cause.code, `${VERB[direction]} of “${target.summary}” was refused; nothing was changed. ${cause.message}`, cause.details);
}
