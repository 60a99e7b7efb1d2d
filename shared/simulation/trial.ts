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

import { L } from './compile';
import type { CompiledFunnel, CompiledModel } from './compile';
import type { RangeDist } from './distributions';
import { cohortMoney, cohortSeries } from './cohort';
import { PoissonSampler, sampleBinomial, samplePoisson } from './distributions';
import { Rng } from './rng';

export class TrialRunner {
  readonly leads: Float64Array;
  readonly opportunities: Float64Array;
  readonly wins: Float64Array;
  readonly bookings: Float64Array;
  readonly revenue: Float64Array;
  readonly cash: Float64Array;
  readonly newKeyCustomers: Float64Array;
  /** Entries into each funnel's last stage (winRate's denominator). */
  readonly lastEntries: Float64Array;
  /** Σ (t_win − t0) of the wins signed in each month. */
  readonly cycleSum: Float64Array;
  /** Σ value·(value-weighted days to cash) and Σ value of the wins signed in each month. */
  readonly cashCycleNum: Float64Array;
  readonly cashCycleDen: Float64Array;

  private readonly model: CompiledModel;
  private readonly H: number;
  private readonly HL: number;
  private readonly rng = new Rng();
  private readonly conv: Float64Array[];
  /**
   * Only entries into stages 0, 1 and k−1 and the win are observed, so a deal
   * jumps from one observed stage to the next with one Bernoulli draw of the
   * product of the conversions in between (its days are still drawn one by
   * one). jumpTo[i] is the next observed stage after i; jumpP[i] the chance.
   */
  private readonly jumpTo: Int32Array[];
  private readonly jumpP: Float64Array[];
  private readonly lamEntry: Float64Array[];
  private readonly lam: Float64Array;
  private readonly namedConv: Float64Array;
  private readonly namedJumpP: Float64Array;
  /** Poisson samplers of the exact sampler's categories: lost at stage 0, went on, stayed (per month offset). */
  private readonly poisson: PoissonSampler[];
  // The deal context advance()/win() work in, set per segment or pursuit.
  private k = 0;
  private to: Int32Array;
  private jp: Float64Array;
  private days: RangeDist[] = [];
  /** [value, delivery days, payment days…] of the current deal context, and a scratch for their draws. */
  private winDists: RangeDist[] = [];
  private readonly winDraws: Float64Array;
  private readonly funnelWinDists: RangeDist[][];
  private readonly namedWinDists: RangeDist[][];
  private funnel: CompiledFunnel | null = null;
  private isNamed = false;
  // A deal's current time and funnel-entry time (days), in a typed array
  // rather than arguments: V8 boxes a double passed to a call it does not
  // inline, i.e. an allocation per deal.
  private readonly time = new Float64Array(2);

  constructor(model: CompiledModel) {
    this.model = model;
    const H = (this.H = model.H);
    this.HL = model.HL;
    const arr = () => new Float64Array(H);
    this.leads = arr();
    this.opportunities = arr();
    this.wins = arr();
    this.bookings = arr();
    this.revenue = arr();
    this.cash = arr();
    this.newKeyCustomers = arr();
    this.lastEntries = arr();
    this.cycleSum = arr();
    this.cashCycleNum = arr();
    this.cashCycleDen = arr();
    this.series = [this.leads, this.opportunities, this.wins, this.bookings, this.revenue, this.cash, this.newKeyCustomers];
    this.conv = model.funnels.map((f) => new Float64Array(f.k));
    this.jumpTo = model.funnels.map((f) => {
      const to = new Int32Array(f.k);
      for (let i = 0; i < f.k; i++) to[i] = i < 1 ? 1 : i < f.k - 1 ? f.k - 1 : f.k;
      return to;
    });
    this.jumpP = model.funnels.map((f) => new Float64Array(f.k));
    this.lamEntry = model.segments.map((s) => new Float64Array(s.entries.length));
    this.lam = arr();
    const maxK = Math.max(...model.funnels.map((f) => f.k));
    this.namedConv = new Float64Array(maxK);
    this.namedJumpP = new Float64Array(maxK);
    const offsets = Math.max(...model.funnels.map((f) => f.stage1Exact.length));
    this.poisson = Array.from({ length: 2 + offsets }, () => new PoissonSampler());
    this.to = this.jumpTo[0]!;
    this.jp = this.namedJumpP;
    const tail = (f: CompiledFunnel) => [f.delivery, ...f.payDays];
    this.funnelWinDists = model.funnels.map((f) => [f.value, ...tail(f)]);
    this.namedWinDists = model.named.map((c) => [c.value, ...tail(model.funnels[c.funnel]!)]);
    this.winDraws = new Float64Array(2 + Math.max(...model.funnels.map((f) => f.payDays.length)));
  }

