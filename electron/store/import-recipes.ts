// Remembered customer-import choices (shared/import ImportRecipe: columns,
// values maps, potential factor), one JSON text per kind of file in the plan
// file's meta key/value table under `import.recipe:<header key>`.
// Why meta: plan-format v2 has no key for them, and meta exists in every file
// since schema version 1, so no migration is needed. They are not plan edits:
// no revision bump, no history entry, and JSON export leaves them out.
// A stored text that no longer parses is ignored (the user maps again).
import { importRecipeSchema, type ImportRecipe } from '../../shared/api/methods/import';
import { stmt, type Db } from './sql';

const PREFIX = 'import.recipe:';
/** Kinds of file kept; the oldest written goes first when a new kind comes. */
export const MAX_RECIPES = 50;

export function readImportRecipe(db: Db, key: string): ImportRecipe | null {
  const text = stmt(db, 'SELECT value FROM meta WHERE key = ?').pluck().get(PREFIX + key);
  if (typeof text !== 'string') return null;
  try {
    const parsed = importRecipeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeImportRecipe(db: Db, key: string, recipe: ImportRecipe): void {
  db.transaction(() => {
    // Re-inserted, so rowid order is the order of last use.
    stmt(db, 'DELETE FROM meta WHERE key = ?').run(PREFIX + key);
    stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(PREFIX + key, JSON.stringify(recipe));
    stmt(
      db,
      `DELETE FROM meta WHERE substr(key, 1, length(@p)) = @p AND rowid NOT IN
         (SELECT rowid FROM meta WHERE substr(key, 1, length(@p)) = @p ORDER BY rowid DESC LIMIT @max)`,
    ).run({ p: PREFIX, max: MAX_RECIPES });
  })();
}
