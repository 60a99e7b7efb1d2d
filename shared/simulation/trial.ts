// One Monte-Carlo trial: draws the trial-level inputs, then fills monthly
// accumulators segment by segment. Two samplers, chosen per segment at
// compile time (CompiledSegment.trackFrom):
//
// * exact (trackFrom 0, exact-sampler.ts): each month's leads split by
//   Poisson thinning into independent categories by fate (lost at stage i,
//   won); a lost deal is counted from the exact table of its (opportunity
//   month, loss month) (loss-cells.ts), a won one followed through its stage
//   days, then winAll() here books its value, delivery and payments — the model
//   to the letter, with every series coupled as the model couples them;
// * cohorts (cohort.ts), for huge volumes, from stage trackFrom on; the
//   entrants of stage trackFrom onwards are again followed deal by deal.
//   See docs/simulation-engine.md for what the cohort sampler approximates.
//
// Random streams: one per (trial, purpose) — trial-level draws, each
// segment, each named pursuit — so what one segment consumes never shifts
// another's numbers (common random numbers for what-if comparisons).
//
// Every accumulator is kept per segment (a flat segment × month array) so
// that KPIs and target values can be taken per funnel, per segment and
// pooled (stats.ts); a named pursuit counts in its customer's segment.

import { L as DAYS_PER_MONTH } from './compile';
import type { CompiledFunnel, CompiledModel } from './compile';
import { cohortLosses, cohortMoney, cohortSeries } from './cohort';
import type { Accumulators } from './cohort';
import { samplerTable } from './distributions';
import { addPoissonCounts, samplePoisson } from './poisson';
import { ExactSampler } from './exact-sampler';
import type { WonDeals } from './exact-sampler';
import { Rng } from './rng';

/** Monthly accumulators of one trial, each a flat segment × month array. */
export const ACCUMULATORS = [
  // SERIES_METRICS, in order
  'leads',
  'opportunities',
  'wins',
  'bookings',
  'revenue',
  'cash',
  'newKeyCustomers',
  // KPI ingredients, by the month of their event
  'lostOpportunities', // lost deals that had entered stage 1, by the month they were lost
  'salesDays', // Σ (t_win − t0) of the wins signed that month
  'deliveryDays', // Σ drawn deliveryDays of those wins
  'cashDaysValue', // Σ value · Σ_j share_j·days_j of those wins
  'wonValue', // Σ value of those wins: bookings' own array in a trial (TrialRunner), kept as its own statistic slot so a KPI never reads a series slot
] as const;
export type Accumulator = (typeof ACCUMULATORS)[number];
export const NA = ACCUMULATORS.length;
export const ACC = Object.fromEntries(ACCUMULATORS.map((a, i) => [a, i])) as Record<Accumulator, number>;
// TrialRunner's buffer and stats.ts's window sums leave out wonValue's own rows (it is bookings' array).
if (ACC.wonValue !== NA - 1) throw new Error('wonValue must be the last accumulator');

export class TrialRunner implements WonDeals {
  /** all[a] is accumulator a over segment × month (index segment·H + month). */
  readonly all: Float64Array[];
  private readonly allBuffer: Float64Array;
  /** Per segment, its rows the cohort sampler adds to (cohort.ts: Accumulators). */
  private readonly cohortRows: Accumulators[];
  /** Named pursuits' signing times (days) in this trial, Infinity when not won within the horizon. */
  readonly namedWin: Float64Array;
  /** The same with today's relationship levels (coupled: same random stream). */
  readonly namedWinToday: Float64Array;

  // The current segment's views of the accumulators (set by useSegment; the constructor starts at segment 0).
  private leads!: Float64Array;
  private opportunities!: Float64Array;
  private wins!: Float64Array;
  private bookings!: Float64Array;
  private revenue!: Float64Array;
  private cash!: Float64Array;
  private newKeyCustomers!: Float64Array;
  private lostOpportunities!: Float64Array;
  private salesDays!: Float64Array;
  private deliveryDays!: Float64Array;
  private cashDaysValue!: Float64Array;
  /** views[segment][accumulator] */
  private readonly views: Float64Array[][];