  /** Series accumulators in SERIES_METRICS order. */
  readonly series: readonly Float64Array[];

  run(seed: number, trial: number): void {
    for (const a of this.series) a.fill(0);
    this.lastEntries.fill(0);
    this.cycleSum.fill(0);
    this.cashCycleNum.fill(0);
    this.cashCycleDen.fill(0);
    const { model, rng } = this;

    // Trial-level draws: one uniform per input (fixed ones too), in plan order.
    rng.reseed(seed, trial, 0);
    model.funnels.forEach((f, fi) => {
      const c = this.conv[fi]!;
      for (let i = 0; i < f.k; i++) c[i] = Math.min(1, f.conv[i]!.sample(rng));
      jumpChances(c, this.jumpTo[fi]!, this.jumpP[fi]!, f.k);
    });
    model.segments.forEach((s, si) => {
      const le = this.lamEntry[si]!;
      for (let e = 0; e < s.entries.length; e++) le[e] = s.entries[e]!.sample(rng);
    });

    const nSeg = model.segments.length;
    for (let si = 0; si < nSeg; si++) {
      rng.reseed(seed, trial, 1 + si);
      this.runSegment(si);
    }
    model.named.forEach((c, ci) => {
      rng.reseed(seed, trial, 1 + nSeg + ci);
      const f = model.funnels[c.funnel]!;
      const base = this.conv[c.funnel]!;
      const q = this.namedConv;
      for (let i = 0; i < f.k; i++) q[i] = Math.min(1, base[i]! * c.readiness);
      jumpChances(q, this.jumpTo[c.funnel]!, this.namedJumpP, f.k);
      this.setDeal(f, c.funnel, this.namedJumpP, this.namedWinDists[ci]!, true);
      const t = c.startMonth * L;
      this.time[0] = t;
      this.time[1] = t;
      this.advance(c.entryStage);
    });
  }

  private setDeal(f: CompiledFunnel, fi: number, jumpP: Float64Array, winDists: RangeDist[], named: boolean): void {
    this.funnel = f;
    this.k = f.k;
    this.to = this.jumpTo[fi]!;
    this.jp = jumpP;
    this.days = f.days;
    this.winDists = winDists;
    this.isNamed = named;
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
    this.setDeal(f, seg.funnel, this.jumpP[seg.funnel]!, this.funnelWinDists[seg.funnel]!, false);
    const j = seg.trackFrom;
    const days = f.days;

    if (j === 0) {
      if (k === 1) this.exactSingleStage(seg.funnel);
      else this.exactCohorts(f, p);
      return;
    }

    for (let m = 0; m < H; m++) {
      const n = samplePoisson(rng, lam[m]!);
      leads[m]! += n;
      if (k === 1) this.lastEntries[m]! += n;
    }
    if (seg.kOpp) cohortSeries(rng, H, seg.kOpp, le, p[0]!, this.opportunities, k === 2 ? this.lastEntries : null);
    if (seg.kLast) cohortSeries(rng, H, seg.kLast, le, reach(p, k - 1), this.lastEntries, null);
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
    cohortMoney(this, rng, seg, f, le, reach(p, k));
  }

