// The named customers (breakthrough pursuits) of expected-value mode, grouped.
// A pursuit's expected series are its count times its stage offsets times its
// readiness-lifted reach, times its deal value for the money: so pursuits of
// one segment, entry stage, start month and readiness add up as one group
// carrying their count and the sum of their deal values. A 50,000-customer
// plan has a few hundred groups (readiness takes few values), and what a
// what-if changes (funnel conversions, days, deal size, leads) enters per
// group, not per customer.
//
// The table (readiness, groups, each pursuit's group and win window) depends
// on the customers and the plan's shape only, not on the what-if. With
// `shared` (the customers array is never changed in place: the host's plan
// kept per revision) it is kept per customers array and shape, so a slider
// move does no per-customer work but write each pursuit's win chance.

import type { Customer, Plan } from '../plan/types';
import { L as L_DAYS, type CompiledModel } from './compile';
import { RangeDist } from './distributions';
import { readiness } from './readiness';

/** Pursuits with one funnel, entry stage and readiness: one reach. */
export interface ReachClass {
  funnel: number;
  entryStage: number;
  readiness: number;
}

/** Pursuits with one funnel, entry stage, start month and deadline (days): one share of win months in time. */
export interface WinWindow {
  funnel: number;
  entryStage: number;
  startMonth: number;
  deadline: number;
}

/** Pursuits adding to the same segment's accumulators alike. */
export interface NamedGroup {
  segment: number;
  /** Index into NamedTable.classes (planned readiness). */
  cls: number;
  startMonth: number;
  count: number;
  /** Pursuits without a first deal of their own: their value is the funnel's deal size. */
  funnelValued: number;
  /** Σ unscaled mean of the pursuits' own first deals (the scenario's deal-size factor multiplies it). */
  firstDealSum: number;
}

/** The pursuits within the horizon, in plan order (as compile's `named`), and their groups. */
export interface NamedTable {
  id: string[];
  phaseId: string[];
  usesPlan: boolean[];
  readiness: Float64Array;
  readinessToday: Float64Array;
  /** Each pursuit's reach class with planned and with today's readiness. */
  cls: Int32Array;
  clsToday: Int32Array;
  /** Each pursuit's win window (its phase's end). */
  window: Int32Array;
  classes: ReachClass[];
  windows: WinWindow[];
  groups: NamedGroup[];
  /** Customer id → pursuit row, for the customers of firstContract goals. */
  row: Map<string, number>;
}

/** What of the compiled model the table depends on (besides the customers). */
function shapeKey(model: CompiledModel): string {
  const segments = model.segments.map((s) => [s.id, s.funnel]);
  const goals = model.goals.map((g) => g.customerId);
  return JSON.stringify([model.H, model.phases, segments, model.funnels.map((f) => f.k), goals]);
}

function buildTable(plan: Plan, model: CompiledModel): NamedTable {
  const segmentIndex = new Map(model.segments.map((s, i) => [s.id, i]));
  const phaseIndex = new Map(model.phases.map((p, i) => [p.id, i]));
  const goalCustomers = new Set(model.goals.map((g) => g.customerId));
  const t: NamedTable = {
    id: [],
    phaseId: [],
    usesPlan: [],
    readiness: new Float64Array(0),
    readinessToday: new Float64Array(0),
    cls: new Int32Array(0),
    clsToday: new Int32Array(0),
    window: new Int32Array(0),
    classes: [],
    windows: [],
    groups: [],
    row: new Map(),
  };
  const r: number[] = [];
  const rToday: number[] = [];
  const cls: number[] = [];
  const clsToday: number[] = [];
  const win: number[] = [];
  // Numeric keys (string keys cost more than the rest on 50,000 customers).
  const S = model.segments.length;
  const P = model.phases.length;
  const K = Math.max(1, ...model.funnels.map((f) => f.k));
  /** Reach class by readiness, per funnel and entry stage (fi·K + e). */
  const classIndex = model.funnels.flatMap(() => Array.from({ length: K }, () => new Map<number, number>()));
  /** Win window per funnel, entry stage and phase ((fi·K + e)·P + phase). */
  const windowIndex = new Int32Array(model.funnels.length * K * P).fill(-1);
  /** Group per class, segment and phase ((class·S + segment)·P + phase). */
  const groupIndex = new Map<number, number>();
  const classOf = (fi: number, e: number, x: number): number => {
    const m = classIndex[fi * K + e]!;
    let i = m.get(x);
    if (i === undefined) {
      m.set(x, (i = t.classes.length));
      t.classes.push({ funnel: fi, entryStage: e, readiness: x });
    }
    return i;
  };
  for (const c of plan.customers as readonly Customer[]) {
    if (c.breakthroughPhaseId === undefined) continue;
    // The same figures as compile.ts's named customers.
    const si = segmentIndex.get(c.segmentId)!;
    const fi = model.segments[si]!.funnel;
    const pi = phaseIndex.get(c.breakthroughPhaseId)!;
    const phase = model.phases[pi]!;
    const startMonth = phase.start;
    if (startMonth >= model.H) continue;
    const planned = c.relationshipPlan?.[c.breakthroughPhaseId];
    const today = readiness(c);
    // Only the levels and factors count: no copy of the whole customer.
    const lifted = planned ? readiness({ relationship: planned, factors: c.factors }) : today;
    const e = Math.min(c.entryStage ?? 1, model.funnels[fi]!.k - 1);
    const ci = classOf(fi, e, lifted);
    if (goalCustomers.has(c.id)) t.row.set(c.id, t.id.length);
    t.id.push(c.id);
    t.phaseId.push(phase.id);
    t.usesPlan.push(planned !== undefined);
    r.push(lifted);
    rToday.push(today);
    cls.push(ci);
    clsToday.push(classOf(fi, e, today));
    const wk = (fi * K + e) * P + pi;
    if (windowIndex[wk]! < 0) {
      windowIndex[wk] = t.windows.length;
      t.windows.push({ funnel: fi, entryStage: e, startMonth, deadline: (Math.max(phase.end, startMonth - 1) + 1) * L_DAYS });
    }
    win.push(windowIndex[wk]!);
    const gk = (ci * S + si) * P + pi;
    let gi = groupIndex.get(gk);
    if (gi === undefined) {
      groupIndex.set(gk, (gi = t.groups.length));
      t.groups.push({ segment: si, cls: ci, startMonth, count: 0, funnelValued: 0, firstDealSum: 0 });
    }
    const g = t.groups[gi]!;
    g.count++;
    if (c.firstDeal === undefined) g.funnelValued++;
    else g.firstDealSum += new RangeDist(c.firstDeal).mean;
  }
  t.readiness = Float64Array.from(r);
  t.readinessToday = Float64Array.from(rToday);
  t.cls = Int32Array.from(cls);
  t.clsToday = Int32Array.from(clsToday);
  t.window = Int32Array.from(win);
  return t;
}

const kept = new WeakMap<readonly Customer[], { shape: string; table: NamedTable }>();

/**
 * The pursuit table of `plan` under `model`; with `shared` (the customers
 * array is never changed in place) kept per customers array and shape. (A
 * new array, after a customer edit, is tabled again: ≈40 ms on 50,000
 * customers; keeping readiness per customer object saved nothing.)
 */
export function namedTable(plan: Plan, model: CompiledModel, shared: boolean): NamedTable {
  if (!shared) return buildTable(plan, model);
  const shape = shapeKey(model);
  const k = kept.get(plan.customers);
  if (k?.shape === shape) return k.table;
  const table = buildTable(plan, model);
  kept.set(plan.customers, { shape, table });
  return table;
}
