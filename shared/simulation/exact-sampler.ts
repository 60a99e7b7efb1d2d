// The exact sampler of a segment (CompiledSegment.trackFrom 0): the model to
// the letter, every series coupled as the model couples them. By Poisson
// splitting, a month's leads fall into independent Poisson categories by
// their fate — lost at stage i (i = 0 … k − 1) or won. Deals lost at stage 0
// only count as leads; those lost at a later stage count an opportunity and a
// lost opportunity, drawn from the exact table of where the pair lands
// (loss-cells.ts; followed one by one where no table is exact); won deals are
// followed one by one through their stages' days, and TrialRunner.winAll() books
// the win and its money at their own times. With the fate drawn first, no
// deal needs a conversion draw or a branch on it.

import { L as DAYS_PER_MONTH } from './compile';
import type { CompiledModel } from './compile';
import { samplerTable } from './distributions';
import { addPoissonDraws, POISSON_NORMAL_MIN, poissonOnceAt } from './poisson';
import { delaySumSampler, INTERVALS as SUM_INTERVALS } from './delay-sum-sampler';
import type { DelaySumSampler } from './delay-sum-sampler';
import { lossCells } from './loss-cells';
import type { LossCells } from './loss-cells';
import type { Rng } from './rng';

/** Where won deals go: winAll(times, n) books n deals, deal c signed at times[2c] after entering its funnel at times[2c + 1]. */
export interface WonDeals {
  winAll(times: Float64Array, n: number): void;
}

export class ExactSampler {
  private readonly model: CompiledModel;
  private readonly H: number;
  private readonly HL: number;
  private readonly rng: Rng;
  private readonly won: WonDeals;
  /** A run's deals per fate, and each fate's share of the leads. */
  private readonly fateCount: Int32Array;
  private readonly fateShare: Float64Array;
  /** A run's Poisson mean per fate (read from a typed array by the samplers: no boxed argument). */
  private readonly fateMean: Float64Array;
  /** Per funnel, built on first use: [i] says where its deals lost at stage i >= 1 are counted (null: followed one by one). */
  private readonly lossTables: ((LossCells | null)[] | null)[];
  /** Per funnel, built on first use: the sampler of the sum of its stages' days past stage 0 (null: drawn one by one). */
  private readonly laterSums: (DelaySumSampler | null | undefined)[];
  /** Per funnel, its stage days as a sampler table (distributions.ts: samplerTable). */
  private readonly dayTabs: Float64Array[];
  /** Scratch: a run's won deals' (signing, funnel entry) times, booked together (WonDeals.winAll). */
  private wonTimes = new Float64Array(256);
  /** Scratch: the table entries drawn for a run's lost deals. */
  private drawn = new Int32Array(256);
  /** The segment's leads, opportunities and lost opportunities (3 × H) as integers: countLosses and followFate count here, sample() adds them to the rows. */
  private readonly lossCounts: Int32Array;
  // The current segment's funnel: its stage count and stage days.
  private k = 0;
  private dayTab: Float64Array;

  /** rng: the trial's generator, reseeded per segment by the runner; won: where won deals are booked. */
  constructor(model: CompiledModel, rng: Rng, won: WonDeals) {
    this.model = model;
    this.H = model.H;
    this.HL = model.HL;
    this.rng = rng;
    this.won = won;
    const maxK = Math.max(...model.funnels.map((f) => f.k));
    this.fateCount = new Int32Array(maxK + 1);
    this.fateShare = new Float64Array(maxK + 1);
    this.fateMean = new Float64Array(maxK + 1);
    this.lossTables = model.funnels.map(() => null);
    this.laterSums = model.funnels.map(() => undefined);
    this.dayTabs = model.funnels.map((f) => samplerTable(f.days));
    this.dayTab = this.dayTabs[0]!;
    this.lossCounts = new Int32Array(3 * model.H);
  }

