// How one plan collection maps onto its table and owned child tables. The
// generic repository (repository.ts) does the SQL; a codec only says which
// columns hold which fields. Objects are built in plan-format key order, and
// optional fields are left absent (never undefined) when their column is NULL.
// Rows arrive as value arrays (`r`) with a column → index map (`c`): reading
// 50,000 customers as arrays is about three times faster than as objects.
import type { Range } from '../../../shared/plan/types';

export type RowValues = readonly unknown[];
export type ColumnIndex = Readonly<Record<string, number>>;

export interface ChildTable<T> {
  table: string;
  /** The column holding the owning entity's id. */
  parent: string;
  /** Columns besides the parent and `position`. */
  columns: readonly string[];
  /** One value list (in `columns` order) per child, in array order. */
  rows(entity: T): unknown[][];
  /** Adds one child row (rows arrive in position order) to an entity built by fromRow. */
  attach(entity: T, r: RowValues, c: ColumnIndex): void;
}

export interface EntityCodec<T extends { id: string }> {
  table: string;
  /** For messages: "customer", "person". */
  singular: string;
  plural: string;
  /** Columns besides `id` and `position`. */
  columns: readonly string[];
  toRow(entity: T): unknown[];
  /** The entity without its children (their arrays start empty); `c` also has `id`. */
  fromRow(r: RowValues, c: ColumnIndex): T;
  children: readonly ChildTable<T>[];
}

export function rangeToText(r: Range): string {
  return JSON.stringify(r);
}

export function rangeFromText(text: unknown): Range {
  return JSON.parse(text as string) as Range;
}

