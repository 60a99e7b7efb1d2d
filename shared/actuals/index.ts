// Actuals (plan-format v2 `actuals`): reading them from a sheet. The plan vs
// actual comparison and the reforecast are in shared/simulation/reforecast.ts.
export * from './read';
