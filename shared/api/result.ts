// The envelope every transport carries: never a thrown error across a
// process boundary, always one of these two shapes.

export const ERROR_CODES = [
  'invalid_argument', // the argument failed the method's schema
  'unknown_method',
  'not_found', // the entity named by id does not exist
  'conflict', // e.g. an id that is already taken
  'in_use', // deleting something other entities still refer to
  'invalid_plan', // the edit or import would break a plan-format rule; details.issues lists them
  'no_plan_open',
  'file_not_found',
  'not_sqlite', // the file is not an SQLite database
  'not_a_plan', // SQLite, but not one of our plan files
  'corrupt', // fails the integrity check
  'newer_version', // written by a newer app; refused, never touched
  'file_error', // any other file-system problem
  'cancelled',
  'simulation_input', // the plan cannot be simulated as it stands
  'export_failed', // an export could not be written (path and reason in the message)
  'too_large', // more than a window loads (plan.load: customers or their bytes); details name the count and the limit
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by handlers (and by the client on `ok: false`) to carry a code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
