// The grid's columns in display order. The view store moves the active cell
// over these; the view builds its TanStack column definitions from them.
export const GRID_COLUMNS = [
  'select',
  'id',
  'name',
  'details',
  'tier',
  'segment',
  'region',
  'industry',
  'potential',
  'readiness',
  'phase',
  'status',
  'ownerAR',
  'ownerSR',
  'ownerFR',
  'needs',
] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

/** The grid's cursor. */
export interface ActiveCell {
  /** The display item's key: a customer id or a group key. */
  key: string;
  column: GridColumn;
}
