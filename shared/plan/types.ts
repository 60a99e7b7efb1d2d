// Domain types of plan-format v1 (../../../shared/docs/plan-format.md).
// These are the shapes the JSON interchange format, the plan file and the
// API all share; optional fields are absent (never null) unless the format
// says null, so that import → export is the identity.

/** A fixed number or a triangular distribution. */
export type Range = number | { min: number; mode: number; max: number };

export const PHASE_STAGES = ['entry', 'breakthrough', 'expansion', 'consolidation'] as const;
export type PhaseStage = (typeof PHASE_STAGES)[number];

export const PROCESSES = ['ltc', 'mtc'] as const;
export type Process = (typeof PROCESSES)[number];

export const ROLES = ['AR', 'SR', 'FR', 'other'] as const;
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
}

export interface Stage {
  key: string;
  name: string;
  conversion: Range;
  days: Range;
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

export interface Plan {
  format: 'sales-strategy-plan';
  formatVersion: 1;
  plan: PlanSettings;
  phases: Phase[];
  funnels: Funnel[];
  segments: Segment[];
  people: Person[];
  customers: Customer[];
  goals: Goal[];
  targets: Target[];
  scenarios: Scenario[];
}

export const FORMAT_NAME = 'sales-strategy-plan';
export const FORMAT_VERSION = 1;
