// The plan's actuals (plan-format v2 `actuals`): what happened, month by month,
// in the order of the document. Edits replace the whole list (see
// services/edits/apply.ts): it is small (months × metrics × segments), and a
// list written whole is undone whole.
import type { Actual, ActualMetric } from '../../shared/plan/types';
import { stmt, type Db } from './sql';

export function readActuals(db: Db): Actual[] {
  const rows = stmt(db, 'SELECT month, metric, value, segment_id FROM actuals ORDER BY position').raw().all() as unknown[][];
  return rows.map(([month, metric, value, segmentId]) => {
    const a: Actual = { month: month as string, metric: metric as ActualMetric, value: value as number };
    if (segmentId !== null) a.segmentId = segmentId as string;
    return a;
  });
}

export function writeActuals(db: Db, actuals: readonly Actual[]): void {
  stmt(db, 'DELETE FROM actuals').run();
  const insert = stmt(db, 'INSERT INTO actuals (position, month, metric, value, segment_id) VALUES (?, ?, ?, ?, ?)');
  actuals.forEach((a, i) => insert.run(i, a.month, a.metric, a.value, a.segmentId ?? null));
}
