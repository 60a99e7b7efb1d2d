// The cohort sampler, for segments too large to follow deal by deal. By
// Poisson thinning and displacement, given the trial's rates, the entries
// into a stage in month w (or the wins, revenue events, receipts of one
// payment) form a Poisson count with mean P_i · Σ_m λ_m · offset_i(w − m),
// independent across months. Each series is thus exact on its own; what is
// lost is the within-trial coupling of noise between series (and between
// the payments of one deal) — see docs/simulation-engine.md.

import type { CompiledFunnel, CompiledSegment } from './compile';
import { POISSON_NORMAL_MIN, sampleCompoundPoisson, samplePoisson, sampleSum } from './distributions';
import type { Rng } from './rng';

/** The monthly accumulators the cohort sampler adds to (TrialRunner has them). */
export interface Accumulators {
  readonly wins: Float64Array;
  readonly bookings: Float64Array;
  readonly revenue: Float64Array;
  readonly cash: Float64Array;
  readonly cycleSum: Float64Array;
  readonly cashCycleNum: Float64Array;
  readonly cashCycleDen: Float64Array;
}

/** Entries of one stage from cohorts: Poisson per month (see file comment). */
export function cohortSeries(
  rng: Rng,
  H: number,
  K: Float64Array[],
  le: Float64Array,
  pr: number,
  out: Float64Array,
  also: Float64Array | null,
): void {
  for (let w = 0; w < H; w++) {
    let mean = 0;
    for (let e = 0; e < K.length; e++) mean += le[e]! * K[e]![w]!;
    const n = samplePoisson(rng, mean * pr);
    out[w]! += n;
    if (also) also[w]! += n;
  }
}

/**
 * Wins and money from cohorts. Channel 0 counts wins (bookings are their
 * values), channel 1 revenue events, channel 2 + j receipts of payment j;
 * each is Poisson per month with its values summed by sampleSum (revenue and
 * payment channels of mean >= POISSON_NORMAL_MIN draw their money directly
 * as a compound Poisson). One sampling call site for all channels keeps the
 * draws inlined by V8.
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
      const sum = sampleSum(rng, n, value);
      if (ch === 0) {
        let cy = 0;
        for (let e = 0; e < ne; e++) cy += le[e]! * kCycle[e]![w]!;
        acc.wins[w]! += n;
        acc.bookings[w]! += sum;
        // Delay sum ≈ n × E[delay | win lands in w]: exact in mean, noise dropped.
        acc.cycleSum[w]! += (n * cy) / mean;
        acc.cashCycleNum[w]! += sum * f.cashCycleMean;
        acc.cashCycleDen[w]! += sum;
      } else if (ch === 1) {
        acc.revenue[w]! += sum;
      } else {
        acc.cash[w]! += f.payShare[ch - 2]! * sum;
      }
    }
  }
}
