// Paste and spreadsheet import of customers: pure steps, no DOM, no Node.
// text → grid (delimited.ts, decode.ts) → mapping (mapping.ts, fields.ts)
// → validated rows (validate.ts against context.ts) → plan.batch edits (edits.ts).
export * from './context';
export * from './decode';
export * from './delimited';
export * from './edits';
export * from './fields';
export * from './guess';
export * from './header';
export * from './ids';
export * from './mapping';
export * from './types';
export * from './validate';
export * from './value-map';
export * from './values';
