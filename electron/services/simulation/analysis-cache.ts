// The reforecast and the sensitivity ranking of the open plan, kept per
// session. Each re-runs thousands of trials (about a second each at the
// demo's 10,000 on the 2-core build machine), and the Tracking screen, the
// Simulation screen and every report export ask for the same ones again.
//
// A result is kept under everything it is computed from, so a stale one is
// never answered: the plan's inputs fingerprint for the scenario (the one
// that marks stored runs stale: engine version, settings, phases, funnels,
// segments, pursued customers, targets, scenario), the actuals (the
// reforecast reads them; the fingerprint leaves them out), and the options
// (trials, seed, scenario, metric, …). An edit of any of them misses; one
// the engine does not read (a name, a decision) still hits — the results
// carry ids, never names. Concurrent asks share one computation; a failed
// one is not kept.
import { createHash } from 'node:crypto';
import type { ReforecastOptions, ReforecastResult, SensitivityOptions, SensitivityResult } from '../../../shared/simulation';
import { asPlan, type SharedPlan } from '../plan-cache';
import type { PlannerSession } from '../session';
import { reforecastInPool, sensitivityInPool } from './parallel';
import { fingerprintOf, simulationRuns } from './runs';

/** Results kept per session (a few kB to a few hundred kB each), least recently asked dropped first. */
const KEEP = 16;

const actualsDigests = new WeakMap<object, string>();

/** The actuals' digest, once per kept actuals array (the kept plan is never changed in place). */
function actualsDigest(plan: SharedPlan): string {
  const actuals = plan.actuals ?? [];
  let d = actualsDigests.get(actuals);
  if (d === undefined) {
    d = createHash('sha256').update(JSON.stringify(actuals)).digest('hex');
    actualsDigests.set(actuals, d);
  }
  return d;
}

export class AnalysisCache {
  private readonly kept = new Map<string, Promise<unknown>>();

  constructor(private readonly session: PlannerSession) {}

  reforecast(plan: SharedPlan, opts: Omit<ReforecastOptions, 'hooks'>): Promise<ReforecastResult> {
    const scenarioId = opts.scenarioId ?? null;
    const key = JSON.stringify(['reforecast', fingerprintOf(plan, scenarioId), actualsDigest(plan), opts.trials ?? null, opts.seed ?? null, scenarioId]);
    return this.keep(key, () => reforecastInPool(simulationRuns(this.session).pool, asPlan(plan), opts));
  }

  sensitivity(plan: SharedPlan, opts: Omit<SensitivityOptions, 'hooks'>): Promise<SensitivityResult> {
    const scenarioId = opts.scenarioId ?? null;
    const { metric, phaseId, delta, trials, seed } = opts;
    const key = JSON.stringify(['sensitivity', fingerprintOf(plan, scenarioId), scenarioId, metric ?? null, phaseId ?? null, delta ?? null, trials ?? null, seed ?? null]);
    return this.keep(key, () => sensitivityInPool(simulationRuns(this.session).pool, asPlan(plan), opts));
  }

  private keep<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.kept.get(key) as Promise<T> | undefined;
    if (hit) {
      // Most recently asked last: the first key is the one to drop.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const result = compute();
    this.kept.set(key, result);
    result.catch(() => {
      if (this.kept.get(key) === result) this.kept.delete(key);
    });
    while (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
    return result;
  }
}

const bySession = new WeakMap<PlannerSession, AnalysisCache>();

export function analysisCache(session: PlannerSession): AnalysisCache {
  let cache = bySession.get(session);
  if (!cache) bySession.set(session, (cache = new AnalysisCache(session)));
  return cache;
}