  private readonly model: CompiledModel;
  private readonly H: number;
  private readonly HL: number;
  private readonly rng = new Rng();
  private readonly conv: Float64Array[];
  private readonly lamEntry: Float64Array[];
  private readonly lam: Float64Array;
  private readonly namedConv: Float64Array;
  /** The segments with trackFrom 0 (exact-sampler.ts). */
  private readonly exact: ExactSampler;
  // The deal context follow()/winAll() work in, set per segment or pursuit.
  private k = 0;
  private p: Float64Array;
  /** The current funnel's stage days as a sampler table (distributions.ts: samplerTable), per funnel. */
  private dayTab: Float64Array;
  private readonly dayTabs: Float64Array[];
  /** [value, delivery days, payment days…] of the current deal context as a sampler table, and a scratch for their draws. */
  private winTab: Float64Array;
  private winDraws: Float64Array;
  private readonly funnelWinTabs: Float64Array[];
  private readonly namedWinTabs: Float64Array[];
  private funnel: CompiledFunnel | null = null;
  private named = -1;
  // A deal's current time and funnel-entry time (days), in a typed array
  // rather than arguments: V8 boxes a double passed to a call it does not
  // inline, i.e. an allocation per deal.
  private readonly time = new Float64Array(2);

  constructor(model: CompiledModel) {
    this.model = model;
    const H = (this.H = model.H);
    this.HL = model.HL;
    const G = model.segments.length;
    // One buffer under all accumulators: a trial clears it with one fill.
    // wonValue always holds what bookings holds (every win adds its value to
    // both), so it is the same array: written once, read as either.
    this.allBuffer = new Float64Array((NA - 1) * G * H);
    this.all = ACCUMULATORS.map((_, a) => {
      const at = a === ACC.wonValue ? ACC.bookings : a;
      return this.allBuffer.subarray(at * G * H, (at + 1) * G * H);
    });
    this.views = model.segments.map((_, si) => this.all.map((a) => a.subarray(si * H, (si + 1) * H)));
    this.cohortRows = this.views.map((v) => ({
      wins: v[ACC.wins]!,
      bookings: v[ACC.bookings]!,
      revenue: v[ACC.revenue]!,
      cash: v[ACC.cash]!,
      salesDays: v[ACC.salesDays]!,
      deliveryDays: v[ACC.deliveryDays]!,
      cashDaysValue: v[ACC.cashDaysValue]!,
    }));
    this.namedWin = new Float64Array(model.named.length);
    this.namedWinToday = new Float64Array(model.named.length);
    this.useSegment(0);
    this.conv = model.funnels.map((f) => new Float64Array(f.k));
    this.lamEntry = model.segments.map((s) => new Float64Array(s.entries.length));
    this.lam = new Float64Array(H);
    const maxK = Math.max(...model.funnels.map((f) => f.k));
    this.namedConv = new Float64Array(maxK);
    this.exact = new ExactSampler(model, this.rng, this);
    this.p = this.namedConv;
    const tail = (f: CompiledFunnel) => [f.delivery, ...f.payDays];
    this.funnelWinTabs = model.funnels.map((f) => samplerTable([f.value, ...tail(f)]));
    this.namedWinTabs = model.named.map((c) => samplerTable([c.value, ...tail(model.funnels[c.funnel]!)]));
    this.dayTabs = model.funnels.map((f) => samplerTable(f.days));
    this.dayTab = this.dayTabs[0]!;
    this.winTab = this.funnelWinTabs[0]!;
    this.winDraws = new Float64Array(2 + Math.max(...model.funnels.map((f) => f.payDays.length)));
  }

  /** Points the per-month accumulators at segment si's rows. */
  private useSegment(si: number): void {
    const v = this.views[si]!;
    this.leads = v[0]!;
    this.opportunities = v[1]!;
    this.wins = v[2]!;
    this.bookings = v[3]!;
    this.revenue = v[4]!;
    this.cash = v[5]!;
    this.newKeyCustomers = v[6]!;
    this.lostOpportunities = v[7]!;
    this.salesDays = v[8]!;
    this.deliveryDays = v[9]!;
    this.cashDaysValue = v[10]!;
  }

