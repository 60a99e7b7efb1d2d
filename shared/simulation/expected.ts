// Expected-value mode: the exact means of the monthly series, no sampling.
// By linearity, E[series in month w] = Σ over cohorts of E[λ_m]·E[reach]·
// P(event lands in month w), where conversions are drawn independently per
// stage (so E[Π p_i] = Π E[min(1, p_i)]), values are independent of timing,
// and the landing-month distributions are the grid convolutions compiled in
// compile.ts. Agrees with Monte-Carlo means within sampling error (plus the
// grid error, ~1e-4 of a month's share). KPIs are ratios of expected sums,
// per scope and window like the Monte-Carlo ones (stats.ts); a pursuit's
// chance of a win by a month is the mean of an indicator, so it is exact here.

import type { Plan } from '../plan/types';
import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import { compile, L } from './compile';
import type { CompiledFunnel, CompiledModel } from './compile';
import { namedTable } from './expected-named';
import { boundaryMonthOffsets, convolve, monthOffsetsPlus, POINT_ZERO } from './discretize';
import type { GridDist, MonthOffsets } from './discretize';
import { RangeDist } from './distributions';
import { monthLabel, now, RESULT_VERSION } from './montecarlo';
import { kpisOf } from './stats';
import { ACC, ACCUMULATORS, NA } from './trial';
import type { ExpectedOptions, ExpectedResult } from './types';
import { validatePlanForSimulation } from './validate';

/** Expected accumulators of one segment, in ACCUMULATORS order, each over the months. */
type Acc = Float64Array[];

/** out[w] += scale · Σ_m src[m]·off[w − m], for w < H. */
function addConvolved(out: Float64Array, src: Float64Array, off: Float64Array, scale: number): void {
  const H = out.length;
  for (let m = 0; m < H; m++) {
    const x = src[m]! * scale;
    if (x === 0) continue;
    const top = Math.min(off.length, H - m);
    for (let o = 0; o < top; o++) out[m + o]! += x * off[o]!;
  }
}

function addSegments(model: CompiledModel, accs: Acc[]): void {
  const H = model.H;
  const lam = new Float64Array(H);
  model.segments.forEach((seg, si) => {
    const a = accs[si]!;
    const f = model.funnels[seg.funnel]!;
    const k = f.k;
    for (let m = 0; m < H; m++) {
      const e = seg.monthEntry[m]!;
      lam[m] = e >= 0 ? seg.entries[e]!.mean : 0;
      a[ACC.leads]![m]! += lam[m]!;
    }
    const reach = [1];
    for (let i = 0; i < k; i++) reach.push(reach[i]! * f.meanConv[i]!);
    if (k >= 2) addConvolved(a[ACC.opportunities]!, lam, f.entry[1]!.p, reach[1]!);
    // Lost at stage i >= 1 when it would have entered stage i + 1.
    for (let i = 1; i < k; i++) addConvolved(a[ACC.lostOpportunities]!, lam, f.entry[i + 1]!.p, reach[i]! * (1 - f.meanConv[i]!));
    const pk = reach[k]!;
    const v = f.value.mean;
    const wins = new Float64Array(H);
    addConvolved(wins, lam, f.entry[k]!.p, pk);
    addConvolved(a[ACC.salesDays]!, lam, f.entry[k]!.delayMass, pk);
    addWins(a, f, wins, 0, v, false);
    addConvolved(a[ACC.revenue]!, lam, f.revenue, pk * v);
    f.payments.forEach((o, j) => addConvolved(a[ACC.cash]!, lam, o, pk * v * f.payShare[j]!));
  });
}

/** Adds expected wins (from month s on) and what each win carries: value, delivery and cash-cycle days. */
function addWins(a: Acc, f: CompiledFunnel, wins: Float64Array, s: number, v: number, named: boolean): void {
  const H = a[0]!.length;
  for (let o = 0; o < wins.length && s + o < H; o++) {
    const x = wins[o]!;
    const w = s + o;
    a[ACC.wins]![w]! += x;
    if (named) a[ACC.newKeyCustomers]![w]! += x;
    a[ACC.bookings]![w]! += x * v;
    a[ACC.wonValue]![w]! += x * v;
    a[ACC.deliveryDays]![w]! += x * f.delivery.mean;
    a[ACC.cashDaysValue]![w]! += x * v * f.cashCycleMean;
  }
}

/** out[s + o] += scale · off[o]: one deal entering on the boundary of month s. */
function addShifted(out: Float64Array, s: number, off: Float64Array, scale: number): void {
  const top = Math.min(off.length, out.length - s);
  for (let o = 0; o < top; o++) out[s + o]! += scale * off[o]!;
}

