// App-only planning data (see shared/api/methods/team.ts) in the plan file's
// meta key/value table, one row per value under a prefixed key:
//   team.customerLimit:<personId> → integer
//   goal.status:<goalId>          → text
// Why meta and not a table of their own: schema versions must be contiguous
// (migrate.ts) and versions 2 and 3 belong to other work in progress, so a
// new table would have to wait; meta exists in every file since version 1.
// Rows whose person or goal no longer exists are ignored when read and
// removed by the next write of either kind, so a deleted id does not hand its
// value to a new entity that reuses the id later (while undoing a delete
// right away still finds it).
import { GOAL_STATUSES, type GoalStatus, type TeamData } from '../../shared/api/methods/team';
import { stmt, type Db } from './sql';

const LIMIT = 'team.customerLimit:';
const STATUS = 'goal.status:';

function readPrefixed(db: Db, prefix: string, table: 'people' | 'goals'): [string, unknown][] {
  const rows = stmt(
    db,
    `SELECT substr(key, length(@prefix) + 1) AS id, value FROM meta
      WHERE substr(key, 1, length(@prefix)) = @prefix
        AND substr(key, length(@prefix) + 1) IN (SELECT id FROM ${table})`,
  ).all({ prefix }) as { id: string; value: unknown }[];
  return rows.map((r) => [r.id, r.value]);
}

function dropStale(db: Db, prefix: string, table: 'people' | 'goals'): void {
  stmt(
    db,
    `DELETE FROM meta WHERE substr(key, 1, length(@prefix)) = @prefix
       AND substr(key, length(@prefix) + 1) NOT IN (SELECT id FROM ${table})`,
  ).run({ prefix });
}

function dropAllStale(db: Db): void {
  dropStale(db, LIMIT, 'people');
  dropStale(db, STATUS, 'goals');
}

function put(db: Db, key: string, value: string | number | null): void {
  if (value === null) stmt(db, 'DELETE FROM meta WHERE key = ?').run(key);
  else stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readTeamData(db: Db): TeamData {
  const customerLimits: Record<string, number> = {};
  for (const [id, value] of readPrefixed(db, LIMIT, 'people'))
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) customerLimits[id] = value;
  const goalStatuses: Record<string, GoalStatus> = {};
  for (const [id, value] of readPrefixed(db, STATUS, 'goals'))
    if ((GOAL_STATUSES as readonly unknown[]).includes(value)) goalStatuses[id] = value as GoalStatus;
  return { customerLimits, goalStatuses };
}

/** `null` removes the person's own limit (the role default applies again). */
export function writeCustomerLimit(db: Db, personId: string, limit: number | null): void {
  db.transaction(() => {
    dropAllStale(db);
    put(db, LIMIT + personId, limit);
  })();
}

/** The default status is not stored, so a plan without statuses has no rows. */
export function writeGoalStatus(db: Db, goalId: string, status: GoalStatus | null): void {
  db.transaction(() => {
    dropAllStale(db);
    put(db, STATUS + goalId, status);
  })();
}
