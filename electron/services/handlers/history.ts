// history.*: the change history of the open plan, and undo/redo
// (electron/services/history). See shared/api/methods/history.ts.
import type { Handlers } from '../../../shared/api/dispatch';
import { MAX_ENTITIES_PER_ENTRY } from '../../../shared/api/methods/history';
import { historyActors, listHistory } from '../../store/history';
import { historyState, undoOrRedo } from '../history/undo';
import type { PlannerSession } from '../session';

type HistoryHandlers = Pick<Handlers<PlannerSession>, 'history.list' | 'history.state' | 'history.undo' | 'history.redo'>;

const DEFAULT_PAGE = 50;

export const historyHandlers: HistoryHandlers = {
  'history.list': ({ limit, before, kind, actor }, s) => {
    const db = s.requireFile().db;
    const query = { limit: limit ?? DEFAULT_PAGE, ...(before !== undefined ? { before } : {}), ...(kind ? { kind } : {}), ...(actor ? { actor } : {}) };
    // One read transaction: the page and the actors list describe the same moment.
    return db.transaction(() => ({ ...listHistory(db, query, MAX_ENTITIES_PER_ENTRY), actors: historyActors(db) }))();
  },
  // Asked at start-up before a plan may be open: no plan, nothing to undo.
  'history.state': (_arg, s) => historyState(s.file?.db),
  'history.undo': ({ revision }, s) => undoOrRedo(s, 'undo', revision),
  'history.redo': ({ revision }, s) => undoOrRedo(s, 'redo', revision),
};
