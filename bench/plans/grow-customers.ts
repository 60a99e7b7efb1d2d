// Grows a plan file's customers to `total` straight in SQLite (copies of its
// first customer with ids gen-0, gen-1, …): a plan too large for a window
// (plan.load's limits) in seconds, where a JSON import caps at 60 MB.
// Only numbers are put into the SQL text (counts, lengths); column names come from the file.
// Used by the bench's bad-input figures and the tests of the refusal.
import Database from 'better-sqlite3';

/** `needsChars`: give each added customer needs notes of that many characters. */
export function growCustomers(path: string, total: number, needsChars = 0): void {
  const db = new Database(path);
  try {
    const columns = (db.prepare('PRAGMA table_info(customers)').all() as { name: string }[]).map((c) => c.name);
    const have = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const needs = `substr(replace(hex(zeroblob(${Math.ceil(needsChars / 2)})), '0', 'n'), 1, ${needsChars})`;
    const pick = columns
      .map((c) => (c === 'id' ? "'gen-' || n" : c === 'position' ? `${have} + n` : c === 'needs' && needsChars > 0 ? needs : c))
      .join(', ');
    db.prepare(
      `INSERT INTO customers (${columns.join(', ')})
       WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < ?)
       SELECT ${pick} FROM seq, (SELECT * FROM customers ORDER BY position LIMIT 1)`,
    ).run(total - have);
  } finally {
    db.close();
  }
}
