// Every method of shared/api/contract.ts, in one map the dispatcher checks
// for completeness at compile time.
import type { Handlers } from '../../../shared/api/dispatch';
import { FORMAT_VERSION } from '../../../shared/plan/types';
import { LATEST_SCHEMA_VERSION } from '../../store';
import type { PlannerSession } from '../session';
import { APP_VERSION } from '../version';
import { backupHandlers } from './backups';
import { collectionHandlers } from './collections';
import { exportHandlers } from './export';
import { withFileErrors } from './file-errors';
import { fileHandlers } from './file';
import { historyHandlers } from './history';
import { importHandlers } from './import';
import { planHandlers } from './plan';
import { planLoadHandlers } from './plan-load';
import { simulationHandlers } from './simulation';
import { teamHandlers } from './team';
import { trackingHandlers } from './tracking';

const allHandlers: Handlers<PlannerSession> = {
  'app.info': () => ({ version: APP_VERSION, formatVersion: FORMAT_VERSION, schemaVersion: LATEST_SCHEMA_VERSION }),
  ...fileHandlers,
  ...planHandlers,
  ...planLoadHandlers,
  ...collectionHandlers,
  ...importHandlers,
  ...backupHandlers,
  ...teamHandlers,
  ...trackingHandlers,
  ...historyHandlers,
  ...simulationHandlers,
  ...exportHandlers,
};

export const handlers = Object.fromEntries(
  Object.entries(allHandlers).map(([name, h]) => [name, withFileErrors(h as (arg: never, s: PlannerSession) => unknown)]),
) as unknown as Handlers<PlannerSession>;