/** Month offsets (from the entry month) of a named deal's events, by entry stage. */
interface NamedOffsets {
  opp: Float64Array | null;
  /** loss[i]: leaving stage i (entering i + 1), for stages max(1, e) … k − 1; null elsewhere. */
  loss: (Float64Array | null)[];
  win: MonthOffsets;
  revenue: Float64Array;
  payments: Float64Array[];
}

function namedOffsets(f: CompiledFunnel, e: number): NamedOffsets {
  const k = f.k;
  const h = f.h;
  // delay[j] = days from entering stage e to entering stage e + j.
  const delay: GridDist[] = [POINT_ZERO];
  for (let i = e; i < k; i++) delay.push(convolve(delay[delay.length - 1]!, f.dayGrids[i]!));
  const at = (i: number) => delay[i - e]!;
  const toWin = at(k);
  const loss: (Float64Array | null)[] = [];
  for (let i = 0; i < k; i++) loss.push(i >= Math.max(1, e) ? boundaryMonthOffsets(at(i + 1), h, L).p : null);
  return {
    opp: e <= 1 && k >= 2 ? boundaryMonthOffsets(at(1), h, L).p : null,
    loss,
    win: boundaryMonthOffsets(toWin, h, L),
    revenue: monthOffsetsPlus(toWin, f.delivery, h, L, false),
    payments: f.payDays.map((y) => monthOffsetsPlus(toWin, y, h, L, false)),
  };
}

/** reach[j] = P(reaching stage e + j) with conversions lifted by readiness r; also each stage's lifted mean. */
function namedReach(f: CompiledFunnel, e: number, r: number): { reach: number[]; q: number[] } {
  const reach = [1];
  const q: number[] = [];
  for (let i = 0; i < f.k; i++) {
    const d = f.conv[i]!;
    q.push(new RangeDist({ min: d.min, mode: d.mode, max: d.max }, r).cappedMean());
    if (i >= e) reach.push(reach[reach.length - 1]! * q[i]!);
  }
  return { reach, q };
}

/**
 * A group's pursuits (expected-named.ts): `count` deals entering stage e in
 * month s with reach `nr`, whose deal values sum to `valueSum`.
 */
function addNamedGroup(f: CompiledFunnel, e: number, s: number, nr: { reach: number[]; q: number[] }, off: NamedOffsets, count: number, valueSum: number, a: Acc): void {
  const k = f.k;
  const { reach, q } = nr;
  const r = (i: number) => reach[i - e]!;
  if (e === 0) a[ACC.leads]![s]! += count;
  if (off.opp) addShifted(a[ACC.opportunities]!, s, off.opp, count * r(1));
  for (let i = Math.max(1, e); i < k; i++) addShifted(a[ACC.lostOpportunities]!, s, off.loss[i]!, count * r(i) * (1 - q[i]!));
  const pk = r(k);
  const wins = off.win.p.map((x) => x * pk * count);
  // addWins multiplies the wins by one value: here the group's mean value, so that Σ wins·value is pk·Σ values.
  addWins(a, f, wins, s, valueSum / count, true);
  addShifted(a[ACC.salesDays]!, s, off.win.delayMass, count * pk);
  addShifted(a[ACC.revenue]!, s, off.revenue, pk * valueSum);
  off.payments.forEach((o, j) => addShifted(a[ACC.cash]!, s, o, pk * valueSum * f.payShare[j]!));
}

/** Share of a deal's win months (offsets from its start month) before `deadline` days. */
function shareBefore(off: NamedOffsets, startMonth: number, deadline: number, H: number): number {
  const months = Math.min(H, Math.round(deadline / L)) - startMonth;
  let share = 0;
  for (let o = 0; o < Math.min(months, off.win.p.length); o++) share += off.win.p[o]!;
  return share;
}

