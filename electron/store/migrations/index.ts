// The ordered list of schema migrations. Add a file NNN_name.ts exporting a
// Migration with the next version number, append it here, and add its test.
import { migration001 } from './001_initial';
import { migration002 } from './002_simulation_runs';
import { migration003 } from './003_history_undo';
import { migration004 } from './004_plan_format_v2';
import type { Migration } from './types';

export type { Migration } from './types';
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
