// SQLite's failures while a handler works on the open plan, as the file
// error that names the file: a wrapper for every handler (handlers/index.ts)
// and for the CLI's schema-free read (cli/context.ts).
import { fileError, sqliteCode } from '../../store/errors';
import type { PlannerSession } from '../session';

/**
 * A failure SQLite reports while a handler reads or writes the open plan (a
 * page damaged after the open-time check, a full disk, an I/O error) becomes
 * the file error that names the file and says what to do — never an
 * "internal" error with SQLite's bare message.
 */
export function withFileErrors<H extends (arg: never, s: PlannerSession) => unknown>(handler: H): H {
  return (async (arg: never, s: PlannerSession) => {
    try {
      return await handler(arg, s);
    } catch (e) {
      if (sqliteCode(e).startsWith('SQLITE_') && s.file) throw fileError(s.file.path, e);
      throw e;
    }
  }) as H;
}