export function expectedValue(plan: Plan, opts: ExpectedOptions = {}): ExpectedResult {
  const t0 = now();
  const scenarioId = opts.scenarioId ?? null;
  const shared = opts.sharedCustomers === true;
  validatePlanForSimulation(plan, scenarioId, shared);
  const model = compile(plan, { scenarioId, named: false });
  const H = model.H;
  const accs: Acc[] = model.segments.map(() => ACCUMULATORS.map(() => new Float64Array(H)));
  addSegments(model, accs);
  const table = namedTable(plan, model, shared);
  const cache = new Map<string, NamedOffsets>();
  const offsetsOf = (fi: number, e: number): NamedOffsets => {
    const key = `${fi}:${e}`;
    let off = cache.get(key);
    if (!off) cache.set(key, (off = namedOffsets(model.funnels[fi]!, e)));
    return off;
  };
  // Per reach class: the lifted reach; per win window: the share of win months before the deadline.
  const reachOf = table.classes.map((c) => namedReach(model.funnels[c.funnel]!, c.entryStage, c.readiness));
  const winChance = table.classes.map((c, ci) => reachOf[ci]!.reach[model.funnels[c.funnel]!.k - c.entryStage]!);
  const shareOf = table.windows.map((w) => shareBefore(offsetsOf(w.funnel, w.entryStage), w.startMonth, w.deadline, H));
  // A pursuit's own first deal takes the scenario's deal-size factor only (compile.ts).
  const adjust = model.scenarioId === null ? undefined : plan.scenarios.find((sc) => sc.id === model.scenarioId)?.adjust;
  const dealFactor = Math.max(0, adjust?.dealSize ?? 1) || 0;
  for (const g of table.groups) {
    const c = table.classes[g.cls]!;
    const f = model.funnels[c.funnel]!;
    const valueSum = g.funnelValued * f.value.mean + dealFactor * g.firstDealSum;
    addNamedGroup(f, c.entryStage, g.startMonth, reachOf[g.cls]!, offsetsOf(c.funnel, c.entryStage), g.count, valueSum, accs[g.segment]!);
  }

  // Window sums of each scope's accumulators.
  const windows = [{ start: 0, end: H - 1 }, ...model.phases];
  const sums = (z: number, w: number): Float64Array => {
    const x = new Float64Array(NA);
    const { start, end } = windows[w]!;
    for (const g of model.scopes[z]!.segments) {
      for (let ai = 0; ai < NA; ai++) for (let m = start; m <= end; m++) x[ai]! += accs[g]![ai]![m]!;
    }
    return x;
  };
  const windowStats = (z: number, w: number) => {
    const x = sums(z, w);
    const k: number[] = [];
    kpisOf(x, k, 0);
    const totals = {} as ExpectedResult['totals'];
    SERIES_METRICS.forEach((m, mi) => (totals[m] = { mean: x[mi]! }));
    const kpis = {} as ExpectedResult['scopes'][number]['kpis'];
    KPI_METRICS.forEach((m, ki) => (kpis[m] = { mean: Number.isFinite(k[ki]!) ? k[ki]! : null }));
    return { totals, kpis };
  };
  const scopes: ExpectedResult['scopes'] = model.scopes.map((sc, z) => ({
    kind: sc.kind,
    id: sc.id,
    pooled: sc.pooled,
    ...windowStats(z, 0),
    phases: model.phases.map((ph, p) => ({ id: ph.id, ...windowStats(z, 1 + p) })),
  }));
  const series = {} as ExpectedResult['series'];
  SERIES_METRICS.forEach((m, mi) => {
    const a = new Float64Array(H);
    for (const acc of accs) for (let w = 0; w < H; w++) a[w]! += acc[mi]![w]!;
    series[m] = { mean: Array.from(a) };
  });
  const phases = model.phases.map((ph, p) => ({
    id: ph.id,
    totals: scopes[0]!.phases[p]!.totals,
    targets: model.targets
      .filter((t) => t.phase === p)
      .map((t) => ({
        id: t.id,
        metric: t.metric,
        value: t.value,
        funnelId: t.funnelId,
        segmentId: t.segmentId,
        pooled: model.scopes[t.scope]!.pooled && (KPI_METRICS as readonly string[]).includes(t.metric),
        probability: null,
      })),
  }));
  const perCustomer = opts.perCustomer !== false;
  const pursuits: ExpectedResult['pursuits'] = new Array(perCustomer ? table.id.length : 0);
  for (let i = 0; i < pursuits.length; i++) {
    const share = shareOf[table.window[i]!]!;
    pursuits[i] = {
      customerId: table.id[i]!,
      phaseId: table.phaseId[i]!,
      usesPlan: table.usesPlan[i]!,
      readiness: table.readiness[i]!,
      readinessToday: table.readinessToday[i]!,
      probability: winChance[table.cls[i]!]! * share,
      probabilityToday: winChance[table.clsToday[i]!]! * share,
    };
  }
  const goals = (perCustomer ? model.goals : []).map((g) => {
    const row = g.customerId === null ? undefined : table.row.get(g.customerId);
    const w = row === undefined ? null : table.windows[table.window[row]!]!;
    const share = w ? shareBefore(offsetsOf(w.funnel, w.entryStage), w.startMonth, g.deadline, H) : 0;
    return {
      id: g.id,
      customerId: g.customerId,
      month: monthLabel(model, g.month),
      probability: row === undefined ? null : winChance[table.cls[row]!]! * share,
      probabilityToday: row === undefined ? null : winChance[table.clsToday[row]!]! * share,
    };
  });
  return {
    resultVersion: RESULT_VERSION,
    trials: 0,
    seed: null,
    scenario: model.scenarioId,
    months: model.months,
    series,
    totals: scopes[0]!.totals,
    phases,
    scopes,
    pursuits,
    goals,
    elapsedMs: now() - t0,
  };
}
