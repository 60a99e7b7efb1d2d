// simulation.*: runs (in the worker pool, stored in the plan file), the live
// what-if in expected-value mode, the reverse funnel and sensitivity. See
// shared/api/methods/simulation.ts for the contract.
import type { Handlers } from '../../../shared/api/dispatch';
import { asPlan, planOf } from '../plan-cache';
import type { PlannerSession } from '../session';
import { engineCall } from '../simulation/errors';
import { ApiError } from '../../../shared/api/result';
import { analysisCache } from '../simulation/analysis-cache';
import { requiredLeadsInPool } from '../simulation/parallel';
import { simulationRuns } from '../simulation/runs';
import { whatIf } from '../simulation/what-if';

type SimulationHandlers = Pick<
  Handlers<PlannerSession>,
  | 'simulation.run'
  | 'simulation.cancel'
  | 'simulation.wait'
  | 'simulation.result'
  | 'simulation.latest'
  | 'simulation.active'
  | 'simulation.expected'
  | 'simulation.requiredLeads'
  | 'simulation.sensitivity'
  | 'simulation.reforecast'
>;

/** The open plan, read once per revision (plan-cache.ts); the engine only reads it. */
const openPlan = (s: PlannerSession) => asPlan(planOf(s.requireFile()).plan);

/** Options without the keys the caller left out (the engine's defaults come from the plan). */
function given<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

export const simulationHandlers: SimulationHandlers = {
  'simulation.run': (arg, s) => simulationRuns(s).start(arg),
  'simulation.cancel': ({ runId }, s) => simulationRuns(s).cancel(runId),
  'simulation.wait': ({ runId }, s) => simulationRuns(s).wait(runId),
  'simulation.result': ({ runId }, s) => simulationRuns(s).result(runId),
  'simulation.latest': ({ scenarioId, expected }, s) => simulationRuns(s).latest(scenarioId ?? null, expected ? 'expected' : 'monte-carlo'),
  'simulation.active': (_arg, s) => simulationRuns(s).activeRuns(),

  // Expected-value mode takes a few milliseconds (bench: ≈1 ms; 50,000 customers: see
  // docs/simulation-engine.md): inline. The plan is the kept one, its customers never
  // changed in place: their part of the what-if is kept per customers array.
  'simulation.expected': ({ scenarioId, adjust, segmentLeads, perCustomer }, s) =>
    engineCall(() => whatIf(openPlan(s), scenarioId ?? null, adjust, segmentLeads, { sharedCustomers: true, perCustomer })),

  // Seconds of work each (dozens of evaluations): in the worker pool.
  'simulation.requiredLeads': (arg, s) =>
    engineCall(() => requiredLeadsInPool(simulationRuns(s).pool, openPlan(s), given(arg))),
  // Kept per plan inputs and options (analysis-cache.ts): the report exports ask for the same ones.
  'simulation.sensitivity': (arg, s) => engineCall(() => analysisCache(s).sensitivity(planOf(s.requireFile()).plan, given(arg))),
  // Re-runs the trials (seconds at 10,000): in the worker pool, kept per plan inputs, actuals and
  // options (analysis-cache.ts), so the report exports reuse the Tracking screen's.
  'simulation.reforecast': ({ runId, ...rest }, s) => {
    const runs = simulationRuns(s);
    let opts = given(rest);
    if (runId !== undefined) {
      const stored = runs.result(runId);
      if (!stored || stored.run.mode !== 'monte-carlo') throw new ApiError('not_found', `There is no stored Monte-Carlo run "${runId}"`, { runId });
      opts = { trials: stored.run.trials, seed: stored.run.seed!, scenarioId: stored.run.scenarioId };
    }
    return engineCall(() => analysisCache(s).reforecast(planOf(s.requireFile()).plan, opts));
  },
};
