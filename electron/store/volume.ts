// How much a plan's customers weigh, read without loading them: plan.load
// refuses a plan too large for a window before it spends seconds reading it.
import { stmt, type Db } from './sql';

export function countCustomers(db: Db): number {
  return stmt(db, 'SELECT count(*) FROM customers').pluck().get() as number;
}

/** Characters of the customers' free text (name, needs, region, industry): a scan, so ask after the count. */
export function customerTextChars(db: Db): number {
  return stmt(
    db,
    `SELECT coalesce(sum(length(name) + coalesce(length(needs), 0) + coalesce(length(region), 0) + coalesce(length(industry), 0)), 0)
       FROM customers`,
  )
    .pluck()
    .get() as number;
}
