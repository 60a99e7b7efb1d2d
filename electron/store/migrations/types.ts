import type { Db } from '../sql';

/** One schema step. `up` runs inside a transaction the runner opens. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}
