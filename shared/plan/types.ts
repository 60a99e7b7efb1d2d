// Domain types of plan-format v2 (../../../shared/docs/plan-format.md).
// These are the shapes the JSON interchange format, the plan file and the
// API all share; optional fields are absent (never null) unless the format
// says null, so that import → export is the identity.

/** A fixed number or a triangular distribution. */
export type Range = number | { min: number; mode: number; max: number };

export const PHASE_STAGES = ['entry', 'breakthrough', 'expansion', 'consolidation'] as const;
export type PhaseStage = (typeof PHASE_STAGES)[number];

export const PROCESSES = ['ltc', 'mtc'] as const;
export type Process = (typeof PROCESSES)[number];

/** `platform`: the supporting "狈" (planning, marketing, finance, delivery support). */
export const ROLES = ['AR', 'SR', 'FR', 'platform', 'other'] as const;
export type Role = (typeof ROLES)[number];
/** The three iron-triangle roles a customer has an owner for. */
export const OWNER_ROLES = ['AR', 'SR', 'FR'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const TIERS = ['S', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export const CUSTOMER_STATUSES = ['target', 'engaged', 'won', 'deepening'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const RELATIONSHIP_LAYERS = ['key', 'broad', 'organizational'] as const;
export type RelationshipLayer = (typeof RELATIONSHIP_LAYERS)[number];

export const FACTORS = [
  'transactionPath',
  'customerExperience',
  'productValue',
  'customerTrust',
  'customerRelationship',
  'salesSkill',
  'pricePerformance',
] as const;
export type Factor = (typeof FACTORS)[number];

export const GOAL_METRICS = ['firstContract', 'relationshipLevel', 'shareOfWallet', 'custom'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** Metrics that are monthly series (summed over a phase). */
export const SERIES_METRICS = [
  'leads',
  'opportunities',
  'wins',
  'bookings',
  'revenue',
  'cash',
  'newKeyCustomers',
] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

/** The ratio and cycle KPIs the simulation engine reports (v1's `cycleDays` is `salesCycleDays`). */
export const KPI_METRICS = ['winRate', 'conversion', 'salesCycleDays', 'deliveryCycleDays', 'cashCycleDays'] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

/** Every metric a target may name: the series, the engine's KPIs and the delivery cycle (v2). */
export const TARGET_METRICS = [...SERIES_METRICS, 'winRate', 'conversion', 'salesCycleDays', 'deliveryCycleDays', 'cashCycleDays'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
/** Target metrics that are ratios or cycles: unscoped, they pool funnels of different kinds. */
export const RATIO_TARGET_METRICS = ['winRate', 'conversion', 'salesCycleDays', 'deliveryCycleDays', 'cashCycleDays'] as const;

/** Metrics recorded as actuals, month by month. */
export const ACTUAL_METRICS = ['leads', 'opportunities', 'wins', 'bookings', 'revenue', 'cash'] as const;
export type ActualMetric = (typeof ACTUAL_METRICS)[number];

export const GOAL_STATUSES = ['notStarted', 'inProgress', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const DEFAULT_GOAL_STATUS: GoalStatus = 'notStarted';

/** Customers one person can own before the People screen flags overload, unless the person has a
 * `customerLimit` of their own. An AR carries the relationship and the cash of each account, so fewer. */
export const DEFAULT_CUSTOMER_LIMITS: Readonly<Record<Role, number>> = { AR: 8, SR: 12, FR: 12, platform: 12, other: 12 };
export const MAX_CUSTOMER_LIMIT = 10_000;

export const EXIT_CHECK_KINDS = ['target', 'coverage', 'relationship', 'goals'] as const;
export type ExitCheckKind = (typeof EXIT_CHECK_KINDS)[number];

export const TIERING_METHODS = ['share', 'threshold'] as const;
export type TieringMethod = (typeof TIERING_METHODS)[number];
export const TIERING_SCOPES = ['all', 'segment'] as const;
export type TieringScope = (typeof TIERING_SCOPES)[number];

/** Ids that would rename an object's prototype when used as a key: refused everywhere. */
export const RESERVED_IDS = ['__proto__', 'constructor', 'prototype'] as const;

export interface PlanSettings {
  name: string;
  description?: string;
  currency: string;
  startMonth: string; // YYYY-MM
  horizonMonths: number;
  seed: number;
  trials: number;
}

export interface Phase {
  id: string;
  name: string;
  stage: PhaseStage;
  start: string; // YYYY-MM, inclusive
  end: string; // YYYY-MM, inclusive
  intent?: string;
  exitCriteria?: string[];
  /** v2: segments this phase concentrates on (always present, possibly empty, once parsed or read). */
  focusSegmentIds?: string[];
  /** v2: measurable gate criteria (always present, possibly empty, once parsed or read). */
  exitChecks?: ExitCheck[];
}

interface ExitCheckBase {
  note?: string;
}
/** Simulated probability of meeting that target (a target of this phase) ≥ probability. */
export interface TargetExitCheck extends ExitCheckBase {
  kind: 'target';
  targetId: string;
  probability: number;
}
/** Share of this phase's breakthrough customers of those tiers with every listed role filled ≥ share. */
export interface CoverageExitCheck extends ExitCheckBase {
  kind: 'coverage';
  tiers: Tier[];
  roles: OwnerRole[];
  share: number;
}
/** Share of this phase's breakthrough customers whose current level on that layer ≥ level. */
export interface RelationshipExitCheck extends ExitCheckBase {
  kind: 'relationship';
  layer: RelationshipLayer;
  level: number;
  share: number;
}
/** Share of this phase's goals with status "achieved" ≥ share. */
export interface GoalsExitCheck extends ExitCheckBase {
  kind: 'goals';
  share: number;
}
export type ExitCheck = TargetExitCheck | CoverageExitCheck | RelationshipExitCheck | GoalsExitCheck;

export interface Stage {
  key: string;
  name: string;
  conversion: Range;
  days: Range;
  /** v2: the person measured by this stage's results. */
  ownerId?: string;
}

export interface Payment {
  share: number;
  days: Range;
}

export interface Funnel {
  id: string;
  name: string;
  process: Process;
  stages: Stage[];
  dealSize: Range;
  deliveryDays: Range;
  payments: Payment[];
}

export interface LeadEntry {
  phaseId?: string; // absent: the segment's default
  perMonth: Range;
}

export interface Segment {
  id: string;
  name: string;
  funnelId: string;
  leads: LeadEntry[];
}

export interface Person {
  id: string;
  name: string;
  role: Role;
  /** v2: customers this person can own; absent = the role default (DEFAULT_CUSTOMER_LIMITS). */
  customerLimit?: number;
}

export type Relationship = Record<RelationshipLayer, number>;
export type Factors = Partial<Record<Factor, number>>;
export type Owners = Record<OwnerRole, string | null>;

export interface Customer {
  id: string;
  name: string;
  segmentId: string;
  tier: Tier;
  relationship: Relationship;
  potential: number;
  region?: string;
  industry?: string;
  owners: Owners;
  factors?: Factors;
  breakthroughPhaseId?: string;
  entryStage?: number;
  firstDeal?: Range;
  status: CustomerStatus;
  /** v2: 客户需求, the customer's needs in free text. */
  needs?: string;
  /** v2: 分阶段加深客户合作深度 — planned levels by the end of each phase, keyed by phase id. */
  relationshipPlan?: Record<string, Relationship>;
}

export interface Goal {
  id: string;
  phaseId: string;
  customerId: string | null;
  title: string;
  metric: GoalMetric;
  target: number;
  due: string; // YYYY-MM
  ownerId: string | null;
  /** v2: default notStarted (always present once parsed or read). */
  status?: GoalStatus;
}

export interface Target {
  id: string;
  phaseId: string;
  metric: TargetMetric;
  value: number;
  ownerId: string | null;
  /** v2 scope: only this funnel's deals (not together with segmentId). */
  funnelId?: string;
  /** v2 scope: only this segment's deals; named pursuits count in their customer's segment. */
  segmentId?: string;
}

export interface StageAdjust {
  funnelId: string;
  stageKey: string;
  conversion: number;
}

export interface ScenarioAdjust {
  leads?: number;
  conversion?: number;
  dealSize?: number;
  days?: number;
  stages?: StageAdjust[];
}

export interface Scenario {
  id: string;
  name: string;
  adjust: ScenarioAdjust;
}

/** v2: the rule that tiers the customer list. share: S/A/B are the top shares of customers by
 * potential; threshold: S/A/B are the minimum potential of each tier. C is the rest. */
export interface Tiering {
  method: TieringMethod;
  scope: TieringScope;
  S: number;
  A: number;
  B: number;
}

/** v2: one entry of the decision log (workshops, reviews). */
export interface Decision {
  id: string;
  at: string; // ISO 8601 with offset
  text: string;
  phaseId?: string;
  byId?: string;
}

/** v2: what happened in one month; no segmentId = the whole plan. */
export interface Actual {
  month: string; // YYYY-MM
  metric: ActualMetric;
  value: number;
  segmentId?: string;
}

export interface Plan {
  format: 'sales-strategy-plan';
  formatVersion: 2;
  plan: PlanSettings;
  phases: Phase[];
  funnels: Funnel[];
  segments: Segment[];
  people: Person[];
  customers: Customer[];
  goals: Goal[];
  targets: Target[];
  scenarios: Scenario[];
  tiering?: Tiering;
  /** Always present (possibly empty) once parsed or read. */
  decisions?: Decision[];
  /** Always present (possibly empty) once parsed or read. */
  actuals?: Actual[];
}

export const FORMAT_NAME = 'sales-strategy-plan';
/** The version export writes; import also reads every version below it (upgraded, see parse.ts). */
export const FORMAT_VERSION = 2;
