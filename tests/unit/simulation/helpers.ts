// Test fixtures and statistics helpers for the simulation tests.

import type { Plan } from '../../../shared/plan/types';
import { chunkCount, mergeChunks, simulateChunks, statLayout } from '../../../shared/simulation';
import type { SimulateOptions, SimulationResult, StatLayout } from '../../../shared/simulation';

const tri = (min: number, mode: number, max: number) => ({ min, mode, max });
const owners = { AR: null, SR: null, FR: null };

/**
 * A small plan exercising everything per deal: triangular conversions,
 * lead volumes and stage days, two funnels (4 and 2 stages), phase lead
 * entries, three payments, named pursuits (entry stages 0, 1 default, 2),
 * targets on every kind of metric, and a scenario.
 */
export function smallPlan(): Plan {
  return {
    format: 'sales-strategy-plan',
    formatVersion: 2,
    plan: { name: 'Test plan', currency: 'CNY', startMonth: '2027-01', horizonMonths: 15, seed: 42, trials: 1000 },
    phases: [
      { id: 'p1', name: 'Entry', stage: 'entry', start: '2027-01', end: '2027-04' },
      { id: 'p2', name: 'Breakthrough', stage: 'breakthrough', start: '2027-05', end: '2027-10' },
      { id: 'p3', name: 'Expansion', stage: 'expansion', start: '2027-11', end: '2028-03' },
    ],
    funnels: [
      {
        id: 'ltc', name: 'LTC', process: 'ltc',
        stages: [
          { key: 'lead', name: 'Lead', conversion: tri(0.4, 0.5, 0.7), days: tri(5, 10, 30) },
          { key: 'opp', name: 'Opportunity', conversion: 0.6, days: tri(10, 25, 50) },
          { key: 'solution', name: 'Solution', conversion: tri(0.5, 0.7, 0.8), days: 20 },
          { key: 'bid', name: 'Bid', conversion: tri(0.3, 0.45, 0.6), days: tri(7, 14, 40) },
        ],
        dealSize: tri(100, 300, 900),
        deliveryDays: tri(10, 30, 90),
        payments: [
          { share: 0.3, days: 0 },
          { share: 0.5, days: tri(30, 60, 120) },
          { share: 0.2, days: 180 },
        ],
      },
      {
        id: 'mtc', name: 'MTC', process: 'mtc',
        stages: [
          { key: 'visit', name: 'Visit', conversion: tri(0.2, 0.3, 0.35), days: tri(0, 3, 12) },
          { key: 'buy', name: 'Buy', conversion: 0.5, days: tri(0, 1, 5) },
        ],
        dealSize: tri(5, 8, 20),
        deliveryDays: 2,
        payments: [
          { share: 0.5, days: 0 },
          { share: 0.5, days: tri(20, 30, 45) },
        ],
      },
    ],
    segments: [
      { id: 'bank', name: 'Banks', funnelId: 'ltc', leads: [{ perMonth: 6 }, { phaseId: 'p2', perMonth: tri(6, 9, 14) }] },
      { id: 'shop', name: 'Shoppers', funnelId: 'mtc', leads: [{ perMonth: tri(10, 15, 25) }] },
    ],
    people: [],
    customers: [
      {
        id: 'c1', name: 'Strong', segmentId: 'bank', tier: 'S', relationship: { key: 4, broad: 3, organizational: 3 },
        potential: 1000, owners, factors: { productValue: 5, customerTrust: 4 }, breakthroughPhaseId: 'p1',
        firstDeal: tri(1000, 2000, 4000), status: 'target',
      },
      {
        id: 'c2', name: 'Late stage', segmentId: 'bank', tier: 'A', relationship: { key: 1, broad: 2, organizational: 1 },
        potential: 1000, owners, breakthroughPhaseId: 'p2', entryStage: 2, status: 'engaged',
        // The account ladder: levels planned by the end of each phase; the pursuit uses p2's.
        relationshipPlan: { p1: { key: 2, broad: 2, organizational: 1 }, p2: { key: 4, broad: 4, organizational: 3 } },
      },
      {
        id: 'c3', name: 'From the top', segmentId: 'shop', tier: 'B', relationship: { key: 2, broad: 2, organizational: 2 },
        potential: 10, owners, breakthroughPhaseId: 'p2', entryStage: 0, status: 'target',
      },
      {
        id: 'c4', name: 'Not pursued', segmentId: 'bank', tier: 'C', relationship: { key: 0, broad: 0, organizational: 0 },
        potential: 10, owners, status: 'target',
      },
    ],
    goals: [
      { id: 'g-c1', phaseId: 'p1', customerId: 'c1', title: 'First contract', metric: 'firstContract', target: 1, due: '2027-03', ownerId: null },
      { id: 'g-c2', phaseId: 'p2', customerId: 'c2', title: 'First contract', metric: 'firstContract', target: 1, due: '2027-12', ownerId: null },
      { id: 'g-c4', phaseId: 'p2', customerId: 'c4', title: 'Not pursued', metric: 'firstContract', target: 1, due: '2027-10', ownerId: null },
      { id: 'g-rel', phaseId: 'p2', customerId: 'c1', title: 'Not simulated', metric: 'relationshipLevel', target: 3, due: '2027-10', ownerId: null },
    ],
    targets: [
      { id: 't-bookings', phaseId: 'p2', metric: 'bookings', value: 2500, ownerId: null },
      { id: 't-wins', phaseId: 'p3', metric: 'wins', value: 8, ownerId: null },
      { id: 't-cash', phaseId: 'p3', metric: 'cash', value: 2500, ownerId: null },
      { id: 't-nkc', phaseId: 'p2', metric: 'newKeyCustomers', value: 1, ownerId: null },
      { id: 't-leads', phaseId: 'p1', metric: 'leads', value: 90, ownerId: null },
      { id: 't-winrate', phaseId: 'p2', metric: 'winRate', value: 0.45, ownerId: null },
      { id: 't-conv', phaseId: 'p3', metric: 'conversion', value: 0.06, ownerId: null },
      { id: 't-cycle', phaseId: 'p3', metric: 'salesCycleDays', value: 40, ownerId: null },
      { id: 't-cashcycle', phaseId: 'p3', metric: 'cashCycleDays', value: 30, ownerId: null },
      { id: 't-ltc-winrate', phaseId: 'p2', metric: 'winRate', value: 0.2, ownerId: null, funnelId: 'ltc' },
      { id: 't-shop-conv', phaseId: 'p3', metric: 'conversion', value: 0.14, ownerId: null, segmentId: 'shop' },
      { id: 't-bank-wins', phaseId: 'p3', metric: 'wins', value: 4, ownerId: null, segmentId: 'bank' },
      { id: 't-delivery', phaseId: 'p3', metric: 'deliveryCycleDays', value: 45, ownerId: null, funnelId: 'ltc' },
    ],
    scenarios: [
      {
        id: 'slow', name: 'Slow',
        adjust: { leads: 0.8, conversion: 1.1, dealSize: 1.2, days: 1.5, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 0.7 }] },
      },
    ],
  };
}

