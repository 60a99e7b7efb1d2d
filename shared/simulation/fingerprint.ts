// A stable fingerprint of everything that changes a simulation's result, so
// the store can mark stored results stale. Canonical JSON (sorted keys) of
// the inputs the engine reads, hashed with cyrb53 twice (different seeds)
// into 26 hex digits; each pursued customer is hashed alone and the plan's
// string carries the digest of those digests ("v2-" fingerprints; see
// inputsFingerprint). Not cryptographic; collisions are merely unlikely.

import type { Customer, Plan } from '../plan/types';

/** Bump when the engine's semantics or sampling change, so old results go stale. */
// 2: KPIs per scope, win rate over decided opportunities, three cycles,
// scoped targets, relationshipPlan, breakthrough goals (result shape 2).
// 3: same model, other draws (issue #14): deals' fates drawn first, loss
// tables for every stage, ziggurat normals — a stored run's seed no longer
// reproduces its trials (the reforecast re-runs them), so it is stale.
// 4: same model, other draws (issue #14): a lost deal's arrival month and
// loss-table cell from one draw over the run's (month, cell) table.
// 5: same model, other draws (issue #14): the exact sampler's
// stage-0 losses of a run of months, and its fate counts, with a mean below
// 128 as Poisson(⌊λ⌋) from a CDF table shared across trials plus
// Poisson(λ − ⌊λ⌋), instead of PTRS or a table per mean; a won deal's days of
// stages 1 … k − 1 drawn as one sum from its exact law (delay-sum-sampler.ts);
// a run's won deals' values and payments drawn after all their stages.
export const ENGINE_VERSION = 5;

/** JSON.stringify of each key seen (object keys repeat: every customer has the same). */
const quotedKeys = new Map<string, string>();

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i === 0 ? '' : ',') + canonical(value[i]);
    return `${s}]`;
  }
  const o = value as Record<string, unknown>;
  let s = '{';
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v === undefined) continue;
    let q = quotedKeys.get(k);
    if (q === undefined) {
      q = JSON.stringify(k);
      if (quotedKeys.size < 1000) quotedKeys.set(k, q);
    }
    s += `${s.length === 1 ? '' : ','}${q}:${canonical(v)}`;
  }
  return `${s}}`;
}

function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A customer's simulation inputs (only pursued customers count). */
function customerInputs(c: Customer): unknown {
  const { id, segmentId, relationship, factors, breakthroughPhaseId, entryStage, firstDeal, relationshipPlan } = c;
  return {
    id,
    segmentId,
    relationship,
    factors,
    breakthroughPhaseId,
    entryStage,
    firstDeal,
    // Only the pursuit's own phase entry changes the result.
    planned: breakthroughPhaseId !== undefined ? relationshipPlan?.[breakthroughPhaseId] : undefined,
  };
}

/** The inputs other than the customers, with `customers` standing in for them. */
function planInputs(plan: Plan, scenarioId: string | null, customers: unknown): string {
  const p = plan.plan;
  return canonical({
    engine: ENGINE_VERSION,
    startMonth: p.startMonth,
    horizonMonths: p.horizonMonths,
    seed: p.seed,
    trials: p.trials,
    phases: plan.phases.map(({ id, start, end }) => ({ id, start, end })),
    funnels: plan.funnels.map(({ id, stages, dealSize, deliveryDays, payments }) => ({
      id,
      stages: stages.map(({ key, conversion, days }) => ({ key, conversion, days })),
      dealSize,
      deliveryDays,
      payments,
    })),
    segments: plan.segments.map(({ id, funnelId, leads }) => ({ id, funnelId, leads })),
    customers,
    targets: plan.targets.map(({ id, phaseId, metric, value, funnelId, segmentId }) => ({ id, phaseId, metric, value, funnelId, segmentId })),
    goals: plan.goals
      .filter((g) => g.metric === 'firstContract')
      .map(({ id, phaseId, customerId, due }) => ({ id, phaseId, customerId, due })),
    scenario: scenarioId === null ? null : (plan.scenarios.find((s) => s.id === scenarioId) ?? { missing: scenarioId }),
  });
}

/** 26 hex digits: cyrb53 of `s` under two seeds. */
function digest(s: string): string {
  const a = cyrb53(s, 0x5eed).toString(16).padStart(14, '0');
  const b = cyrb53(s, 0xbeef).toString(16).padStart(14, '0');
  return `${a}${b}`.slice(0, 26);
}

/** Prefix of the fingerprints of plans hashed per customer (inputsFingerprint). */
export const FINGERPRINT_PREFIX = 'v2-';

/** Digests of shared customers (never changed in place), per customer and per customers array. */
const customerDigests = new WeakMap<Customer, string>();
const arrayDigests = new WeakMap<readonly Customer[], string>();

function customerDigest(c: Customer, shared: boolean): string {
  let d = shared ? customerDigests.get(c) : undefined;
  if (d === undefined) {
    d = digest(canonical(customerInputs(c)));
    if (shared) customerDigests.set(c, d);
  }
  return d;
}

/**
 * The digest of the pursued customers' inputs, in plan order. `shared`: the
 * array and its customers are never changed in place (the host's plan kept
 * per revision), so digests are kept per customer object and per array.
 */
function customersDigest(customers: readonly Customer[], shared: boolean): string {
  const kept = shared ? arrayDigests.get(customers) : undefined;
  if (kept !== undefined) return kept;
  let all = '';
  for (const c of customers) if (c.breakthroughPhaseId !== undefined) all += customerDigest(c, shared);
  const d = digest(all);
  if (shared) arrayDigests.set(customers, d);
  return d;
}

/**
 * "v2-" and 26 hex digits: the digest of the canonical inputs, with the
 * customers replaced by the digest of their digests (each customer's
 * canonical inputs digested alone, in plan order). Any change of the inputs
 * changes a customer's or the plan's string; only a 104-bit digest collision could hide it. On 50,000 customers, after
 * one customer changed, one customer is digested again (`sharedCustomers`).
 */
export function inputsFingerprint(plan: Plan, scenarioId: string | null = null, opts: { sharedCustomers?: boolean } = {}): string {
  return FINGERPRINT_PREFIX + digest(planInputs(plan, scenarioId, customersDigest(plan.customers, opts.sharedCustomers === true)));
}
