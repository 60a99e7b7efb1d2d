// Checks that a plan and the run options make sense to the engine, before any
// work starts. The plan importer validates the document in full; this is the
// engine's own guard (plans also arrive from the store, the UI and scripts),
// limited to what would make a run meaningless or crash it. Messages name the
// JSON path, like the importer's.

import type { Customer, Plan } from '../plan/types';
import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import { isMonth, monthIndex } from '../plan/months';
import { SimulationInputError } from './errors';

export const MIN_TRIALS = 100;
export const MAX_TRIALS = 1_000_000;
const METRICS: readonly string[] = [...SERIES_METRICS, ...KPI_METRICS];

export interface RunInputs {
  trials?: number;
  seed?: number;
  scenarioId?: string | null;
}

function fail(code: SimulationInputError['code'], message: string, path: string | null = null): never {
  throw new SimulationInputError(code, message, path);
}

const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function checkRange(r: unknown, path: string, lo: number, hi: number): void {
  if (typeof r === 'number') {
    if (!ok(r) || r < lo || r > hi) fail('invalidRange', `must be a number in [${lo}, ${hi}]`, path);
    return;
  }
  const o = r as { min?: unknown; mode?: unknown; max?: unknown } | null;
  if (!o || typeof o !== 'object' || !ok(o.min) || !ok(o.mode) || !ok(o.max)) {
    fail('invalidRange', 'must be a number or { min, mode, max } of finite numbers', path);
  }
  if (!(o.min <= o.mode && o.mode <= o.max)) fail('invalidRange', 'needs min <= mode <= max', path);
  if (o.min < lo || o.max > hi) fail('invalidRange', `must lie in [${lo}, ${hi}]`, path);
}

export function checkTrials(trials: number, path = 'trials'): void {
  if (!Number.isInteger(trials) || trials < MIN_TRIALS || trials > MAX_TRIALS) {
    fail('trialsOutOfRange', `trials must be an integer in ${MIN_TRIALS}…${MAX_TRIALS}, got ${trials}`, path);
  }
}

export function checkSeed(seed: number, path = 'seed'): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    fail('invalidSeed', `seed must be an integer in 0…4294967295, got ${seed}`, path);
  }
}

/** Throws SimulationInputError naming the first problem found (trials and seed included). */
export function validateSimulationInput(plan: Plan, opts: RunInputs = {}): void {
  checkTrials(opts.trials ?? plan.plan.trials, opts.trials === undefined ? 'plan.trials' : 'trials');
  checkSeed(opts.seed ?? plan.plan.seed, opts.seed === undefined ? 'plan.seed' : 'seed');
  validatePlanForSimulation(plan, opts.scenarioId ?? null);
}

/** Shared customers arrays (never changed in place) found valid, with the segment and phase ids they were checked against. */
const validCustomers = new WeakMap<readonly Customer[], string>();

/**
 * The plan-and-scenario part of validateSimulationInput (expected-value mode
 * needs no trials). `sharedCustomers`: the customers array is never changed
 * in place (ExpectedOptions), so its check is kept per array.
 */
