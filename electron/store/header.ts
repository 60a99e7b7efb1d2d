// Reading the 100-byte SQLite header with plain file I/O, so a file can be
// recognised (SQLite? ours? which schema version?) without SQLite opening it:
// nothing is created or written next to a file we are about to refuse.
import { closeSync, openSync, readSync } from 'node:fs';

const MAGIC = 'SQLite format 3\u0000';

export interface SqliteHeader {
  applicationId: number;
  userVersion: number;
}

/** The header fields, or null when the file does not start like an SQLite database. */
export function readSqliteHeader(path: string): SqliteHeader | null {
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || buf.toString('latin1', 0, 16) !== MAGIC) return null;
  return { userVersion: buf.readInt32BE(60), applicationId: buf.readInt32BE(68) };
}