  /**
   * Exact sampler. By Poisson splitting, a month's leads fall into
   * independent Poisson categories: lost at stage 0; entered stage 1 in month
   * m + o and lost before the next observed stage; went on. Only the last
   * category needs per-deal times; the sum of all is the month's leads, so
   * leads, opportunities and everything after stay exactly coupled.
   */
  private exactCohorts(f: CompiledFunnel, p: Float64Array): void {
    const { H, lam, rng, HL } = this;
    const k = f.k;
    const off = f.stage1Exact;
    const days = f.days;
    const p0 = p[0]!;
    const goOn = this.jp[1]!;
    const next = this.to[1]!;
    const alsoLast = k === 2;
    const [lost, went, ...stay] = this.poisson;
    for (let m = 0; m < H; m++) {
      const l = lam[m]!;
      if (l === 0) continue;
      // Means repeat across an entry's months: samplers cache their set-up.
      lost!.setMean(l * (1 - p0));
      went!.setMean(l * p0 * goOn);
      let n = lost!.sample(rng);
      for (let o = 0; o < off.length; o++) {
        const ps = stay[o]!;
        ps.setMean(l * p0 * (1 - goOn) * off[o]!);
        const c = ps.sample(rng);
        n += c;
        if (m + o < H) {
          this.opportunities[m + o]! += c;
          if (alsoLast) this.lastEntries[m + o]! += c;
        }
      }
      const go = went!.sample(rng);
      this.leads[m]! += n + go;
      for (let c = 0; c < go; c++) {
        const t0 = (m + rng.next()) * L;
        let t = t0 + days[0]!.sample(rng);
        if (t >= HL) continue;
        const mm = Math.floor(t * INV_L);
        this.opportunities[mm]! += 1;
        if (alsoLast) this.lastEntries[mm]! += 1;
        for (let i = 1; i < next; i++) t += days[i]!.sample(rng);
        this.time[0] = t;
        this.time[1] = t0;
        this.advance(next);
      }
    }
  }

  /** Exact sampler for one-stage funnels: leaving stage 0 is the win. */
  private exactSingleStage(fi: number): void {
    const { H, lam, rng } = this;
    const p0 = this.conv[fi]![0]!;
    const d0 = this.days[0]!;
    for (let m = 0; m < H; m++) {
      const n0 = samplePoisson(rng, lam[m]!);
      if (n0 === 0) continue;
      this.leads[m]! += n0;
      this.lastEntries[m]! += n0;
      const n1 = sampleBinomial(rng, n0, p0);
      for (let c = 0; c < n1; c++) {
        const t0 = (m + rng.next()) * L;
        this.time[0] = t0 + d0.sample(rng);
        this.time[1] = t0;
        this.advance(1);
      }
    }
  }

  /** Follows one deal that has just entered stage i at this.t (this.t0: its funnel entry). */
  private advance(i: number): void {
    const { k, to, jp, days, rng, HL } = this;
    let t = this.time[0]!;
    for (;;) {
      if (t >= HL) return; // later events are later still: all beyond the horizon
      if (i === k) {
        this.time[0] = t;
        this.win();
        return;
      }
      const m = Math.floor(t * INV_L);
      if (i === 0) this.leads[m]! += 1;
      if (i === 1) this.opportunities[m]! += 1;
      if (i === k - 1) this.lastEntries[m]! += 1;
      if (rng.next() >= jp[i]!) return;
      const next = to[i]!;
      for (; i < next; i++) t += days[i]!.sample(rng);
    }
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
    this.cycleSum[m]! += t - this.time[1]!;
    if (this.isNamed) this.newKeyCustomers[m]! += 1;
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
    this.cashCycleNum[m]! += v * days;
    this.cashCycleDen[m]! += v;
  }
}

const INV_L = 1 / L;

/** jumpP[i] = Π_{l=i}^{to[i]−1} p_l: chance to reach the next observed stage. */
function jumpChances(p: Float64Array, to: Int32Array, jumpP: Float64Array, k: number): void {
  for (let i = 0; i < k; i++) {
    let r = 1;
    for (let l = i; l < to[i]!; l++) r *= p[l]!;
    jumpP[i] = r;
  }
}

/** Π_{i<j} p_i: probability that a lead enters stage j. */
function reach(p: Float64Array, j: number): number {
  let r = 1;
  for (let i = 0; i < j; i++) r *= p[i]!;
  return r;
}
