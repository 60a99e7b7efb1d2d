// zod schemas for plan-format v2. These check *shape* (strict objects, types,
// bounds of single values); rules that relate several values (references,
// overlaps, sums) live in rules.ts so each gets its own message.
import { z } from 'zod';
import {
  ACTUAL_METRICS,
  CUSTOMER_STATUSES,
  DEFAULT_GOAL_STATUS,
  GOAL_STATUSES,
  MAX_CUSTOMER_LIMIT,
  RESERVED_IDS,
  TIERING_METHODS,
  TIERING_SCOPES,
  FACTORS,
  GOAL_METRICS,
  OWNER_ROLES,
  PHASE_STAGES,
  PROCESSES,
  RELATIONSHIP_LAYERS,
  ROLES,
  TARGET_METRICS,
  TIERS,
} from './types';
import { isMonth } from './months';

export const NAME_MAX = 200;
export const TEXT_MAX = 10_000;

export const NOTE_MAX = 500;
export const DECISION_TEXT_MAX = 2000;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, "_", "." or "-"')
  .refine((id) => !(RESERVED_IDS as readonly string[]).includes(id), 'is reserved ("__proto__", "constructor" and "prototype" cannot be ids)');
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
export const textSchema = z.string().max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`);
export const monthSchema = z.string().refine(isMonth, 'must be a month "YYYY-MM"');
const finite = z.number().finite();
const nonNegative = finite.min(0, 'must be ≥ 0');

/** A number or {min, mode, max} with min ≤ mode ≤ max, each within [lo, hi]. */
export function rangeSchema(lo = 0, hi = Number.POSITIVE_INFINITY) {
  const bounded = finite
    .min(lo, `must be ≥ ${lo}`)
    .max(hi, `must be ≤ ${hi}`);
  return z.union([
    bounded,
    z
      .strictObject({ min: bounded, mode: bounded, max: bounded })
      .refine((r) => r.min <= r.mode && r.mode <= r.max, 'must have min ≤ mode ≤ max'),
  ]);
}

export const conversionSchema = rangeSchema(0, 1);
export const nonNegativeRangeSchema = rangeSchema(0);

export const planSettingsSchema = z.strictObject({
  name: nameSchema,
  description: textSchema.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "CNY"'),
  startMonth: monthSchema,
  horizonMonths: z.number().int('must be a whole number').min(1).max(120),
  seed: z.number().int('must be a whole number').min(0).max(4294967295),
  trials: z.number().int('must be a whole number').min(100).max(1_000_000),
});

export const phaseSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  stage: z.enum(PHASE_STAGES),
  start: monthSchema,
  end: monthSchema,
  intent: textSchema.optional(),
  exitCriteria: z.array(textSchema.min(1, 'must not be empty')).max(100).optional(),
  focusSegmentIds: z.array(idSchema).max(1000).default([]),
  exitChecks: z.array(z.lazy(() => exitCheckSchema)).max(100).default([]),
});

export const stageSchema = z.strictObject({
  key: idSchema,
  name: nameSchema,
  conversion: conversionSchema,
  days: nonNegativeRangeSchema,
  ownerId: idSchema.optional(),
});

export const paymentSchema = z.strictObject({
  share: finite.gt(0, 'must be > 0').max(1),
  days: nonNegativeRangeSchema,
});

export const funnelSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  process: z.enum(PROCESSES),
  stages: z.array(stageSchema).min(1, 'must have at least 1 stage').max(12, 'must have at most 12 stages'),
  dealSize: nonNegativeRangeSchema,
  deliveryDays: nonNegativeRangeSchema,
  payments: z.array(paymentSchema).min(1, 'must have at least one payment').max(24),
});

export const leadEntrySchema = z.strictObject({
  phaseId: idSchema.optional(),
  perMonth: nonNegativeRangeSchema,
});

export const segmentSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  funnelId: idSchema,
  leads: z.array(leadEntrySchema).max(200),
});

export const personSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  role: z.enum(ROLES),
  customerLimit: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be ≥ 0')
    .max(MAX_CUSTOMER_LIMIT, `must be at most ${MAX_CUSTOMER_LIMIT}`)
    .optional(),
});

const layerScore = z.number().int('must be a whole number').min(0).max(4);
const factorScore = z.number().int('must be a whole number').min(1).max(5);

export const relationshipSchema = z.strictObject(
  Object.fromEntries(RELATIONSHIP_LAYERS.map((k) => [k, layerScore])) as Record<
    (typeof RELATIONSHIP_LAYERS)[number],
    typeof layerScore
  >,
);
export const factorsSchema = z.strictObject(
  Object.fromEntries(FACTORS.map((k) => [k, factorScore.optional()])) as Record<
    (typeof FACTORS)[number],
    z.ZodOptional<typeof factorScore>
  >,
);
export const ownersSchema = z.strictObject(
  Object.fromEntries(OWNER_ROLES.map((k) => [k, idSchema.nullable()])) as Record<
    (typeof OWNER_ROLES)[number],
    z.ZodNullable<typeof idSchema>
  >,
);

export const customerSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  segmentId: idSchema,
  tier: z.enum(TIERS),
  relationship: relationshipSchema,
  potential: nonNegative,
  region: z.string().max(NAME_MAX).optional(),
  industry: z.string().max(NAME_MAX).optional(),
  owners: ownersSchema,
  factors: factorsSchema.optional(),
  breakthroughPhaseId: idSchema.optional(),
  entryStage: z.number().int('must be a whole number').min(0).max(11).optional(),
  firstDeal: nonNegativeRangeSchema.optional(),
  status: z.enum(CUSTOMER_STATUSES),
  needs: textSchema.optional(),
  // Keyed by phase id; idSchema refuses "__proto__" & co. before the key is ever set on an object.
  relationshipPlan: z.record(idSchema, relationshipSchema).optional(),
});

export const goalSchema = z.strictObject({
  id: idSchema,
  phaseId: idSchema,
  customerId: idSchema.nullable(),
  title: nameSchema,
  metric: z.enum(GOAL_METRICS),
  target: finite,
  due: monthSchema,
  ownerId: idSchema.nullable(),
  status: z.enum(GOAL_STATUSES).default(DEFAULT_GOAL_STATUS),
});

export const targetSchema = z.strictObject({
  id: idSchema,
  phaseId: idSchema,
  metric: z.enum(TARGET_METRICS),
  value: nonNegative,
  ownerId: idSchema.nullable(),
  funnelId: idSchema.optional(),
  segmentId: idSchema.optional(),
});

const unit = finite.min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const noteSchema = z.string().max(NOTE_MAX, `must be at most ${NOTE_MAX} characters`).optional();
/** A non-empty list without repeats of one of `values`. */
function setOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values))
    .min(1, 'must list at least one')
    .refine((list) => new Set(list).size === list.length, 'must not list a value twice');
}

export const exitCheckSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('target'), targetId: idSchema, probability: unit, note: noteSchema }),
  z.strictObject({ kind: z.literal('coverage'), tiers: setOf(TIERS), roles: setOf(OWNER_ROLES), share: unit, note: noteSchema }),
  z.strictObject({
    kind: z.literal('relationship'),
    layer: z.enum(RELATIONSHIP_LAYERS),
    level: z.number().int('must be a whole number').min(0, 'must be a level 0…4').max(4, 'must be a level 0…4'),
    share: unit,
    note: noteSchema,
  }),
  z.strictObject({ kind: z.literal('goals'), share: unit, note: noteSchema }),
]);

// Shares ∈ [0,1] with a sum ≤ 1, or thresholds S ≥ A ≥ B ≥ 0, are rules (rules.ts): they depend on `method`.
export const tieringSchema = z.strictObject({
  method: z.enum(TIERING_METHODS),
  scope: z.enum(TIERING_SCOPES).default('all'),
  S: finite,
  A: finite,
  B: finite,
});

/** ISO 8601 date-time with a UTC offset ("Z" or ±hh:mm), e.g. 2027-03-14T10:05:00Z. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const decisionSchema = z.strictObject({
  id: idSchema,
  at: z
    .string()
    .regex(ISO_TIME, 'must be an ISO 8601 time with an offset, e.g. "2027-03-14T10:05:00Z"')
    .refine((t) => !Number.isNaN(Date.parse(t)), 'is not a real date and time'),
  text: z.string().trim().min(1, 'must not be empty').max(DECISION_TEXT_MAX, `must be at most ${DECISION_TEXT_MAX} characters`),
  phaseId: idSchema.optional(),
  byId: idSchema.optional(),
});

export const actualSchema = z.strictObject({
  month: monthSchema,
  metric: z.enum(ACTUAL_METRICS),
  value: nonNegative,
  segmentId: idSchema.optional(),
});

const multiplier = nonNegative;
export const scenarioSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  adjust: z.strictObject({
    leads: multiplier.optional(),
    conversion: multiplier.optional(),
    dealSize: multiplier.optional(),
    days: multiplier.optional(),
    stages: z
      .array(z.strictObject({ funnelId: idSchema, stageKey: idSchema, conversion: multiplier }))
      .max(200)
      .optional(),
  }),
});

const MAX_ROWS = 1_000_000;
export const planSchema = z.strictObject({
  format: z.literal('sales-strategy-plan'),
  formatVersion: z.literal(2),
  plan: planSettingsSchema,
  // A collection left out is read as empty; export always writes all of them.
  phases: z.array(phaseSchema).max(100).default([]),
  funnels: z.array(funnelSchema).max(100).default([]),
  segments: z.array(segmentSchema).max(1000).default([]),
  people: z.array(personSchema).max(100_000).default([]),
  customers: z.array(customerSchema).max(MAX_ROWS).default([]),
  goals: z.array(goalSchema).max(MAX_ROWS).default([]),
  targets: z.array(targetSchema).max(100_000).default([]),
  scenarios: z.array(scenarioSchema).max(1000).default([]),
  tiering: tieringSchema.optional(),
  decisions: z.array(decisionSchema).max(100_000).default([]),
  actuals: z.array(actualSchema).max(MAX_ROWS).default([]),
});
