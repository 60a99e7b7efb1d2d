// The report model: plain data assembled once from a plan and its
// simulation results, which every export format (HTML/PDF, XLSX, PPTX, CSV)
// renders. Numbers stay numbers (formatted by each renderer for the chosen
// language); ids are resolved to names here, so renderers never look up.
//
// Sections are a discriminated union in reading order. A new section (plan
// format v2: account ladder, decisions, plan vs actual, phase-gate review) is
// a new member of `ReportSection` plus a builder in sections.ts; every
// renderer switches over `kind` with an exhaustiveness check, so the compiler
// lists each place that must learn to draw it.
import type { Locale } from '../i18n/translate';
import type {
  CustomerStatus,
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

export const SECTION_KINDS = ['summary', 'roadmap', 'customers', 'goals', 'targets', 'funnels', 'scenarios', 'appendix'] as const;
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
}

export interface FunnelReport {
  id: string;
  name: string;
  process: Process;
  stages: { key: string; name: string; conversion: Range; days: Range }[];
  dealSize: Range;
  segments: string[];
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
  | { kind: 'summary'; odds: { phaseId: string; phaseName: string; targets: TargetOdds[] }[]; risks: Risk[] | null }
  | { kind: 'roadmap'; phases: PhaseRow[] }
  | { kind: 'customers'; tiers: TierSummary[]; listed: CustomerRow[]; /** S/A customers beyond LISTED_MAX, left to the workbook. */ notListed: number }
  | { kind: 'goals'; goals: GoalRow[] }
  | { kind: 'targets'; targets: TargetOdds[] }
  | { kind: 'funnels'; funnels: FunnelReport[]; fans: FanSeries[] }
  | { kind: 'scenarios'; rows: ScenarioRow[] }
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
