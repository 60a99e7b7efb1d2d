// Expected-value mode: the exact means of the monthly series, no sampling.
// By linearity, E[series in month w] = Σ over cohorts of E[λ_m]·E[reach]·
// P(event lands in month w), where conversions are drawn independently per
// stage (so E[Π p_i] = Π E[min(1, p_i)]), values are independent of timing,
// and the landing-month distributions are the grid convolutions compiled in
// compile.ts. Agrees with Monte-Carlo means within sampling error (plus the
// grid error, ~1e-4 of a month's share). KPIs are ratios of expected sums.

import type { Plan } from '../plan/types';
import { SERIES_METRICS } from '../plan/types';
import { compile, L } from './compile';
import type { CompiledFunnel, CompiledModel, CompiledNamed } from './compile';
import { boundaryMonthOffsets, convolve, monthOffsetsPlus, POINT_ZERO } from './discretize';
import type { GridDist, MonthOffsets } from './discretize';
import { RangeDist } from './distributions';
import { now } from './montecarlo';
import type { ExpectedOptions, ExpectedResult } from './types';
import { validatePlanForSimulation } from './validate';

interface Acc {
  leads: Float64Array;
  opportunities: Float64Array;
  wins: Float64Array;
  bookings: Float64Array;
  revenue: Float64Array;
  cash: Float64Array;
  newKeyCustomers: Float64Array;
  last: Float64Array;
  cycle: Float64Array;
  cashNum: Float64Array;
  cashDen: Float64Array;
}

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

function addSegments(model: CompiledModel, a: Acc): void {
  const H = model.H;
  const lam = new Float64Array(H);
  for (const seg of model.segments) {
    const f = model.funnels[seg.funnel]!;
    const k = f.k;
    for (let m = 0; m < H; m++) {
      const e = seg.monthEntry[m]!;
      lam[m] = e >= 0 ? seg.entries[e]!.mean : 0;
      a.leads[m]! += lam[m]!;
    }
    const reach = [1];
    for (let i = 0; i < k; i++) reach.push(reach[i]! * f.meanConv[i]!);
    if (k >= 2) addConvolved(a.opportunities, lam, f.entry[1]!.p, reach[1]!);
    addConvolved(a.last, lam, f.entry[k - 1]!.p, reach[k - 1]!);
    const pk = reach[k]!;
    const v = f.value.mean;
    const wins = new Float64Array(H);
    addConvolved(wins, lam, f.entry[k]!.p, pk);
    addConvolved(a.cycle, lam, f.entry[k]!.delayMass, pk);
    for (let w = 0; w < H; w++) {
      a.wins[w]! += wins[w]!;
      a.bookings[w]! += wins[w]! * v;
      a.cashNum[w]! += wins[w]! * v * f.cashCycleMean;
      a.cashDen[w]! += wins[w]! * v;
    }
    addConvolved(a.revenue, lam, f.revenue, pk * v);
    f.payments.forEach((o, j) => addConvolved(a.cash, lam, o, pk * v * f.payShare[j]!));
  }
}

/** out[s + o] += scale · off[o]: one deal entering on the boundary of month s. */
function addShifted(out: Float64Array, s: number, off: Float64Array, scale: number): void {
  const top = Math.min(off.length, out.length - s);
  for (let o = 0; o < top; o++) out[s + o]! += scale * off[o]!;
}

/** Month offsets (from the entry month) of a named deal's events, by entry stage. */
interface NamedOffsets {
  /** delay[i − e]: grid of days from entering stage e to entering stage i. */
  opp: Float64Array | null;
  last: Float64Array | null;
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
  return {
    opp: e <= 1 && k >= 2 ? boundaryMonthOffsets(at(1), h, L).p : null,
    last: e <= k - 1 ? boundaryMonthOffsets(at(k - 1), h, L).p : null,
    win: boundaryMonthOffsets(toWin, h, L),
    revenue: monthOffsetsPlus(toWin, f.delivery, h, L, false),
    payments: f.payDays.map((y) => monthOffsetsPlus(toWin, y, h, L, false)),
  };
}

