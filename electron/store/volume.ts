// How much a plan's customers weigh, read without loading them: plan.load
// refuses a plan too large for a window before it spends seconds reading it.
import { stmt, type Db } from './sql';

export interface CustomerVolume {
  count: number;
  /** Characters of the customers' free text (name, needs, region, industry). */
  textChars: number;
}

export function customerVolume(db: Db): CustomerVolume {
  const row = stmt(
    db,
    `SELECT count(*) AS count,
            coalesce(sum(length(name) + coalesce(length(needs), 0) + coalesce(length(region), 0) + coalesce(length(industry), 0)), 0) AS text
       FROM customers`,
  ).get() as { count: number; text: number };
  return { count: row.count, textChars: row.text };
}