  run(seed: number, trial: number): void {
    this.allBuffer.fill(0);
    const { model, rng } = this;

    // Trial-level draws: one uniform per input (fixed ones too), in plan order.
    rng.reseed(seed, trial, 0);
    for (let fi = 0; fi < model.funnels.length; fi++) {
      const f = model.funnels[fi]!;
      const c = this.conv[fi]!;
      for (let i = 0; i < f.k; i++) c[i] = Math.min(1, f.conv[i]!.sample(rng));
    }
    for (let si = 0; si < model.segments.length; si++) {
      const entries = model.segments[si]!.entries;
      const le = this.lamEntry[si]!;
      for (let e = 0; e < entries.length; e++) le[e] = entries[e]!.sample(rng);
    }

    const nSeg = model.segments.length;
    for (let si = 0; si < nSeg; si++) {
      rng.reseed(seed, trial, 1 + si);
      this.useSegment(si);
      this.runSegment(si);
    }
    for (let ci = 0; ci < model.named.length; ci++) {
      const c = model.named[ci]!;
      const f = model.funnels[c.funnel]!;
      const base = this.conv[c.funnel]!;
      const q = this.namedConv;
      const start = c.startMonth * L;
      if (c.usesPlan) {
        // Today's levels: the same deal on the same stream, counted nowhere.
        rng.reseed(seed, trial, 1 + nSeg + ci);
        for (let i = 0; i < f.k; i++) q[i] = Math.min(1, base[i]! * c.readinessToday);
        this.namedWinToday[ci] = this.pursuitWinTime(f, c.entryStage, start);
      }
      rng.reseed(seed, trial, 1 + nSeg + ci);
      for (let i = 0; i < f.k; i++) q[i] = Math.min(1, base[i]! * c.readiness);
      this.useSegment(c.segment);
      this.setDeal(f, q, this.namedWinTabs[ci]!, ci);
      this.namedWin[ci] = Infinity;
      this.time[0] = start;
      this.time[1] = start;
      this.follow(-1, 1, c.entryStage, false);
      if (!c.usesPlan) this.namedWinToday[ci] = this.namedWin[ci]!;
    }
  }

  private setDeal(f: CompiledFunnel, p: Float64Array, winTab: Float64Array, named: number): void {
    this.funnel = f;
    this.k = f.k;
    this.p = p;
    this.dayTab = this.dayTabs[this.model.funnels.indexOf(f)]!;
    this.winTab = winTab;
    this.named = named;
  }

  private runSegment(si: number): void {
    const seg = this.model.segments[si]!;
    const f = this.model.funnels[seg.funnel]!;
    const p = this.conv[seg.funnel]!;
    const le = this.lamEntry[si]!;
    const { H, lam, rng, leads } = this;
    const k = f.k;
    for (let m = 0; m < H; m++) {
      const e = seg.monthEntry[m]!;
      lam[m] = e >= 0 ? le[e]! : 0;
    }
    this.setDeal(f, p, this.funnelWinTabs[seg.funnel]!, -1);
    const j = seg.trackFrom;

    if (j === 0) {
      this.exact.sample(seg.funnel, p, lam, leads, this.opportunities, this.lostOpportunities);
      return;
    }

    addPoissonCounts(rng, lam, leads, H);
    if (seg.kOpp) cohortSeries(rng, H, seg.kOpp, le, p[0]!, this.opportunities);
    if (seg.kLoss.length) cohortLosses(rng, H, seg.kLoss, le, p, this.lostOpportunities);
    if (j <= k) {
      // Deals entering stage j are followed one by one from there.
      const pj = reach(p, j);
      for (let m = 0; m < H; m++) this.follow(m, samplePoisson(rng, lam[m]! * pj), j, false);
      return;
    }
    cohortMoney(this.cohortRows[si]!, rng, seg, f, le, reach(p, k));
  }

