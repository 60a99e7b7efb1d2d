// One Monte-Carlo trial: draws the trial-level inputs, then fills monthly
// accumulators segment by segment. Two samplers, chosen per segment at
// compile time (CompiledSegment.trackFrom):
//
// * exact (trackFrom 0): each month's leads split by Poisson thinning into
//   independent categories (lost at stage 0 / entered stage 1 in month m + o
//   and lost / went on); deals that go on are followed one by one through
//   stage days, conversions, value, delivery and payments — the model to
//   the letter, with every series coupled as the model couples them;
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

import { L } from './compile';
import type { CompiledFunnel, CompiledModel } from './compile';
import type { RangeDist } from './distributions';
import { cohortLosses, cohortMoney, cohortSeries } from './cohort';
import { PoissonSampler, samplePoisson } from './distributions';
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
  'wonValue', // Σ value of those wins (= bookings; kept apart so a KPI never reads a series slot)
] as const;
export type Accumulator = (typeof ACCUMULATORS)[number];
export const NA = ACCUMULATORS.length;
export const ACC = Object.fromEntries(ACCUMULATORS.map((a, i) => [a, i])) as Record<Accumulator, number>;

export class TrialRunner {
  /** all[a] is accumulator a over segment × month (index segment·H + month). */
  readonly all: Float64Array[];
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
  private wonValue!: Float64Array;
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
  /** Poisson samplers of the exact sampler's categories: lost at stage 0, entered stage 1. */
  private readonly poisson: PoissonSampler[];
  // The deal context advance()/win() work in, set per segment or pursuit.
  private k = 0;
  private p: Float64Array;
  private days: RangeDist[] = [];
  /** [value, delivery days, payment days…] of the current deal context, and a scratch for their draws. */
  private winDists: RangeDist[] = [];
  private readonly winDraws: Float64Array;
  private readonly funnelWinDists: RangeDist[][];
  private readonly namedWinDists: RangeDist[][];
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
    this.all = ACCUMULATORS.map(() => new Float64Array(G * H));
    this.views = model.segments.map((_, si) => this.all.map((a) => a.subarray(si * H, (si + 1) * H)));
    this.namedWin = new Float64Array(model.named.length);
    this.namedWinToday = new Float64Array(model.named.length);
    this.useSegment(0);
    this.conv = model.funnels.map((f) => new Float64Array(f.k));
    this.lamEntry = model.segments.map((s) => new Float64Array(s.entries.length));
    this.lam = new Float64Array(H);
    const maxK = Math.max(...model.funnels.map((f) => f.k));
    this.namedConv = new Float64Array(maxK);
    this.poisson = [new PoissonSampler(), new PoissonSampler()];
    this.p = this.namedConv;
    const tail = (f: CompiledFunnel) => [f.delivery, ...f.payDays];
    this.funnelWinDists = model.funnels.map((f) => [f.value, ...tail(f)]);
    this.namedWinDists = model.named.map((c) => [c.value, ...tail(model.funnels[c.funnel]!)]);
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
    this.wonValue = v[11]!;
  }

  run(seed: number, trial: number): void {
    for (const a of this.all) a.fill(0);
    const { model, rng } = this;

    // Trial-level draws: one uniform per input (fixed ones too), in plan order.
    rng.reseed(seed, trial, 0);
    model.funnels.forEach((f, fi) => {
      const c = this.conv[fi]!;
      for (let i = 0; i < f.k; i++) c[i] = Math.min(1, f.conv[i]!.sample(rng));
    });
    model.segments.forEach((s, si) => {
      const le = this.lamEntry[si]!;
      for (let e = 0; e < s.entries.length; e++) le[e] = s.entries[e]!.sample(rng);
    });

    const nSeg = model.segments.length;
    for (let si = 0; si < nSeg; si++) {
      rng.reseed(seed, trial, 1 + si);
      this.useSegment(si);
      this.runSegment(si);
    }
    model.named.forEach((c, ci) => {
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
      this.setDeal(f, q, this.namedWinDists[ci]!, ci);
      this.namedWin[ci] = Infinity;
      this.time[0] = start;
      this.time[1] = start;
      this.advance(c.entryStage);
      if (!c.usesPlan) this.namedWinToday[ci] = this.namedWin[ci]!;
    });
  }

  private setDeal(f: CompiledFunnel, p: Float64Array, winDists: RangeDist[], named: number): void {
    this.funnel = f;
    this.k = f.k;
    this.p = p;
    this.days = f.days;
    this.winDists = winDists;
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
    this.setDeal(f, p, this.funnelWinDists[seg.funnel]!, -1);
    const j = seg.trackFrom;
    const days = f.days;

    if (j === 0) {
      this.exactCohorts(f, p);
      return;
    }

    for (let m = 0; m < H; m++) leads[m]! += samplePoisson(rng, lam[m]!);
    if (seg.kOpp) cohortSeries(rng, H, seg.kOpp, le, p[0]!, this.opportunities);
    if (seg.kLoss.length) cohortLosses(rng, H, seg.kLoss, le, p, this.lostOpportunities);
    if (j <= k) {
      // Deals entering stage j are followed one by one from there.
      const pj = reach(p, j);
      for (let m = 0; m < H; m++) {
        const n = samplePoisson(rng, lam[m]! * pj);
        for (let c = 0; c < n; c++) {
          const t0 = (m + rng.next()) * L;
          let t = t0;
          for (let i = 0; i < j; i++) t += days[i]!.sample(rng);
          this.time[0] = t;
          this.time[1] = t0;
          this.advance(j);
        }
      }
      return;
    }
    cohortMoney(this.cohortAccumulators(), rng, seg, f, le, reach(p, k));
  }

  private cohortAccumulators() {
    return {
      wins: this.wins,
      bookings: this.bookings,
      revenue: this.revenue,
      cash: this.cash,
      salesDays: this.salesDays,
      deliveryDays: this.deliveryDays,
      cashDaysValue: this.cashDaysValue,
      wonValue: this.wonValue,
    };
  }

  /**
   * Exact sampler. By Poisson splitting, a month's leads fall into two
   * independent Poisson categories: lost at stage 0 (only counted as leads)
   * and entered stage 1 (the win, for a one-stage funnel), followed one by
   * one so every later event — entries, losses, the win, money — has its
   * own time, exactly as in the model.
   */
  private exactCohorts(f: CompiledFunnel, p: Float64Array): void {
    const { H, lam, rng } = this;
    const d0 = f.days[0]!;
    const p0 = p[0]!;
    const lost = this.poisson[0]!;
    const went = this.poisson[1]!;
    for (let m = 0; m < H; m++) {
      const l = lam[m]!;
      if (l === 0) continue;
      // Means repeat across an entry's months: samplers cache their set-up.
      lost.setMean(l * (1 - p0));
      went.setMean(l * p0);
      const n = lost.sample(rng);
      const go = went.sample(rng);
      this.leads[m]! += n + go;
      for (let c = 0; c < go; c++) {
        const t0 = (m + rng.next()) * L;
        this.time[0] = t0 + d0.sample(rng);
        this.time[1] = t0;
        this.advance(1);
      }
    }
  }

  /**
   * Follows one deal that has just entered stage i at time[0] (time[1]: its
   * funnel entry): at each stage one uniform for the conversion, then the
   * stage's days; a deal lost at stage i >= 1 is a lost opportunity when it
   * leaves that stage.
   */
  private advance(i: number): void {
    const { k, p, days, rng, HL } = this;
    let t = this.time[0]!;
    for (;;) {
      if (t >= HL) return; // later events are later still: all beyond the horizon
      if (i === k) {
        this.time[0] = t;
        this.win();
        return;
      }
      if (i === 0) this.leads[Math.floor(t * INV_L)]! += 1;
      else if (i === 1) this.opportunities[Math.floor(t * INV_L)]! += 1;
      const go = rng.next() < p[i]!;
      if (!go && i === 0) return;
      t += days[i]!.sample(rng);
      if (!go) {
        if (t < HL) this.lostOpportunities[Math.floor(t * INV_L)]! += 1;
        return;
      }
      i++;
    }
  }

  /** Signing time of a pursuit that counts nowhere (today's levels); same draws as advance(). */
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

  private win(): void {
    const { rng, HL } = this;
    // One sampling call site for value, delivery and payment days keeps
    // win() small enough for V8 to inline its draws (see `time`).
    const dists = this.winDists;
    const x = this.winDraws;
    for (let j = 0; j < dists.length; j++) x[j] = dists[j]!.sample(rng);
    const t = this.time[0]!;
    const f = this.funnel!;
    const m = Math.floor(t * INV_L);
    const v = x[0]!;
    this.wins[m]! += 1;
    this.bookings[m]! += v;
    this.salesDays[m]! += t - this.time[1]!;
    this.deliveryDays[m]! += x[1]!;
    if (this.named >= 0) {
      this.newKeyCustomers[m]! += 1;
      this.namedWin[this.named] = t;
    }
    const rt = t + x[1]!;
    if (rt < HL) this.revenue[Math.floor(rt * INV_L)]! += v;
    let days = 0;
    const share = f.payShare;
    for (let j = 0; j < share.length; j++) {
      const d = x[2 + j]!;
      days += share[j]! * d;
      const ct = t + d;
      if (ct < HL) this.cash[Math.floor(ct * INV_L)]! += share[j]! * v;
    }
    this.cashDaysValue[m]! += v * days;
    this.wonValue[m]! += v;
  }
}

const INV_L = 1 / L;

/** Π_{i<j} p_i: probability that a lead enters stage j. */
function reach(p: Float64Array, j: number): number {
  let r = 1;
  for (let i = 0; i < j; i++) r *= p[i]!;
  return r;
}
