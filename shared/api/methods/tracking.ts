// API methods: the parts of plan-format v2 that are not collections of
// entities with ids — the tiering rule and the actuals (month by month). Each
// call is one edit: a transaction, checked against the plan-format rules,
// recorded in the history and undoable like every other edit. Decisions are
// a collection (decisions.create | update | delete | reorder in contract.ts).
import { z } from 'zod';
import { actualSchema, idSchema, monthSchema, tieringSchema } from '../../plan/schema';
import { ACTUAL_METRICS, type Actual, type Tiering } from '../../plan/types';
import type { EditResult } from '../collections';
import { method, none, returns } from '../define';

export const MAX_ACTUALS = 1_000_000;

/** One cell of the actuals: `value: null` removes it. */
export const actualCellSchema = z.strictObject({
  month: monthSchema,
  metric: z.enum(ACTUAL_METRICS),
  segmentId: idSchema.optional(),
  value: actualSchema.shape.value.nullable(),
});
export type ActualCell = z.output<typeof actualCellSchema>;

export const trackingMethods = {
  /** Set the plan's tiering rule; `null` removes it. */
  'tiering.set': method(z.strictObject({ tiering: tieringSchema.nullable() }), returns<EditResult<Tiering | null>>()),
  /** Give every customer the tier the plan's rule gives it (one edit, undoable); value: how many changed. */
  'tiering.apply': method(none, returns<EditResult<{ changed: number }>>()),
  /** Set or remove (value null) some cells of the actuals; new cells go last. Returns the whole list. */
  'actuals.set': method(
    z.strictObject({ cells: z.array(actualCellSchema).min(1).max(100_000) }),
    returns<EditResult<Actual[]>>(),
  ),
  /** Replace the whole list of actuals (an import of a month-by-month sheet). */
  'actuals.replace': method(z.strictObject({ actuals: z.array(actualSchema).max(MAX_ACTUALS) }), returns<EditResult<Actual[]>>()),
} as const;