  /**
   * Follows deals one by one. m >= 0: n deals that entered the funnel in
   * month m (uniform arrival) and reach stage j — the days of the stages
   * before j drawn, no conversion (the Poisson category they come from says
   * they pass); with countOpportunity, their entry into stage 1 among those
   * is counted (the exact sampler; in the mixed one cohorts count
   * opportunities). m < 0: the one deal at stage j at time[0] (a named pursuit;
   * funnel entry time[1]). From stage j on: at each stage one uniform for
   * the conversion, then the stage's days; a deal lost at stage i >= 1 is a
   * lost opportunity when it leaves that stage.
   *
   * All of it is one method, the draws written out from sampler tables
   * (samplerTable says why): V8 inlines the small methods it calls until
   * a budget runs out, and a draw left as a call allocates.
   */
  private follow(m: number, n: number, j: number, countOpportunity: boolean): void {
    const { k, p, dayTab: d, rng, HL } = this;
    for (let c = 0; c < n; c++) {
      let t: number;
      let t0: number;
      if (m < 0) {
        t = this.time[0]!;
        t0 = this.time[1]!;
      } else {
        t0 = (m + rng.next()) * L;
        t = t0;
        for (let i = 0, o = 0; i < j; i++, o += 5) {
          const u = rng.next();
          const lo = +(u < d[o]!);
          const s = Math.sqrt(lo * u * d[o + 1]! + (1 - lo) * (1 - u) * d[o + 2]!);
          t += d[o + 3]! - d[o + 4]! * lo + (2 * lo - 1) * s;
          if (i === 0 && countOpportunity && t < HL) this.opportunities[Math.floor(t * INV_L)]! += 1;
        }
      }
      for (let i = j; ; ) {
        if (t >= HL) break; // later events are later still: all beyond the horizon
        if (i === k) {
          this.time[0] = t;
          this.time[1] = t0;
          this.winAll(this.time, 1);
          break;
        }
        if (i === 0) this.leads[Math.floor(t * INV_L)]! += 1;
        else if (i === 1) this.opportunities[Math.floor(t * INV_L)]! += 1;
        const go = rng.next() < p[i]!;
        if (!go && i === 0) break;
        // days[i].sample(rng), written out.
        const u = rng.next();
        const o = 5 * i;
        const lo = +(u < d[o]!);
        const s = Math.sqrt(lo * u * d[o + 1]! + (1 - lo) * (1 - u) * d[o + 2]!);
        t += d[o + 3]! - d[o + 4]! * lo + (2 * lo - 1) * s;
        if (!go) {
          if (t < HL) this.lostOpportunities[Math.floor(t * INV_L)]! += 1;
          break;
        }
        i++;
      }
    }
  }

  /** Signing time of a pursuit that counts nowhere (today's levels); same draws as follow(). */
  private pursuitWinTime(f: CompiledFunnel, e: number, start: number): number {
    const { rng, HL } = this;
    const q = this.namedConv;
    let t = start;
    for (let i = e; i < f.k; i++) {
      if (t >= HL) return Infinity;
      if (rng.next() >= q[i]!) return Infinity;
      t += f.days[i]!.sample(rng);
    }
    return t < HL ? t : Infinity;
  }

  /**
   * Books n won deals of the current deal context (WonDeals): deal c signed
   * at times[2c] after entering its funnel at times[2c + 1]. For each, its
   * value, delivery and payment days are drawn from their sampler table
   * (all deals' draws first, in deal order: Rng.tableDraws), then the win,
   * its money and its KPI sums are counted in their months. A batch, so that
   * the context's rows and tables are read once, not once per deal.
   */
  winAll(times: Float64Array, n: number): void {
    const { HL } = this;
    const d = this.winTab;
    const T = d.length / 5;
    if (this.winDraws.length < n * T) this.winDraws = new Float64Array(2 * n * T);
    const x = this.winDraws; // deal c's value, delivery and payment days at c·T …
    this.rng.tableDraws(d, x, n);
    const share = this.funnel!.payShare;
    const nPay = share.length;
    const { wins, bookings, salesDays, deliveryDays, revenue, cash, cashDaysValue } = this;
    for (let c = 0, xc = 0; c < n; c++, xc += T) {
      const t = times[2 * c]!;
      const m = Math.floor(t * INV_L);
      const v = x[xc]!;
      wins[m]! += 1;
      bookings[m]! += v;
      salesDays[m]! += t - times[2 * c + 1]!;
      deliveryDays[m]! += x[xc + 1]!;
      if (this.named >= 0) {
        this.newKeyCustomers[m]! += 1;
        this.namedWin[this.named] = t;
      }
      const rt = t + x[xc + 1]!;
      if (rt < HL) revenue[Math.floor(rt * INV_L)]! += v;
      let days = 0;
      for (let j = 0; j < nPay; j++) {
        const pd = x[xc + 2 + j]!;
        days += share[j]! * pd;
        const ct = t + pd;
        if (ct < HL) cash[Math.floor(ct * INV_L)]! += share[j]! * v;
      }
      cashDaysValue[m]! += v * days;
    }
  }
}

// Module-local copies of imported constants used in the hot loops: where the
// modules run as CommonJS (tsx: the bench and the tests), every read of an
// imported binding is a getter call.
const L = DAYS_PER_MONTH;
const INV_L = 1 / L;

/** Π_{i<j} p_i: probability that a lead enters stage j. */
function reach(p: Float64Array, j: number): number {
  let r = 1;
  for (let i = 0; i < j; i++) r *= p[i]!;
  return r;
}
