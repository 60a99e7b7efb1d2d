// Schema version 3: undo and redo state in the history, so both survive
// closing the plan (the state lives in the file, like everything else).
// - changes.undo_of: set on the entry an undo or redo recorded, naming the
//   edit it took back or put back (its method is 'history.undo' / 'history.redo').
// - changes.undone: 1 while an edit is taken back. Edits stay in the history
//   when undone (the audit trail shows both the edit and its undo).
// undo_of has no foreign key: history rows are never deleted or renumbered,
// and every reference in the schema is ON UPDATE CASCADE by rule, which means
// nothing for an INTEGER PRIMARY KEY.
// Which edit redo acts on is derived from these two (see store/history.ts):
// the most recent undo since the last new edit whose target is still undone.
import type { Migration } from './types';

const SCHEMA = `
ALTER TABLE changes ADD COLUMN undo_of INTEGER;
ALTER TABLE changes ADD COLUMN undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1));
CREATE INDEX changes_undo_of ON changes(undo_of);
`;

export const migration003: Migration = {
  version: 3,
  name: 'history undo state',
  up: (db) => db.exec(SCHEMA),
};
