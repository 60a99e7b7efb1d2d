// API methods: planning data the app keeps beside the plan but that is NOT
// part of plan-format v1 (the JSON interchange format) — each person's limit
// of customers owned (People screen) and each goal's status (Goals & targets).
// It lives in the plan file (so it travels with the .salesplan file and a
// saved copy) but JSON export and import leave it out.
import { z } from 'zod';
import { idSchema } from '../../plan/schema';
import type { Role } from '../../plan/types';
import { method, none, returns } from '../define';

export const GOAL_STATUSES = ['notStarted', 'inProgress', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const DEFAULT_GOAL_STATUS: GoalStatus = 'notStarted';

/** Customers one person can own (in any iron-triangle role) before the People
 * screen flags overload, unless the person has a limit of their own. An AR
 * carries the relationship and the cash of each account, so fewer. */
export const DEFAULT_CUSTOMER_LIMITS: Readonly<Record<Role, number>> = { AR: 8, SR: 12, FR: 12, other: 12 };
export const MAX_CUSTOMER_LIMIT = 100_000;

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
