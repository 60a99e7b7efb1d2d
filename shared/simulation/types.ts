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
  /** The target's scope: at most one of them; both null = every funnel pooled. */
  funnelId: string | null;
  segmentId: string | null;
  /** A ratio or cycle target whose scope pools deals of more than one funnel: the app says so. */
  pooled: boolean;
  /** Share of trials attaining the target (>=; <= for the three cycle metrics; an undefined KPI never attains). */
  probability: number;
}

/** Statistics of one scope over one window (the horizon or a phase). */
export interface WindowStats {
  totals: Record<SeriesMetric, QuantileStats>;
  kpis: Record<KpiMetric, KpiStats>;
}

/** Series totals and KPIs of one scope: all funnels pooled, one funnel, or one segment. */
export interface ScopeResult extends WindowStats {
  kind: 'all' | 'funnel' | 'segment';
  /** The funnel or segment id; null for 'all'. */
  id: string | null;
  /** Deals of more than one funnel count here: its ratios and cycles are pooled (flag them). */
  pooled: boolean;
  /** One per plan phase, in plan order. */
  phases: (WindowStats & { id: string })[];
}

/** A named (breakthrough) pursuit: won by the end of its phase. */
export interface PursuitResult {
  customerId: string;
  phaseId: string;
  /** Whether the customer's relationshipPlan entry for the phase replaced today's levels. */
  usesPlan: boolean;
  readiness: number;
  readinessToday: number;
  /** As simulated (planned levels when usesPlan, else today's). */
  probability: number;
  /** With today's levels (equals probability when !usesPlan). */
  probabilityToday: number;
}

/** A firstContract goal: its customer's pursuit won by the end of `month`. */
export interface BreakthroughGoalResult {
  id: string;
  customerId: string | null;
  /** YYYY-MM: the goal's due month, or its phase's last month when due is absent. */
  month: string;
  /** Null when the goal's customer is not pursued within the horizon (no breakthroughPhaseId). */
  probability: number | null;
  probabilityToday: number | null;
}

export interface PhaseResult {
  id: string;
  /** Pooled totals (= scopes[0].phases[i].totals). */
  totals: Record<SeriesMetric, QuantileStats>;
  targets: TargetResult[];
}

export interface SimulationResult {
  /** Result shape version (RESULT_VERSION); results without it are of the old shape. */
  resultVersion: 2;
  trials: number;
  seed: number;
  scenario: string | null;
  months: string[];
  /** Monthly series, all funnels pooled. */
  series: Record<SeriesMetric, SeriesStats>;
  /** Horizon totals, all funnels pooled (= scopes[0].totals). */
  totals: Record<SeriesMetric, QuantileStats>;
  phases: PhaseResult[];
  /** scopes[0] = all funnels pooled, then each funnel, then each segment (plan order). */
  scopes: ScopeResult[];
  pursuits: PursuitResult[];
  goals: BreakthroughGoalResult[];
  elapsedMs: number;
}

type MeanStats = Record<SeriesMetric, { mean: number }>;
type MeanKpis = Record<KpiMetric, { mean: number | null }>;

/** Expected-value mode: same shape, means only, no sampling (trials = 0, seed = null, target probabilities null). */
export interface ExpectedResult {
  resultVersion: 2;
  trials: 0;
  seed: null;
  scenario: string | null;
  months: string[];
  series: Record<SeriesMetric, { mean: number[] }>;
  totals: MeanStats;
  phases: {
    id: string;
    totals: MeanStats;
    targets: (Omit<TargetResult, 'probability'> & { probability: null })[];
  }[];
  /** KPI means are ratios of expected numerators to expected denominators; null when the denominator is 0. */
  scopes: (Omit<ScopeResult, 'totals' | 'kpis' | 'phases'> & {
    totals: MeanStats;
    kpis: MeanKpis;
    phases: { id: string; totals: MeanStats; kpis: MeanKpis }[];
  })[];
  /** A pursuit's chance of a win is the mean of an indicator, so expected-value mode has it exactly. */
  pursuits: PursuitResult[];
  goals: BreakthroughGoalResult[];
  elapsedMs: number;
}

export interface ExpectedOptions {
  scenarioId?: string | null;
  /**
   * The plan's customers array and its customers are never changed in place
   * (the host's plan kept per revision, electron/services/plan-cache.ts): the
   * work that depends on the customers alone (readiness, validation, grouping)
   * is then kept per array and reused by the next call.
   */
  sharedCustomers?: boolean;
  /** false: `pursuits` and `goals` left empty (the live what-if shows totals only). */
  perCustomer?: boolean;
}

/** Per-chunk partial result; chunks of CHUNK_SIZE trials, merged in index order. */
export interface ChunkResult {
  index: number;
  trials: number;
  /** Per statistic (see statLayout): sum over the chunk's trials of defined values. */
  sums: Float64Array;
  /** Per statistic: number of trials where it is defined (KPIs may be undefined). */
  counts: Float64Array;
  /**
   * Trials attaining each plan target (plan order), then trials where each
   * named pursuit is won by its phase's end (planned levels, then today's),
   * then the same for each firstContract goal by its month (see hitCount).
   */
  hits: Float64Array;
  /** Column-major per-trial values (stat × trial), or null past the quantile sample cap. */
  values: Float64Array | null;
  /** Per statistic: least and greatest defined value (Infinity and −Infinity if none): the merge's quantiles need the range. */
  lo: Float64Array;
  hi: Float64Array;
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
