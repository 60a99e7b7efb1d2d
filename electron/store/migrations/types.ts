import type { Db } from '../sql';

/** One schema step. `up` runs inside a transaction the runner opens. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Runs with foreign key enforcement off, for a table rebuild (SQLite's
   * documented way to change a CHECK): the runner checks every reference
   * with foreign_key_check before committing the version.
   */
  foreignKeysOff?: boolean;
  up(db: Db): void;
}
