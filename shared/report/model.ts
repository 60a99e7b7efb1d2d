// The report model: plain data assembled once from a plan and its
// simulation results, which every export format (HTML/PDF, XLSX, PPTX, CSV)
// renders. Numbers stay numbers (formatted by each renderer for the chosen
// language); ids are resolved to names here, so renderers never look up.
//
// Sections are a discriminated union in reading order. A new section is a
// new member of `ReportSection` plus its case in build.ts; every renderer
// switches over `kind` with an exhaustiveness check, so the compiler lists
// each place that must learn to draw it.
import type { Locale } from '../i18n/translate';
import type { GateStatus, NotMeasured } from '../plan/gate';
import type {
  ActualMetric,
  CustomerStatus,
  ExitCheck,
  KpiMetric,
  GoalMetric,
  PhaseStage,
  Process,
  Range,
  Relationship,
  ScenarioAdjust,
  SeriesMetric,
  TargetMetric,
  Tier,
} from '../plan/types';

export const SECTION_KINDS = ['summary', 'roadmap', 'customers', 'ladder', 'goals', 'targets', 'funnels', 'actuals', 'scenarios', 'decisions', 'appendix'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface ReportRunInfo {
  id: string;
  mode: 'monte-carlo' | 'expected';
  createdAt: string;
  seed: number | null;
  trials: number;
  /** True when the export ran this simulation because no up-to-date stored run existed. */
  ranForReport: boolean;
}

export interface ReportCover {
  planName: string;
  description: string;
  currency: string;
  startMonth: string;
  endMonth: string;
  horizonMonths: number;
  generatedAt: string;
  scenarioId: string | null;
  scenarioName: string | null;
  run: ReportRunInfo | null;
  /** Why there is no run (the plan cannot be simulated yet), for people. */
  noRunReason: string | null;
}

/** Quantiles of a total; p10/p50/p90 are null in expected-value mode. */
export interface Spread {
  mean: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface TargetOdds {
  id: string;
  phaseId: string;
  phaseName: string;
  metric: TargetMetric;
  value: number;
  owner: string | null;
  /** Share of trials attaining it; null without a Monte-Carlo run. */
  probability: number | null;
  /** The metric's spread over the phase (series metrics only). */
  outcome: Spread | null;
}

export type RiskInput =
  | { kind: 'conversion' | 'days'; funnel: string; stage: string }
  | { kind: 'leads'; segment: string }
  | { kind: 'dealSize'; funnel: string };

export interface Risk {
  input: RiskInput;
  /** Swing of median orders (bookings) over the horizon for ±10 % of the input. */
  swing: number;
}

export interface PhaseRow {
  id: string;
  name: string;
  stage: PhaseStage;
  start: string;
  end: string;
  intent: string;
  exitCriteria: string[];
}

export interface CustomerRow {
  id: string;
  name: string;
  tier: Tier;
  segment: string;
  region: string;
  industry: string;
  status: CustomerStatus;
  potential: number;
  relationship: Relationship;
  owners: { AR: string | null; SR: string | null; FR: string | null };
  breakthroughPhase: string | null;
  /** v2: 客户需求 (empty when none). */
  needs: string;
  /** Odds of the breakthrough pursuit (won by the end of its phase) from the run's pursuits[]; null without one. */
  odds: number | null;
  /** The customer's breakthrough goals with their odds (the run's goals[]). */
  goals: { title: string; probability: number | null }[];
}

export interface TierSummary {
  tier: Tier;
  count: number;
  potential: number;
}

export interface GoalRow {
  id: string;
  phaseName: string;
  title: string;
  customer: string | null;
  metric: GoalMetric;
  target: number;
  due: string;
  owner: string | null;
  /** firstContract goals: odds of the customer's first win by the due month (the run's goals[]); else null. */
  probability: number | null;
}

export interface FunnelReport {
  id: string;
  name: string;
  process: Process;
  stages: { key: string; name: string; conversion: Range; days: Range; owner: string | null }[];
  dealSize: Range;
  segments: string[];
  /** The funnel's KPIs over the horizon (the run's scopes[]); null without a run. p10/p90 are null in expected-value mode. */
  kpis: Record<KpiMetric, Spread | null> | null;
}

/** One exit check of a phase gate, judged by shared/plan/gate.ts; names resolved. */
export interface GateCheckRow {
  check: ExitCheck;
  /** For a target check: the target as metric, value and scope name (null: not in the plan). */
  target: { metric: TargetMetric; value: number; scope: string | null } | null;
  status: GateStatus;
  measured: number | null;
  required: number;
  meeting: number;
  total: number;
  /** Names of the customers or goals falling short. */
  short: string[];
  why: NotMeasured | null;
}

export interface PhaseGateRow {
  phaseId: string;
  phaseName: string;
  /** Worst of the checks; null: the phase has no exit checks. */
  status: GateStatus | null;
  checks: GateCheckRow[];
}

/** One breakthrough customer's account ladder: planned levels per phase beside today's. */
export interface LadderRow {
  name: string;
  tier: Tier;
  breakthroughPhase: string | null;
  today: Relationship;
  /** One per plan phase (the section's phases); null where the plan sets no level. */
  planned: (Relationship | null)[];
}

/** One actual in the simulated range of its month (the reforecast module's check). */
export interface ActualCheckRow {
  month: string;
  metric: ActualMetric;
  /** Segment name; null: the whole plan. */
  segment: string | null;
  value: number;
  p10: number;
  p50: number;
  p90: number;
  percentile: number;
  outside: 'below' | 'above' | null;
}

export interface DecisionRow {
  at: string;
  text: string;
  phase: string | null;
  by: string | null;
}

/** A monthly series for a fan chart: mean always, quantile bands with a Monte-Carlo run. */
export interface FanSeries {
  metric: SeriesMetric;
  months: string[];
  mean: number[];
  p10: number[] | null;
  p50: number[] | null;
  p90: number[] | null;
}

export interface ScenarioRow {
  id: string | null;
  name: string;
  adjust: ScenarioAdjust | null;
  /** "funnelId/stageKey" → "funnel: stage" for the per-stage adjustments. */
  stageNames: Record<string, string>;
  /** Expected totals over the horizon; null when the plan cannot be simulated. */
  totals: Record<'leads' | 'wins' | 'bookings' | 'cash', number> | null;
}

export interface InputRow {
  /** A message key's parameters: see report.input.* (labels are made by the renderers). */
  kind: 'leads' | 'conversion' | 'days' | 'dealSize' | 'deliveryDays' | 'payment';
  funnel?: string;
  stage?: string;
  segment?: string;
  phase?: string | null;
  payment?: { n: number; share: number };
  value: Range;
  money: boolean;
}

export type ReportSection =
  | { kind: 'summary'; odds: { phaseId: string; phaseName: string; targets: TargetOdds[] }[]; risks: Risk[] | null; gates: PhaseGateRow[] }
  | { kind: 'roadmap'; phases: PhaseRow[] }
  | { kind: 'customers'; tiers: TierSummary[]; listed: CustomerRow[]; /** S/A customers beyond LISTED_MAX, left to the workbook. */ notListed: number }
  | { kind: 'ladder'; phases: string[]; rows: LadderRow[]; notListed: number }
  | { kind: 'goals'; goals: GoalRow[] }
  | { kind: 'targets'; targets: TargetOdds[] }
  | { kind: 'funnels'; funnels: FunnelReport[]; fans: FanSeries[] }
  | {
      kind: 'actuals';
      /** Nothing entered yet (or no Monte-Carlo run to compare with): the renderers say so. */
      count: number;
      asOf: string | null;
      checks: ActualCheckRow[];
      /** Each target's odds as planned and given the actuals. */
      targets: { phaseName: string; metric: TargetMetric; value: number; scope: string | null; probability: number; reforecast: number }[];
    }
  | { kind: 'scenarios'; rows: ScenarioRow[] }
  | { kind: 'decisions'; rows: DecisionRow[] }
  | { kind: 'appendix'; inputs: InputRow[] };

export type SectionOf<K extends SectionKind> = Extract<ReportSection, { kind: K }>;

export interface ReportModel {
  lang: Locale;
  cover: ReportCover;
  sections: ReportSection[];
}

/** Ends a `switch` over a union: a new member fails to compile here. */
export function unreachable(value: never): never {
  throw new Error(`unhandled report section ${JSON.stringify(value)}`);
}
