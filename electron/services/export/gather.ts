// Gathers what a report needs from the open plan: the plan, its latest
// stored Monte-Carlo run of the scenario when that run is up to date (else
// a new run, stored like any other), and the sensitivity ranking for the
// biggest risks. A plan that cannot be simulated yet still gets a report,
// without odds, saying why.
import type { StoredRunView } from '../../../shared/api/methods/simulation';
import { ApiError } from '../../../shared/api/result';
import type { Locale } from '../../../shared/i18n/translate';
import type { Plan } from '../../../shared/plan/types';
import { buildReportModel } from '../../../shared/report/build';
import type { ReportModel, SectionKind } from '../../../shared/report/model';
import type { ReforecastResult, SensitivityResult } from '../../../shared/simulation';
import { asPlan, planOf } from '../plan-cache';
import type { PlannerSession } from '../session';
import { toApiError } from '../simulation/errors';
import { analysisCache } from '../simulation/analysis-cache';
import { simulationRuns } from '../simulation/runs';

/** Trials per evaluation of the risk ranking: enough to order the inputs, cheap enough for a 3-second report. */
export const RISK_TRIALS = 200;

export interface GatherOptions {
  lang: Locale;
  scenarioId: string | null;
  sections?: readonly SectionKind[];
  /** Rank the biggest risks (a sensitivity analysis, ~1 s): only the summary shows them. */
  risks?: boolean;
  /** Compare the actuals with the run (the reforecast re-runs its trials: seconds at 10,000): only the report shows it. */
  reforecast?: boolean;
  /** Use (or run) a simulation at all: CSV tables need none. */
  simulation?: boolean;
  /** Told before a simulation is run for the report (the CLI says so on stderr). */
  onRunNeeded?: () => void;
}

export interface Gathered {
  plan: Plan;
  model: ReportModel;
}

function reasonOf(e: unknown): string {
  const err = toApiError(e);
  return err instanceof Error ? err.message : String(err);
}

export async function gatherReport(session: PlannerSession, opts: GatherOptions): Promise<Gathered> {
  const shared = planOf(session.requireFile()).plan;
  const plan = asPlan(shared);
  if (opts.scenarioId !== null && !plan.scenarios.some((s) => s.id === opts.scenarioId))
    throw new ApiError('not_found', `There is no scenario "${opts.scenarioId}" in this plan`, { scenarioId: opts.scenarioId });
  const runs = simulationRuns(session);
  let view: StoredRunView | null = runs.latest(opts.scenarioId, 'monte-carlo');
  let ranForReport = false;
  let noRunReason: string | null = null;
  if (opts.simulation === false) view = null;
  else if (!view || view.stale) {
    opts.onRunNeeded?.();
    try {
      const { runId } = runs.start({ scenarioId: opts.scenarioId });
      view = await runs.wait(runId);
      ranForReport = true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') throw e;
      view = null;
      noRunReason = reasonOf(e);
    }
  }
  // The risk ranking and plan vs actual run side by side in the worker pool, each kept per plan
  // inputs (and actuals) and options: a second export, or one after the Tracking screen, reuses them.
  const ranking = async (): Promise<SensitivityResult | null> => {
    if (!view || opts.risks === false) return null;
    try {
      return await analysisCache(session).sensitivity(shared, { metric: 'bookings', trials: RISK_TRIALS, scenarioId: opts.scenarioId });
    } catch {
      // The ranking is a summary extra: without it the report says there is none.
      return null;
    }
  };
  // Plan vs actual: the reforecast module on the run used (its trials and seed), the Tracking screen's figures.
  const planVsActual = async (): Promise<ReforecastResult | null> => {
    const wanted = opts.reforecast !== false && (!opts.sections || opts.sections.includes('actuals'));
    if (!view || view.run.mode !== 'monte-carlo' || !wanted || (plan.actuals ?? []).length === 0) return null;
    try {
      return await analysisCache(session).reforecast(shared, { trials: view.run.trials, seed: view.run.seed!, scenarioId: opts.scenarioId });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') throw e;
      // Without it the section says that no comparison could be made.
      return null;
    }
  };
  const [sensitivity, reforecast] = await Promise.all([ranking(), planVsActual()]);
  const model = buildReportModel({
    plan,
    lang: opts.lang,
    scenarioId: opts.scenarioId,
    ...(opts.sections ? { sections: opts.sections } : {}),
    generatedAt: new Date().toISOString(),
    run: view
      ? {
          info: {
            id: view.run.id,
            mode: view.run.mode,
            createdAt: view.run.createdAt,
            seed: view.run.seed,
            trials: view.run.trials,
            ranForReport,
          },
          result: view.run.result,
        }
      : null,
    noRunReason,
    sensitivity,
    reforecast,
  });
  return { plan, model };
}
