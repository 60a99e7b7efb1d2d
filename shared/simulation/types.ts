// Public option and result types of the simulation engine. Results are plain
// JSON-able objects (no typed arrays, no Maps) so they cross worker and IPC
// boundaries and print as-is from the CLI.

import type { KpiMetric, SeriesMetric, TargetMetric } from '../plan/types';

/** Progress and cancellation, checked between chunks of trials. */
export interface RunHooks {
  onProgress?(done: number, total: number): void;
  shouldCancel?(): boolean;
  /** AbortSignal-like; `aborted === true` cancels like shouldCancel(). */
  signal?: { readonly aborted: boolean };
}

export interface SimulateOptions {
  /** 100 … 1,000,000; default plan.plan.trials. */
  trials?: number;
  /** uint32; default plan.plan.seed. */
  seed?: number;
  /** A scenario id of the plan; null/absent = the plan as entered. */
  scenarioId?: string | null;
  hooks?: RunHooks;
  /**
   * Tuning knob (tests, benchmarks): expected per-deal events per trial and
   * segment above which a segment's early stages switch from exact per-deal
   * sampling to the Poisson cohort sampler. See docs/simulation-engine.md.
   */
  trackedEventBudget?: number;
  /** Tuning knob (tests): pin each segment's first per-deal stage (overrides the budget). */
  trackFrom?: readonly number[];
}

export interface QuantileStats {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** KPI statistics over the trials where the KPI is defined; null when none is. */
export interface KpiStats {
  mean: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface SeriesStats {
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface TargetResult {
  id: string;
  metric: TargetMetric;
  value: number;
  /** Share of trials attaining the target (>=; <= for cycleDays, cashCycleDays). */
  probability: number;
}

export interface PhaseResult {
  id: string;
  totals: Record<SeriesMetric, QuantileStats>;
  targets: TargetResult[];
}

export interface SimulationResult {
  trials: number;
  seed: number;
  scenario: string | null;
  months: string[];
  series: Record<SeriesMetric, SeriesStats>;
  totals: Record<SeriesMetric, QuantileStats>;
  phases: PhaseResult[];
  kpis: Record<KpiMetric, KpiStats>;
  elapsedMs: number;
}

/** Expected-value mode: same shape, means only, no sampling (trials = 0, seed = null). */
export interface ExpectedResult {
  trials: 0;
  seed: null;
  scenario: string | null;
  months: string[];
  series: Record<SeriesMetric, { mean: number[] }>;
  totals: Record<SeriesMetric, { mean: number }>;
  phases: {
    id: string;
    totals: Record<SeriesMetric, { mean: number }>;
    targets: { id: string; metric: TargetMetric; value: number; probability: null }[];
  }[];
  /** Ratios of expected numerators to expected denominators; null when the denominator is 0. */
  kpis: Record<KpiMetric, { mean: number | null }>;
  elapsedMs: number;
}

export interface ExpectedOptions {
  scenarioId?: string | null;
}

/** Per-chunk partial result; chunks of CHUNK_SIZE trials, merged in index order. */
export interface ChunkResult {
  index: number;
  trials: number;
  /** Per statistic (see statLayout): sum over the chunk's trials of defined values. */
  sums: Float64Array;
  /** Per statistic: number of trials where it is defined (KPIs may be undefined). */
  counts: Float64Array;
  /** Per plan target (in plan order): trials attaining it. */
  hits: Float64Array;
  /** Column-major per-trial values (stat × trial), or null past the quantile sample cap. */
  values: Float64Array | null;
}

export interface ReverseOptions {
  targetId: string;
  /** Required attainment probability q, default 0.8. */
  probability?: number;
  /** Trials per evaluation; default min(plan trials, 2000). */
  trials?: number;
  seed?: number;
  scenarioId?: string | null;
  hooks?: RunHooks;
}

export type ReverseFailure = 'kpiTarget' | 'unreachable';

export interface ReverseResult {
  target: string;
  probability: number;
  /** False when no lead multiplier up to MAX_LEAD_MULTIPLIER reaches the probability. */
  reachable: boolean;
  /** Smallest multiplier found with P(attain) >= probability; null when unreachable. */
  multiplier: number | null;
  /** P(attain) at `multiplier` (or at the largest multiplier tried when unreachable). */
  attainment: number;
  /** Mean leads per month over the target's phase, per segment, after the multiplier. */
  leadsPerMonth: Record<string, number> | null;
  /** Why the target is unreachable, with a message for people. */
  reason?: ReverseFailure;
  message?: string;
}

export interface SensitivityOptions {
  /** Default 'bookings'. */
  metric?: TargetMetric;
  /** A phase id, or absent/null for the whole horizon. */
  phaseId?: string | null;
  /** Relative step, default 0.1 (±10 %). */
  delta?: number;
  /** Trials per evaluation; default min(plan trials, 1000). */
  trials?: number;
  seed?: number;
  scenarioId?: string | null;
  hooks?: RunHooks;
}

export type SensitivityInput =
  | { kind: 'conversion'; funnelId: string; stageKey: string }
  | { kind: 'days'; funnelId: string; stageKey: string }
  | { kind: 'leads'; segmentId: string }
  | { kind: 'dealSize'; funnelId: string };

export interface SensitivityItem {
  input: SensitivityInput;
  /** p50 of the metric with the input scaled by (1 − delta) and (1 + delta); null when undefined (a KPI in no trial). */
  low: number | null;
  high: number | null;
  /** high − low; items are sorted by |swing|, largest first. */
  swing: number | null;
}

export interface SensitivityResult {
  metric: TargetMetric;
  phaseId: string | null;
  delta: number;
  trials: number;
  seed: number;
  /** p50 of the metric at the plan's inputs. */
  base: number | null;
  items: SensitivityItem[];
}