  /**
   * One segment of funnel fi in one trial: p its drawn stage conversions,
   * lam its lead rate per month; counts go to the segment's rows of leads,
   * opportunities and lost opportunities, wins to the WonDeals.
   */
  sample(fi: number, p: Float64Array, lam: Float64Array, leads: Float64Array, o: Float64Array, x: Float64Array): void {
    const { H, rng, fateCount: n, fateShare: share, fateMean: mean } = this;
    const f = this.model.funnels[fi]!;
    const k = (this.k = f.k);
    this.dayTab = this.dayTabs[fi]!;
    if (this.laterSums[fi] === undefined) this.laterSums[fi] = f.k >= 3 ? delaySumSampler(f.days.slice(1)) : null;
    const later = this.laterSums[fi];
    const tables = (this.lossTables[fi] ??= f.days.map((_, i) => (i === 0 ? null : lossCells(f.days[0]!, f.days.slice(1, i + 1), L))));
    // share[i]: P(lost at stage i), share[k]: P(won).
    let r = 1;
    for (let i = 0; i < k; i++) {
      share[i] = r * (1 - p[i]!);
      r *= p[i]!;
    }
    share[k] = r;
    const cnt = this.lossCounts;
    cnt.fill(0);
    for (let m0 = 0; m0 < H; ) {
      // A run of months with one lead rate: the leads of a Poisson process
      // of constant rate over M months are Poisson(l·M) with uniform arrival
      // times over the run, so each fate past stage 0 is one count for the
      // run, and each deal draws its arrival over the run. Runs stay short
      // enough that no such count reaches the normal approximation.
      const l = lam[m0]!;
      const cap = Math.max(1, Math.floor((POISSON_NORMAL_MIN - 1) / (l * (1 - share[0]!))));
      let m1 = m0 + 1;
      while (m1 < H && lam[m1] === l && m1 - m0 < cap) m1++;
      const M = m1 - m0;
      if (l > 0) {
        // Deals lost at stage 0 only count as leads, month by month.
        mean[0] = l * share[0]!;
        addPoissonDraws(rng, mean, 0, leads, m0, m1);
        // The other fates: one count each for the run.
        for (let i = 1; i <= k; i++) {
          mean[i] = l * share[i]! * M;
          n[i] = poissonOnceAt(rng, mean, i);
        }
        for (let i = 1; i < k; i++) {
          const cells = tables[i];
          if (cells) this.countLosses(cells, m0, M, n[i]!);
          else this.followFate(m0, M, n[i]!, i, false);
        }
        if (later) this.followWins(m0, M, n[k]!, later);
        else this.followFate(m0, M, n[k]!, k - 1, true);
      }
      m0 = m1;
    }
    // Integer sums: the same whatever the order of the additions.
    for (let m = 0; m < H; m++) {
      leads[m]! += cnt[m]!;
      o[m]! += cnt[H + m]!;
      x[m]! += cnt[2 * H + m]!;
    }
  }

  /**
   * n deals arriving over months m0 … m0 + M − 1 and lost at one stage: their
   * lead, opportunity and lost opportunity (arrival month uniform over the
   * run, and the stage's table, drawn together from the run's table).
   */
  private countLosses(cells: LossCells, m0: number, M: number, n: number): void {
    if (n === 0) return;
    const { H, rng } = this;
    // One draw per deal gives its arrival month and its cell (LossCells.run),
    // as the months' offsets from m0, packed (RunCells: arrivalOf …).
    const run = cells.run(M);
    let drawn = this.drawn;
    if (drawn.length < n) drawn = this.drawn = new Int32Array(2 * n);
    run.fill(rng, drawn, n);
    // Counted as integers (sample() adds them to the segment's rows).
    const cnt = this.lossCounts;
    const H2 = 2 * H;
    for (let c = 0; c < n; c++) {
      const code = drawn[c]!;
      cnt[m0 + (code & 1023)]! += 1; // arrivalOf, written out
      const a = m0 + ((code >>> 10) & 1023); // opportunityOf
      if (a >= H) continue; // the loss is later still
      cnt[H + a]! += 1;
      const b = m0 + (code >>> 20); // lossOf
      if (b < H) cnt[H2 + b]! += 1;
    }
  }

