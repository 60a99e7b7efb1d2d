// The plan's tiering rule (plan-format v2 `tiering`): one row of the tiering
// table, or none when the plan has no rule.
import type { Tiering, TieringMethod, TieringScope } from '../../shared/plan/types';
import { stmt, type Db, type Row } from './sql';

export function readTiering(db: Db): Tiering | null {
  const r = stmt(db, 'SELECT method, scope, s, a, b FROM tiering WHERE singleton = 1').get() as Row | undefined;
  if (!r) return null;
  return { method: r.method as TieringMethod, scope: r.scope as TieringScope, S: r.s as number, A: r.a as number, B: r.b as number };
}

/** `null` removes the rule. */
export function writeTiering(db: Db, t: Tiering | null): void {
  if (t === null) {
    stmt(db, 'DELETE FROM tiering').run();
    return;
  }
  stmt(
    db,
    `INSERT INTO tiering (singleton, method, scope, s, a, b) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET method = excluded.method, scope = excluded.scope, s = excluded.s, a = excluded.a, b = excluded.b`,
  ).run(t.method, t.scope, t.S, t.A, t.B);
}
