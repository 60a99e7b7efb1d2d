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
  /** Customer id → pursuit row. */
  row: Map<string, number>;
}

/** Index of `key` in `list`, appending `make()` when new. */
function indexIn<T>(index: Map<string, number>, list: T[], key: string, make: () => T): number {
  let i = index.get(key);
  if (i === undefined) {
    index.set(key, (i = list.length));
    list.push(make());
  }
  return i;
}

/** What of the compiled model the table depends on (besides the customers). */
function shapeKey(model: CompiledModel): string {
  return JSON.stringify([model.H, model.phases, model.segments.map((s) => [s.id, s.funnel]), model.funnels.map((f) => f.k)]);
}

function buildTable(plan: Plan, model: CompiledModel): NamedTable {
  const segmentIndex = new Map(model.segments.map((s, i) => [s.id, i]));
  const phaseIndex = new Map(model.phases.map((p, i) => [p.id, i]));
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
  const classIndex = new Map<string, number>();
  const windowIndex = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  for (const c of plan.customers as readonly Customer[]) {
    if (c.breakthroughPhaseId === undefined) continue;
    // The same figures as compile.ts's named customers.
    const si = segmentIndex.get(c.segmentId)!;
    const fi = model.segments[si]!.funnel;
    const phase = model.phases[phaseIndex.get(c.breakthroughPhaseId)!]!;
    const startMonth = phase.start;
    if (startMonth >= model.H) continue;
    const planned = c.relationshipPlan?.[c.breakthroughPhaseId];
    const today = readiness(c);
    const lifted = planned ? readiness({ ...c, relationship: planned }) : today;
    const e = Math.min(c.entryStage ?? 1, model.funnels[fi]!.k - 1);
    const deadline = (Math.max(phase.end, startMonth - 1) + 1) * L_DAYS;
    const classOf = (x: number) => indexIn(classIndex, t.classes, `${fi}:${e}:${x}`, () => ({ funnel: fi, entryStage: e, readiness: x }));
    const ci = classOf(lifted);
    t.row.set(c.id, t.id.length);
    t.id.push(c.id);
    t.phaseId.push(phase.id);
    t.usesPlan.push(planned !== undefined);
    r.push(lifted);
    rToday.push(today);
    cls.push(ci);
    clsToday.push(classOf(today));
    win.push(indexIn(windowIndex, t.windows, `${fi}:${e}:${startMonth}:${deadline}`, () => ({ funnel: fi, entryStage: e, startMonth, deadline })));
    const g = t.groups[indexIn(groupIndex, t.groups, `${si}:${ci}:${startMonth}`, () => ({ segment: si, cls: ci, startMonth, count: 0, funnelValued: 0, firstDealSum: 0 }))]!;
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

/** The pursuit table of `plan` under `model`; kept per customers array when `shared` (never changed in place). */
export function namedTable(plan: Plan, model: CompiledModel, shared: boolean): NamedTable {
  if (!shared) return buildTable(plan, model);
  const shape = shapeKey(model);
  const k = kept.get(plan.customers);
  if (k?.shape === shape) return k.table;
  const table = buildTable(plan, model);
  kept.set(plan.customers, { shape, table });
  return table;
}
