// Tiering the customer list by rule (根据战略规划对客户重要性实施分级管理):
// the rule (rule.ts, plan-format v2 `tiering`) and its preview and edits (compute.ts).
// For an import, import-tiering.ts ranks the rows about to be written.
export * from './compute';
export * from './import-tiering';
export * from './rule';
