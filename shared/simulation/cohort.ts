// The cohort sampler, for segments too large to follow deal by deal. By
// Poisson thinning and displacement, given the trial's rates, the entries
// into a stage in month w (or the wins, revenue events, receipts of one
// payment) form a Poisson count with mean P_i · Σ_m λ_m · offset_i(w − m),
// independent across months. Each series is thus exact on its own; what is
// lost is the within-trial coupling of noise between series (and between
// the payments of one deal) — see docs/simulation-engine.md. The KPI sums of
// a month's wins (sales, delivery and cash-cycle days) get the sampling
// noise of that many deals, so the per-trial KPIs keep their spread.

import type { CompiledFunnel, CompiledSegment } from './compile';
import * as dist from './distributions';
import type { Rng } from './rng';

// Module-local copies: where the modules run as CommonJS (tsx: the bench and
// the tests), every read of an imported binding is a getter call.
const { EXACT_SUM_MAX, POISSON_NORMAL_MIN, sampleCompoundPoisson, samplePoisson, sampleSum } = dist;

/** The monthly accumulators the cohort sampler adds to (one segment's rows). */
export interface Accumulators {
  readonly wins: Float64Array;
  readonly bookings: Float64Array;
  readonly revenue: Float64Array;
  readonly cash: Float64Array;
  readonly salesDays: Float64Array;
  readonly deliveryDays: Float64Array;
  readonly cashDaysValue: Float64Array;
  readonly wonValue: Float64Array;
}

/** Entries of one stage from cohorts: Poisson per month (see file comment). */
export function cohortSeries(rng: Rng, H: number, K: Float64Array[], le: Float64Array, pr: number, out: Float64Array): void {
  for (let w = 0; w < H; w++) {
    let mean = 0;
    for (let e = 0; e < K.length; e++) mean += le[e]! * K[e]![w]!;
    out[w]! += samplePoisson(rng, mean * pr);
  }
}

/**
 * Lost opportunities from cohorts: deals lost at stage i (1 <= i <= kLoss.length)
 * leave it when they would have entered stage i + 1; by Poisson thinning the
 * losses of all these stages in month w are one Poisson count with mean
 * Σ_i P(reach i)·(1 − p_i)·Σ_m λ_m·offset_{i+1}(w − m).
 */
export function cohortLosses(rng: Rng, H: number, kLoss: Float64Array[][], le: Float64Array, p: Float64Array, out: Float64Array): void {
  for (let w = 0; w < H; w++) {
    let mean = 0;
    let r = p[0]!;
    for (let i = 1; i <= kLoss.length; i++) {
      const K = kLoss[i - 1]!;
      let s = 0;
      for (let e = 0; e < K.length; e++) s += le[e]! * K[e]![w]!;
      mean += r * (1 - p[i]!) * s;
      r *= p[i]!;
    }
    out[w]! += samplePoisson(rng, mean);
  }
}

/**
 * Wins and money from cohorts. Channel 0 counts wins (bookings are their
 * values), channel 1 revenue events, channel 2 + j receipts of payment j;
 * each is Poisson per month with its values summed by sampleSum (revenue and
 * payment channels of mean >= POISSON_NORMAL_MIN draw their money directly
 * as a compound Poisson).
 *
 * The n wins of a month carry the KPI sums of n deals: up to EXACT_SUM_MAX
 * wins each deal's value, delivery and payment days are drawn; above, the
 * sums are normal with the exact mean and variance of n independent deals —
 * delivery days iid; the sales cycle with the mean and variance of the delay
 * given that the win lands in month w (kCycle, kCycle2); the cash cycle's
 * Σ v·c = c̄·Σ v + Σ v·(c − c̄), whose second term has mean 0 and variance
 * n·E[v²]·Var(c) (values and payment days are independent).
 */
export function cohortMoney(
  acc: Accumulators,
  rng: Rng,
  seg: CompiledSegment,
  f: CompiledFunnel,
  le: Float64Array,
  pk: number,
): void {
  const H = acc.wins.length;
  const kMoney = seg.kMoney!;
  const kCycle = seg.kCycle!;
  const kCycle2 = seg.kCycle2!;
  const value = f.value;
  const ne = le.length;
  for (let w = 0; w < H; w++) {
    for (let ch = 0; ch < kMoney.length; ch++) {
      const K = kMoney[ch]!;
      let mean = 0;
      for (let e = 0; e < ne; e++) mean += le[e]! * K[e]![w]!;
      const lambda = mean * pk;
      if (ch > 0 && lambda >= POISSON_NORMAL_MIN) {
        // Only the money of revenue and payment events matters, not their count.
        const money = sampleCompoundPoisson(rng, lambda, value);
        if (ch === 1) acc.revenue[w]! += money;
        else acc.cash[w]! += f.payShare[ch - 2]! * money;
        continue;
      }
      const n = samplePoisson(rng, lambda);
      if (n === 0) continue;
      if (ch === 0) {
        let cy = 0;
        let cy2 = 0;
        for (let e = 0; e < ne; e++) {
          cy += le[e]! * kCycle[e]![w]!;
          cy2 += le[e]! * kCycle2[e]![w]!;
        }
        const dMean = cy / mean;
        const dVar = Math.max(0, cy2 / mean - dMean * dMean);
        acc.wins[w]! += n;
        acc.salesDays[w]! += normalSum(rng, n, dMean, dVar);
        winSums(acc, rng, f, n, w);
        continue;
      }
      const sum = sampleSum(rng, n, value);
      if (ch === 1) acc.revenue[w]! += sum;
      else acc.cash[w]! += f.payShare[ch - 2]! * sum;
    }
  }
}

/** Bookings and the delivery and cash-cycle sums of n wins signed in month w. */
function winSums(acc: Accumulators, rng: Rng, f: CompiledFunnel, n: number, w: number): void {
  let value = 0;
  let cashDays = 0;
  if (n <= EXACT_SUM_MAX) {
    let delivery = 0;
    for (let d = 0; d < n; d++) {
      const v = f.value.sample(rng);
      delivery += f.delivery.sample(rng);
      let c = 0;
      for (let j = 0; j < f.payDays.length; j++) c += f.payShare[j]! * f.payDays[j]!.sample(rng);
      value += v;
      cashDays += v * c;
    }
    acc.deliveryDays[w]! += delivery;
  } else {
    const vd = f.value;
    value = sampleSum(rng, n, vd);
    acc.deliveryDays[w]! += sampleSum(rng, n, f.delivery);
    cashDays = value * f.cashCycleMean + Math.sqrt(n * (vd.variance + vd.mean * vd.mean) * f.cashCycleVar) * rng.normal();
    if (cashDays < 0) cashDays = 0;
  }
  acc.bookings[w]! += value;
  acc.wonValue[w]! += value;
  acc.cashDaysValue[w]! += cashDays;
}

/** Sum of n iid delays of the given mean and variance: exact mean, normal noise, never negative. */
function normalSum(rng: Rng, n: number, mean: number, variance: number): number {
  const x = n * mean + Math.sqrt(n * variance) * rng.normal();
  return x > 0 ? x : 0;
}
