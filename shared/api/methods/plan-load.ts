// plan.load: the open plan for a window, built to scale with its customers.
// Everything but the customers comes as plan-format JSON (small: phases,
// people, goals… are tens or hundreds of items); the customers come in
// columns (../customer-columns.ts). A window that already shows revision R
// of this file passes `since` and gets only the customers that changed after
// R, read from the change log (with those a renamed segment, person or phase
// reached through their references) — or the whole list when the log cannot
// tell (another file, pruned history, thousands of customers changed).
// plan.get stays for the CLI and tools that want the plain plan-format object.
import { z } from 'zod';
import type { Customer, Plan } from '../../plan/types';
import type { CustomerColumns } from '../customer-columns';
import type { FileInfo } from '../file-info';
import { method, returns } from '../define';

/** The most customers a window loads; a larger plan is refused with this limit named (see docs/renderer.md). */
export const MAX_LOADED_CUSTOMERS = 250_000;
/** The most characters of customer text (names, needs…) a window loads: customers with huge notes meet this first. */
export const MAX_LOADED_CUSTOMER_TEXT = 64 * 1024 * 1024;

export type CustomersPart =
  | { kind: 'all'; columns: CustomerColumns }
  | {
      kind: 'changes';
      /** Customers created or changed since `since`, as they are now. */
      upsert: Customer[];
      /** Ids that no longer exist. */
      remove: string[];
      /** The whole order of ids, when it changed (a create, a reorder, a renamed id); absent otherwise. */
      order?: string[];
    };

export interface PlanLoad {
  file: FileInfo;
  revision: number;
  /** The plan without its customers (`customers` is empty here; see `customers`). */
  plan: Plan;
  customers: CustomersPart;
}

export const planLoadMethods = {
  'plan.load': method(
    z.strictObject({
      /** What the window shows: changes after this revision of this file are enough. */
      since: z.strictObject({ path: z.string().min(1).max(4096), revision: z.number().int().min(0) }).optional(),
    }),
    returns<PlanLoad>(),
  ),
} as const;
