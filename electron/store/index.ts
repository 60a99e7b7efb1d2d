// The plan file: SQLite via better-sqlite3, no Electron. See docs/plan-file.md.
export { APPLICATION_ID, PLAN_EXTENSION } from './constants';
export { openPlanFile, checkPlanFile, createPlanFile, fileInfo, type PlanFile, type StoreOptions, type CreateOptions } from './plan-file';
export { commitCopy, snapshotTo, snapshotToAsync } from './backup';
export { readPlan, readPlanWith, writePlan } from './plan-io';
export { readSettings, writeSettings } from './settings';
export { readTiering, writeTiering } from './tiering';
export { readActuals, writeActuals } from './actuals';
export { continueRevision, readRevision } from './meta';
export { countCustomers, customerTextChars } from './volume';
export { customerChanges, listChanges, recordChange, touchedSince, type ChangeTouch, type CustomerChanges, type ChangeItem, type ChangeRecord, type ChangeOp } from './changes';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export { migrate, schemaVersion } from './migrate';
export { checkReadOnly, isLockedElsewhere, type IntegrityResult } from './connect';
export { readSqliteHeader } from './header';
export { CODECS } from './entities';
export type { Db } from './sql';
export { BACKUPS_KEPT, backupFolder, listBackups, restoreBackup, takeBackup, type BackupEntry } from './rolling-backups';
