// Engine errors as API errors: bad input → `simulation_input` (with the
// engine's reason code and the JSON path), a stop → `cancelled`.
import { ApiError } from '../../../shared/api/result';
import { SimulationCancelled, SimulationInputError } from '../../../shared/simulation';

export function toApiError(e: unknown): unknown {
  if (e instanceof SimulationInputError) return new ApiError('simulation_input', e.message, { reason: e.code, path: e.path });
  if (e instanceof SimulationCancelled) return new ApiError('cancelled', 'The simulation was cancelled; nothing was stored');
  return e;
}

/** Runs `fn`, rethrowing engine errors as API errors. */
export async function engineCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toApiError(e);
  }
}