export interface EngineRun {
  result: SimulationResult;
  layout: StatLayout;
  /** Per-trial values of statistic i (NaN where undefined). */
  column(i: number): Float64Array;
}

/** Runs the engine through the chunk API, keeping per-trial values for variance checks. */
export function engineRun(plan: Plan, opts: SimulateOptions): EngineRun {
  const trials = opts.trials ?? plan.plan.trials;
  const chunks = simulateChunks(plan, opts, 0, chunkCount(trials));
  const result = mergeChunks(plan, opts, chunks);
  const layout = statLayout(result.months.length, plan.phases.length, 1 + plan.funnels.length + plan.segments.length);
  return {
    result,
    layout,
    column(i: number) {
      const out = new Float64Array(trials);
      let o = 0;
      for (const c of chunks) for (let t = 0; t < c.trials; t++) out[o++] = c.values![i * c.trials + t]!;
      return out;
    },
  };
}

export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number; n: number } {
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (Number.isNaN(x)) continue;
    n++;
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: n > 1 ? Math.max(0, (s2 - n * mean * mean) / (n - 1)) : 0, n };
}

/** Two-sample check that means agree within z standard errors. */
export function meansAgree(a: ArrayLike<number>, b: ArrayLike<number>, z = 4.5, absTol = 1e-9): { ok: boolean; detail: string } {
  const x = meanVar(a);
  const y = meanVar(b);
  const se = Math.sqrt(x.variance / x.n + y.variance / y.n);
  const diff = Math.abs(x.mean - y.mean);
  return { ok: diff <= z * se + absTol, detail: `${x.mean} vs ${y.mean} (diff ${diff}, se ${se})` };
}

/**
 * Is `q` a plausible p-quantile of sample `ref` (size n) given the engine's
 * own sample size m? Checks F(q−) <= p + δ and F(q) >= p − δ with
 * δ = z·√(p(1−p)(1/n + 1/m)) — valid for discrete data too.
 */
export function quantilePlausible(ref: number[], q: number, p: number, m: number, z = 4.5): { ok: boolean; detail: string } {
  const xs = ref.filter((x) => !Number.isNaN(x));
  const n = xs.length;
  const below = xs.filter((x) => x < q - 1e-9 * Math.max(1, Math.abs(q))).length / n;
  const atOrBelow = xs.filter((x) => x <= q + 1e-9 * Math.max(1, Math.abs(q))).length / n;
  const d = z * Math.sqrt(p * (1 - p) * (1 / n + 1 / m)) + 1e-9;
  return { ok: below <= p + d && atOrBelow >= p - d, detail: `q=${q} F(q-)=${below} F(q)=${atOrBelow} p=${p} d=${d}` };
}

export function proportionsAgree(p1: number, n1: number, p2: number, n2: number, z = 4.5): { ok: boolean; detail: string } {
  const p = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  return { ok: Math.abs(p1 - p2) <= z * se + 1e-9, detail: `${p1} vs ${p2} (se ${se})` };
}

/** Copy of a plan with every lead volume multiplied. */
export function scaleLeads(plan: Plan, factor: number): Plan {
  const p = structuredClone(plan);
  const scale = (r: number | { min: number; mode: number; max: number }) =>
    typeof r === 'number' ? r * factor : { min: r.min * factor, mode: r.mode * factor, max: r.max * factor };
  for (const s of p.segments) for (const e of s.leads) e.perMonth = scale(e.perMonth);
  return p;
}

export const withoutTime = (r: object) => JSON.stringify({ ...r, elapsedMs: 0 });
