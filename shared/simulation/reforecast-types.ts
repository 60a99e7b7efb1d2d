// Result and option types of the reforecast (reforecast.ts), apart from the
// code so that the API contract and the screens read them without the engine.
import type { ActualMetric, TargetMetric } from '../plan/types';
import type { RunHooks, SeriesStats } from './types';

/** Below this effective sample size the app says the assumptions no longer explain the actuals. */
export const ESS_WARNING = 50;

export interface ReforecastOptions {
  trials?: number;
  seed?: number;
  scenarioId?: string | null;
  hooks?: RunHooks;
}

/** One actual against the simulated range of the same series, scope and month (unweighted trials). */
export interface ActualCheck {
  month: string;
  metric: ActualMetric;
  /** null: the whole plan. */
  segmentId: string | null;
  value: number;
  p10: number;
  p50: number;
  p90: number;
  /** Share of trials whose simulated value is ≤ the actual. */
  percentile: number;
  /** Whether the actual lies outside the simulated P10–P90. */
  outside: 'below' | 'above' | null;
}

/** One (metric, scope) with actuals. */
export interface ActualTrack {
  metric: ActualMetric;
  segmentId: string | null;
  /** The last month with an actual of this series (`a`). */
  through: string;
  /** A: the actuals summed over months 0…a. */
  actualSum: number;
  /** σ of the importance weight: max(0.1·|A|, 0.25·sd(S), 1). */
  sigma: number;
  /** The actual per horizon month (null where none was entered). */
  actuals: (number | null)[];
  /** The simulated series of this scope, every horizon month, as planned (unweighted). */
  simulated: SeriesStats;
  /** The same after the reforecast: months 0…a are the actuals, later months weighted. */
  reforecast: SeriesStats;
  /** Months 0…a: the actuals summed to date against the simulated cumulative path (unweighted). */
  cumulative: { month: string; actual: number; p10: number; p50: number; p90: number }[];
}

export interface TargetReforecast {
  id: string;
  phaseId: string;
  metric: TargetMetric;
  value: number;
  funnelId: string | null;
  segmentId: string | null;
  /** The odds as planned (the run's own probability). */
  probability: number;
  /** The odds given what has happened. */
  reforecast: number;
}

export interface ReforecastResult {
  reforecastVersion: 1;
  trials: number;
  seed: number;
  scenario: string | null;
  months: string[];
  /** The last month with any actual; null when the plan has none (nothing re-weighted). */
  asOf: string | null;
  /** Effective sample size (Σw)²/Σw² of the weights (= trials without actuals). */
  ess: number;
  checks: ActualCheck[];
  tracks: ActualTrack[];
  /** Pooled monthly series after the reforecast (actual months of the whole plan substituted, weighted). */
  series: Record<ActualMetric, SeriesStats>;
  targets: TargetReforecast[];
  elapsedMs: number;
}