export function validatePlanForSimulation(plan: Plan, scenarioId: string | null, sharedCustomers = false): void {
  const s = plan.plan;
  if (!isMonth(s.startMonth)) fail('invalidStartMonth', `not a month (YYYY-MM): ${s.startMonth}`, 'plan.startMonth');
  if (!Number.isInteger(s.horizonMonths) || s.horizonMonths < 1 || s.horizonMonths > 120) {
    fail('invalidHorizon', 'horizonMonths must be an integer in 1…120', 'plan.horizonMonths');
  }

  const phaseIds = new Set<string>();
  plan.phases.forEach((ph, i) => {
    const path = `phases[${i}]`;
    if (!isMonth(ph.start) || !isMonth(ph.end) || monthIndex(ph.start, ph.end) < 0) {
      fail('invalidPhase', `phase "${ph.id}" needs months start <= end`, path);
    }
    phaseIds.add(ph.id);
  });

  if (plan.funnels.length === 0) fail('noFunnels', 'the plan has no funnels', 'funnels');
  const funnels = new Map<string, number>();
  plan.funnels.forEach((f, i) => {
    const path = `funnels[${i}]`;
    funnels.set(f.id, f.stages.length);
    if (f.stages.length === 0) fail('noStages', `funnel "${f.id}" has no stages`, `${path}.stages`);
    f.stages.forEach((st, j) => {
      checkRange(st.conversion, `${path}.stages[${j}].conversion`, 0, 1);
      checkRange(st.days, `${path}.stages[${j}].days`, 0, Number.MAX_VALUE);
    });
    checkRange(f.dealSize, `${path}.dealSize`, 0, Number.MAX_VALUE);
    checkRange(f.deliveryDays, `${path}.deliveryDays`, 0, Number.MAX_VALUE);
    let share = 0;
    f.payments.forEach((p, j) => {
      if (!(typeof p.share === 'number' && p.share > 0 && p.share <= 1)) {
        fail('invalidPayments', 'share must be in (0, 1]', `${path}.payments[${j}].share`);
      }
      share += p.share;
      checkRange(p.days, `${path}.payments[${j}].days`, 0, Number.MAX_VALUE);
    });
    if (f.payments.length > 0 && Math.abs(share - 1) > 1e-6) {
      fail('invalidPayments', `payment shares sum to ${share}, not 1`, `${path}.payments`);
    }
  });

  if (plan.segments.length === 0) fail('noSegments', 'the plan has no segments (nothing generates leads)', 'segments');
  const segments = new Set<string>();
  plan.segments.forEach((seg, i) => {
    const path = `segments[${i}]`;
    segments.add(seg.id);
    if (!seg.funnelId) fail('segmentWithoutFunnel', `segment "${seg.id}" has no funnel`, `${path}.funnelId`);
    if (!funnels.has(seg.funnelId)) {
      fail('unknownFunnel', `segment "${seg.id}" names unknown funnel "${seg.funnelId}"`, `${path}.funnelId`);
    }
    seg.leads.forEach((e, j) => {
      if (e.phaseId !== undefined && !phaseIds.has(e.phaseId)) {
        fail('unknownPhase', `unknown phase "${e.phaseId}"`, `${path}.leads[${j}].phaseId`);
      }
      checkRange(e.perMonth, `${path}.leads[${j}].perMonth`, 0, 1e12);
    });
  });

  // The customers depend only on the segment and phase ids: a shared array found valid under the same ids stays valid.
  const idsKey = sharedCustomers ? JSON.stringify([[...segments.keys()], [...phaseIds]]) : null;
  if (idsKey === null || validCustomers.get(plan.customers) !== idsKey) {
    plan.customers.forEach((c, i) => {
      if (c.breakthroughPhaseId === undefined) return;
      if (!segments.has(c.segmentId)) fail('unknownSegment', `unknown segment "${c.segmentId}"`, `customers[${i}].segmentId`);
      if (!phaseIds.has(c.breakthroughPhaseId)) {
        fail('unknownPhase', `unknown phase "${c.breakthroughPhaseId}"`, `customers[${i}].breakthroughPhaseId`);
      }
      if (c.entryStage !== undefined && !(Number.isInteger(c.entryStage) && c.entryStage >= 0)) {
        fail('invalidEntryStage', 'entryStage must be an integer >= 0', `customers[${i}].entryStage`);
      }
      if (c.firstDeal !== undefined) checkRange(c.firstDeal, `customers[${i}].firstDeal`, 0, Number.MAX_VALUE);
    });
    if (idsKey !== null) validCustomers.set(plan.customers, idsKey);
  }

  plan.targets.forEach((t, i) => {
    const path = `targets[${i}]`;
    if (!phaseIds.has(t.phaseId)) fail('unknownPhase', `unknown phase "${t.phaseId}"`, `${path}.phaseId`);
    if (!METRICS.includes(t.metric)) fail('unknownMetric', `unknown metric "${String(t.metric)}"`, `${path}.metric`);
    if (typeof t.value !== 'number' || !Number.isFinite(t.value)) fail('invalidRange', 'value must be finite', `${path}.value`);
    if (t.funnelId !== undefined && t.segmentId !== undefined) {
      fail('invalidScope', `target "${t.id}" names both a funnel and a segment; give at most one`, path);
    }
    if (t.funnelId !== undefined && !funnels.has(t.funnelId)) {
      fail('unknownFunnel', `target "${t.id}" names unknown funnel "${t.funnelId}"`, `${path}.funnelId`);
    }
    if (t.segmentId !== undefined && !segments.has(t.segmentId)) {
      fail('unknownSegment', `target "${t.id}" names unknown segment "${t.segmentId}"`, `${path}.segmentId`);
    }
  });

  plan.goals.forEach((g, i) => {
    if (g.metric !== 'firstContract') return;
    const path = `goals[${i}]`;
    if (!phaseIds.has(g.phaseId)) fail('unknownPhase', `unknown phase "${g.phaseId}"`, `${path}.phaseId`);
    if (g.due && !/^\d{4}-(0[1-9]|1[0-2])$/.test(g.due)) fail('invalidPhase', `due must be a month YYYY-MM, got "${g.due}"`, `${path}.due`);
  });

  if (scenarioId !== null) {
    const i = plan.scenarios.findIndex((sc) => sc.id === scenarioId);
    if (i < 0) fail('unknownScenario', `unknown scenario "${scenarioId}"`, 'scenarioId');
    const adj = plan.scenarios[i]!.adjust;
    const path = `scenarios[${i}].adjust`;
    for (const key of ['leads', 'conversion', 'dealSize', 'days'] as const) {
      const v = adj[key];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
        fail('invalidScenario', `${key} must be a finite number >= 0`, `${path}.${key}`);
      }
    }
    (adj.stages ?? []).forEach((st, j) => {
      const f = plan.funnels.find((x) => x.id === st.funnelId);
      if (!f || !f.stages.some((x) => x.key === st.stageKey)) {
        fail('invalidScenario', `no stage "${st.stageKey}" in funnel "${st.funnelId}"`, `${path}.stages[${j}]`);
      }
      if (!(Number.isFinite(st.conversion) && st.conversion >= 0)) {
        fail('invalidScenario', 'conversion must be a finite number >= 0', `${path}.stages[${j}].conversion`);
      }
    });
  }
}
