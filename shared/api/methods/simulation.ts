// API methods: Simulation runs, reverse funnel and sensitivity.
// Spread into the contract by contract.ts; declare with `method(schema, returns<T>())`.
//
// A Monte-Carlo run is asynchronous: `simulation.run` checks the input (bad
// input fails here, code `simulation_input`, before any work), answers
// `{ runId }` at once, reports `simulation-progress` events while the worker
// pool runs it, stores the result in the plan file when it completes (a
// cancelled run stores nothing) and ends with one `simulation-finished`
// event. Stored runs are app data, not plan content: JSON export leaves them out.
import { z } from 'zod';
import { idSchema, scenarioSchema } from '../../plan/schema';
import { TARGET_METRICS } from '../../plan/types';
import type { ReforecastResult } from '../../simulation/reforecast-types';
import type { ExpectedResult, ReverseResult, SensitivityResult, SimulationResult } from '../../simulation/types';
import { method, none, returns } from '../define';

export const SIMULATION_MODES = ['monte-carlo', 'expected'] as const;
export type SimulationMode = (typeof SIMULATION_MODES)[number];

export interface SimulationRun {
  id: string;
  /** ISO time the run completed and was stored. */
  createdAt: string;
  actor: string;
  mode: SimulationMode;
  scenarioId: string | null;
  /** null in expected-value mode (no sampling). */
  seed: number | null;
  /** 0 in expected-value mode. */
  trials: number;
  elapsedMs: number;
  result: SimulationResult | ExpectedResult;
}

export interface StoredRunView {
  run: SimulationRun;
  /** The plan's simulation inputs changed since this run (its fingerprint differs from the current plan's). */
  stale: boolean;
}

/** A run still going (e.g. after a page reload while the host keeps working). */
export interface ActiveRun {
  runId: string;
  mode: SimulationMode;
  scenarioId: string | null;
  done: number;
  total: number;
}

export type RunOutcome = 'completed' | 'cancelled' | 'failed';

// Numbers are checked by the engine, not here, so a trial count of 50 gets
// the engine's own `simulation_input` error naming the allowed range.
const trials = z.number();
const seed = z.number();
const scenarioId = idSchema.nullable().optional();
const runId = z.string().min(1).max(100);

export const simulationMethods = {
  /** Start a run; progress and the end come as events. `expected`: expected-value mode (means only). */
  'simulation.run': method(
    z.strictObject({ trials: trials.optional(), seed: seed.optional(), scenarioId, expected: z.boolean().optional() }),
    returns<{ runId: string }>(),
  ),
  /** Stop a run in progress; nothing is stored. `cancelled: false` when it had already ended. */
  'simulation.cancel': method(z.strictObject({ runId }), returns<{ cancelled: boolean }>()),
  /** Wait for a run to end: its stored result, or the error `cancelled` / the failure. */
  'simulation.wait': method(z.strictObject({ runId }), returns<StoredRunView>()),
  /** A stored run by id (null: unknown, still running, cancelled, or pruned). */
  'simulation.result': method(z.strictObject({ runId }), returns<StoredRunView | null>()),
  /** The newest stored run of a scenario (absent/null: the plan as entered) in a mode. */
  'simulation.latest': method(z.strictObject({ scenarioId, expected: z.boolean().optional() }), returns<StoredRunView | null>()),
  'simulation.active': method(none, returns<ActiveRun[]>()),
  /**
   * Expected values now, not stored: the live what-if. `adjust` multiplies on top of the scenario;
   * `segmentLeads` multiplies one segment's lead volume (segment id → factor; the workshop's
   * per-segment sliders — a scenario has no such field, so this is what-if only).
   * `perCustomer: false` leaves the per-customer entries out (`pursuits` and `goals` come back
   * empty): the what-if UI reads only the totals, and on 50,000 customers they are most of the answer.
   */
  'simulation.expected': method(
    z.strictObject({
      scenarioId,
      adjust: scenarioSchema.shape.adjust.optional(),
      segmentLeads: z
        .record(idSchema, z.number().finite().nonnegative())
        .refine((r) => Object.keys(r).length <= 10_000, 'at most 10,000 segments')
        .optional(),
      perCustomer: z.boolean().optional(),
    }),
    returns<ExpectedResult>(),
  ),
  /** Reverse funnel: the lead multiplier at which a target is attained with `probability` (default 0.8). */
  'simulation.requiredLeads': method(
    z.strictObject({ targetId: idSchema, probability: z.number().optional(), trials: trials.optional(), seed: seed.optional(), scenarioId }),
    returns<ReverseResult>(),
  ),
  /** Tornado: each input ±10 %, the swing of one metric's median over a phase (or the horizon). */
  'simulation.sensitivity': method(
    z.strictObject({
      metric: z.enum(TARGET_METRICS).optional(),
      phaseId: idSchema.nullable().optional(),
      trials: trials.optional(),
      seed: seed.optional(),
      scenarioId,
    }),
    returns<SensitivityResult>(),
  ),
  /**
   * Plan vs actual and the reforecast of every target given the plan's actuals
   * (simulation-model.md "Actuals"). With `runId`: that stored Monte-Carlo run's
   * trials, seed and scenario, re-run on the plan as it is now (its trials are
   * re-created from the seed, not stored); without: the plan's settings.
   */
  'simulation.reforecast': method(
    z.strictObject({ runId: runId.optional(), trials: trials.optional(), seed: seed.optional(), scenarioId }),
    returns<ReforecastResult>(),
  ),
} as const;
