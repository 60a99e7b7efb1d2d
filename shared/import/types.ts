// Shapes shared by the import steps (parse → map → validate → edits).
import type { MessageKey } from '../i18n';
import type { Customer, CustomerStatus, Tier } from '../plan/types';
import type { ImportField } from './fields';
import type { ColumnMapping } from './field-list';

/** What to do with a row whose id is already a customer of the plan. */
export type ExistingIdPolicy = 'error' | 'update' | 'skip';

export interface ImportDefaults {
  /** Used where a row has no segment (null: the row must name one). */
  segmentId: string | null;
  /** Used where a row has no tier (null: the row must name one). */
  tier: Tier | null;
  /** Used where a row has no status. */
  status: CustomerStatus;
}

export interface ImportSettings {
  hasHeader: boolean;
  mapping: ColumnMapping;
  defaults: ImportDefaults;
  existing: ExistingIdPolicy;
  /** Amounts written "1.200,50" (a `;`-separated European CSV). */
  decimalComma: boolean;
  /** Potential = the potentialBase column × this factor (e.g. revenue × expected wallet share); default 1. */
  potentialFactor?: number;
  /** Distinct values of a column translated to a field's values (value-map.ts). */
  valueMaps?: readonly ValueMap[];
}

/** A data row of the source; `line` is its 1-based row number in the sheet or text. */
export interface SourceRow {
  line: number;
  cells: readonly string[];
}

export interface CellProblem {
  /** Index into the data rows. */
  row: number;
  /** Source column, or null when the field has no column (a required field left unmapped). */
  column: number | null;
  field: ImportField;
  /** Errors block the import; notes only inform (a formula-like text kept as text). */
  severity: 'error' | 'note';
  key: MessageKey;
  params: Record<string, string | number>;
}

export type RowOp = 'create' | 'update' | 'skip';

export interface RowOutcome {
  line: number;
  op: RowOp;
  excluded: boolean;
  /** The customer to write (null when the row has errors or is skipped). */
  customer: Customer | null;
  problems: CellProblem[];
  /** Fields that took a default value rather than a cell's (shown in the preview). */
  defaulted: ImportField[];
  /** The id was generated from the name. */
  generatedId: string | null;
}

export interface ValidationSummary {
  rows: RowOutcome[];
  /** Included rows without errors that will be written. */
  ready: number;
  creates: number;
  updates: number;
  skipped: number;
  excluded: number;
  /** Included rows with at least one error (the import is blocked while > 0). */
  withErrors: number;
  errorCount: number;
}

export const VALUE_MAP_FIELDS = ['segment', 'tier', 'status', 'owners.AR', 'owners.SR', 'owners.FR'] as const;
export type ValueMapField = (typeof VALUE_MAP_FIELDS)[number];

export interface ValueMap {
  /** The source column whose values are mapped (it need not be mapped to a field itself). */
  column: number;
  field: ValueMapField;
  /** Source value (trimmed, as written) → the field's value: segment id, tier, status key or person id. */
  values: Readonly<Record<string, string>>;
}