  /**
   * n deals arriving uniformly over months m0 … m0 + M − 1 (each counted as
   * a lead in its month) whose fate is known: they pass stages 0 … last − 1 and are lost at stage last
   * (leaving it after its days: a lost opportunity), or, won, sign when they
   * leave stage last = k − 1. Only the stages' days are drawn (written out
   * from the sampler table, as in TrialRunner.follow); a deal whose time
   * passes the horizon stops, its later events being later still.
   */
  private followFate(m0: number, M: number, n: number, last: number, won: boolean): void {
    const { k, dayTab: d, rng, HL } = this;
    const countOpportunity = k >= 2;
    const cnt = this.lossCounts; // leads, opportunities, lost opportunities as integers (see sample)
    const H = this.H;
    const times = won ? this.wonTimesFor(n) : this.wonTimes;
    let w = 0;
    for (let c = 0; c < n; c++) {
      const x = m0 + M * rng.next();
      cnt[Math.floor(x)]! += 1;
      const t0 = x * L;
      let t = t0;
      let i = 0;
      for (let o = 0; i <= last; i++, o += 5) {
        const u = rng.next();
        const lo = +(u < d[o]!);
        const s = Math.sqrt(lo * u * d[o + 1]! + (1 - lo) * (1 - u) * d[o + 2]!);
        t += d[o + 3]! - d[o + 4]! * lo + (2 * lo - 1) * s;
        if (t >= HL) break;
        if (i === 0 && countOpportunity) cnt[H + Math.floor(t * INV_L)]! += 1;
      }
      if (i <= last) continue; // beyond the horizon
      if (!won) {
        cnt[2 * H + Math.floor(t * INV_L)]! += 1;
        continue;
      }
      times[2 * w] = t;
      times[2 * w + 1] = t0;
      w++;
    }
    if (w > 0) this.won.winAll(times, w);
  }

  /**
   * n won deals arriving uniformly over months m0 … m0 + M − 1, as
   * followFate's but with the days of stages 1 … k − 1 drawn as one sum from
   * its exact law (delay-sum-sampler.ts): a won deal's lead month, its
   * opportunity month (after the stage-0 days) and its signing time are all
   * the model reads of its stages.
   */
  private followWins(m0: number, M: number, n: number, later: DelaySumSampler): void {
    const { dayTab: d, rng, HL } = this;
    const cnt = this.lossCounts; // leads, opportunities, lost opportunities as integers (see sample)
    const H = this.H;
    const times = this.wonTimesFor(n);
    let won = 0;
    const tab = later.table;
    const from = later.lo;
    const w = later.w;
    for (let c = 0; c < n; c++) {
      const x = m0 + M * rng.next();
      cnt[Math.floor(x)]! += 1;
      const t0 = x * L;
      // Stage 0's days, written out from the sampler table as in followFate.
      const u = rng.next();
      const lo = +(u < d[0]!);
      const s = Math.sqrt(lo * u * d[1]! + (1 - lo) * (1 - u) * d[2]!);
      let t = t0 + d[3]! - d[4]! * lo + (2 * lo - 1) * s;
      if (t >= HL) continue; // later events are later still
      cnt[H + Math.floor(t * INV_L)]! += 1;
      // later.sample(rng), written out: a piece from the alias table, a point in it.
      const y = rng.next() * (2 * INTERVALS);
      const j = Math.floor(y);
      const e = j + +(y - j >= tab[2 * j]!) * (tab[2 * j + 1]! - j);
      if (e < INTERVALS) t += from + (e + rng.next()) * w;
      else {
        later.wedge(e - INTERVALS, rng); // rare (≈ 0.35 % of the mass); its point comes through a typed array, unboxed
        t += later.point[0]!;
      }
      if (t >= HL) continue;
      times[2 * won] = t;
      times[2 * won + 1] = t0;
      won++;
    }
    if (won > 0) this.won.winAll(times, won);
  }

  /** The won-deal times scratch, with room for n deals. */
  private wonTimesFor(n: number): Float64Array {
    if (this.wonTimes.length < 2 * n) this.wonTimes = new Float64Array(4 * n);
    return this.wonTimes;
  }
}

// Module-local copies of imported constants used in the hot loops: where the
// modules run as CommonJS (tsx: the bench and the tests), every read of an
// imported binding is a getter call.
const L = DAYS_PER_MONTH;
const INTERVALS = SUM_INTERVALS;
const INV_L = 1 / L;