function addNamed(f: CompiledFunnel, c: CompiledNamed, off: NamedOffsets, a: Acc): void {
  const k = f.k;
  const e = c.entryStage;
  const s = c.startMonth;
  // reach[j] = P(reaching stage e + j), conversions lifted by readiness.
  const reach = [1];
  for (let i = e; i < k; i++) {
    const d = f.conv[i]!;
    const q = new RangeDist({ min: d.min, mode: d.mode, max: d.max }, c.readiness).cappedMean();
    reach.push(reach[reach.length - 1]! * q);
  }
  const r = (i: number) => reach[i - e]!;
  if (e === 0) a.leads[s]! += 1;
  if (off.opp) addShifted(a.opportunities, s, off.opp, r(1));
  if (off.last) addShifted(a.last, s, off.last, r(k - 1));
  const pk = r(k);
  const v = c.value.mean;
  addShifted(a.wins, s, off.win.p, pk);
  addShifted(a.newKeyCustomers, s, off.win.p, pk);
  addShifted(a.bookings, s, off.win.p, pk * v);
  addShifted(a.cycle, s, off.win.delayMass, pk);
  addShifted(a.cashNum, s, off.win.p, pk * v * f.cashCycleMean);
  addShifted(a.cashDen, s, off.win.p, pk * v);
  addShifted(a.revenue, s, off.revenue, pk * v);
  off.payments.forEach((o, j) => addShifted(a.cash, s, o, pk * v * f.payShare[j]!));
}

function sum(a: Float64Array, start: number, end: number): number {
  let s = 0;
  for (let m = start; m <= end; m++) s += a[m]!;
  return s;
}

export function expectedValue(plan: Plan, opts: ExpectedOptions = {}): ExpectedResult {
  const t0 = now();
  const scenarioId = opts.scenarioId ?? null;
  validatePlanForSimulation(plan, scenarioId);
  const model = compile(plan, { scenarioId });
  const H = model.H;
  const z = () => new Float64Array(H);
  const a: Acc = {
    leads: z(), opportunities: z(), wins: z(), bookings: z(), revenue: z(), cash: z(),
    newKeyCustomers: z(), last: z(), cycle: z(), cashNum: z(), cashDen: z(),
  };
  addSegments(model, a);
  const cache = new Map<string, NamedOffsets>();
  for (const c of model.named) {
    const f = model.funnels[c.funnel]!;
    const key = `${c.funnel}:${c.entryStage}`;
    let off = cache.get(key);
    if (!off) cache.set(key, (off = namedOffsets(f, c.entryStage)));
    addNamed(f, c, off, a);
  }

  const series = {} as ExpectedResult['series'];
  const totals = {} as ExpectedResult['totals'];
  for (const m of SERIES_METRICS) {
    series[m] = { mean: Array.from(a[m]) };
    totals[m] = { mean: sum(a[m], 0, H - 1) };
  }
  const phases = model.phases.map((ph, p) => {
    const pt = {} as ExpectedResult['totals'];
    for (const m of SERIES_METRICS) pt[m] = { mean: sum(a[m], ph.start, ph.end) };
    return {
      id: ph.id,
      totals: pt,
      targets: model.targets
        .filter((t) => t.phase === p)
        .map((t) => ({ id: t.id, metric: t.metric, value: t.value, probability: null })),
    };
  });
  const ratio = (n: number, d: number) => ({ mean: d > 0 ? n / d : null });
  const wins = totals.wins.mean;
  const kpis: ExpectedResult['kpis'] = {
    winRate: ratio(wins, sum(a.last, 0, H - 1)),
    conversion: ratio(wins, totals.leads.mean),
    salesCycleDays: ratio(sum(a.cycle, 0, H - 1), wins),
    cashCycleDays: ratio(sum(a.cashNum, 0, H - 1), sum(a.cashDen, 0, H - 1)),
  };
  return { trials: 0, seed: null, scenario: model.scenarioId, months: model.months, series, totals, phases, kpis, elapsedMs: now() - t0 };
}
