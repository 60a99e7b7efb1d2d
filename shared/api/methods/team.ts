// API methods: each person's limit of customers owned (People screen) and each
// goal's status (Goals & targets), by id. Since plan-format v2 both are part
// of the plan (person `customerLimit`, goal `status`): these methods are
// shorthands for a people.update / goals.update of that one field — an edit
// like any other (history, undo, JSON export) — kept so screens can set one
// value without sending the whole entity.
import { z } from 'zod';
import { idSchema } from '../../plan/schema';
import { GOAL_STATUSES, MAX_CUSTOMER_LIMIT, type GoalStatus } from '../../plan/types';
import { method, none, returns } from '../define';

export { DEFAULT_CUSTOMER_LIMITS, DEFAULT_GOAL_STATUS, GOAL_STATUSES, MAX_CUSTOMER_LIMIT, type GoalStatus } from '../../plan/types';

export interface TeamData {
  /** Per-person limits that differ from the role default, by person id. */
  customerLimits: Record<string, number>;
  /** Goal statuses other than the default (notStarted), by goal id. */
  goalStatuses: Record<string, GoalStatus>;
}

export const teamMethods = {
  'team.get': method(none, returns<TeamData>()),
  /** `limit: null` goes back to the default of the person's role. */
  'team.setCustomerLimit': method(
    z.strictObject({ personId: idSchema, limit: z.number().int().min(0).max(MAX_CUSTOMER_LIMIT).nullable() }),
    returns<TeamData>(),
  ),
  'team.setGoalStatus': method(z.strictObject({ goalId: idSchema, status: z.enum(GOAL_STATUSES) }), returns<TeamData>()),
} as const;
