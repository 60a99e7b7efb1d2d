// The cohort sampler, for segments too large to follow deal by deal. By
// Poisson thinning and displacement, given the trial's rates, the entries
// into a stage in month w (or the wins, revenue events, receipts of one
// payment) form a Poisson count with mean P_i · Σ_m λ_m · offset_i(w − m),
// independent across months. Each series is thus exact on its own; what is
// lost is the within-trial coupling of noise between series (and between
// the payments of one deal) — see docs/simulation-engine.md. The KPI sums of
// a month's wins (sales, delivery and cash-cycle days) get the sampling
// noise of that many deals, so the per-trial KPIs keep their spread.

import type { CompiledFunnel, CompiledSegment, Kernel } from './compile';
import * as dist from './distributions';
import * as poisson from './poisson';
import type { Rng } from './rng';

// Module-local copies: where the modules run as CommonJS (tsx: the bench and
// the tests), every read of an imported binding is a getter call.
const { EXACT_SUM_MAX, sampleSum } = dist;
const { POISSON_NORMAL_MIN, addPoissonCounts, poissonAt } = poisson;

// No double crosses a call boundary in this file's hot paths: V8 boxes a
// double passed to or returned from a call it does not inline (an
// allocation each; before, ≈ 10 KB a trial on the benchmark plan). Means go
// through the `means` scratch, normal deviates through Z (Rng.normals).

/** A trial's means, channel × month; grown on demand (one trial at a time per thread). */
let means = new Float64Array(0);
function meansScratch(n: number): Float64Array {
  if (means.length < n) means = new Float64Array(n);
  return means;
}
/** The normal deviates of one draw point (at most four in a row: see wonMonth). */
const Z = new Float64Array(4);

/**
 * mu[at + w] = Σ_e le[e]·K[e·H + w] for w < H: a kernel's monthly means
 * given the trial's lead rates, one entry at a time over the months where
 * its row is not 0 (the additions in the order of e, as one month's sum
 * would make them; a skipped term is +0, which changes no sum).
 */
function kernelMeans(kernel: Kernel, le: Float64Array, H: number, mu: Float64Array, at: number): void {
  const { K, lo, hi } = kernel;
  mu.fill(0, at, at + H);
  for (let e = 0; e < le.length; e++) {
    const l = le[e]!;
    const o = e * H - at;
    const end = at + hi[e]!;
    for (let w = at + lo[e]!; w < end; w++) mu[w]! += l * K[o + w]!;
  }
}

/** The monthly accumulators the cohort sampler adds to (one segment's rows; wonValue is bookings' array, TrialRunner). */
export interface Accumulators {
  readonly wins: Float64Array;
  readonly bookings: Float64Array;
  readonly revenue: Float64Array;
  readonly cash: Float64Array;
  readonly salesDays: Float64Array;
  readonly deliveryDays: Float64Array;
  readonly cashDaysValue: Float64Array;
}

/** Entries of one stage from cohorts: Poisson per month (see file comment). */
export function cohortSeries(rng: Rng, H: number, K: Kernel, le: Float64Array, pr: number, out: Float64Array): void {
  const mu = meansScratch(H);
  kernelMeans(K, le, H, mu, 0);
  for (let w = 0; w < H; w++) mu[w] = mu[w]! * pr;
  addPoissonCounts(rng, mu, out, H);
}

/**
 * Lost opportunities from cohorts: deals lost at stage i (1 <= i <= kLoss.length)
 * leave it when they would have entered stage i + 1; by Poisson thinning the
 * losses of all these stages in month w are one Poisson count with mean
 * Σ_i P(reach i)·(1 − p_i)·Σ_m λ_m·offset_{i+1}(w − m).
 */
export function cohortLosses(rng: Rng, H: number, kLoss: Kernel[], le: Float64Array, p: Float64Array, out: Float64Array): void {
  // mu[0 … H): the losses' means, mu[H … 2H): one stage's kernel means.
  const mu = meansScratch(2 * H);
  mu.fill(0, 0, H);
  let r = p[0]!;
  for (let i = 1; i <= kLoss.length; i++) {
    kernelMeans(kLoss[i - 1]!, le, H, mu, H);
    const share = r * (1 - p[i]!);
    for (let w = 0; w < H; w++) mu[w]! += share * mu[H + w]!;
    r *= p[i]!;
  }
  addPoissonCounts(rng, mu, out, H);
}

/**
 * Wins and money from cohorts. Channel 0 counts wins (bookings are their
 * values), channel 1 revenue events, channel 2 + j receipts of payment j;
 * each is Poisson per month with its values summed by sampleSum (revenue and
 * payment channels of mean >= POISSON_NORMAL_MIN draw their money directly
 * as a compound Poisson: compoundMoney).
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
  const C = kMoney.length;
  // mu[ch·H + w]: channel ch's mean in month w; from C·H the wins' mean
  // before × pk and the sales cycle's two kernels (wonMonth).
  const mu = meansScratch((C + 3) * H);
  for (let ch = 0; ch < C; ch++) kernelMeans(kMoney[ch]!, le, H, mu, ch * H);
  mu.copyWithin(C * H, 0, H);
  for (let i = 0; i < C * H; i++) mu[i] = mu[i]! * pk;
  kernelMeans(seg.kCycle!, le, H, mu, (C + 1) * H);
  kernelMeans(seg.kCycle2!, le, H, mu, (C + 2) * H);
  for (let w = 0; w < H; w++) {
    for (let ch = 0; ch < C; ch++) {
      const i = ch * H + w;
      if (ch > 0 && mu[i]! >= POISSON_NORMAL_MIN) {
        // Only the money of revenue and payment events matters, not their count.
        compoundMoney(acc, rng, f, mu, i, ch, w);
        continue;
      }
      const n = poissonAt(rng, mu, i);
      if (n === 0) continue;
      if (ch === 0) {
        wonMonth(acc, rng, f, mu, C * H + w, H, n, w);
        continue;
      }
      const sum = sampleSum(rng, n, f.value);
      if (ch === 1) acc.revenue[w]! += sum;
      else acc.cash[w]! += f.payShare[ch - 2]! * sum;
    }
  }
}

/**
 * The money of N revenue or payment events, N ~ Poisson(λ = mu[i]) with λ >=
 * POISSON_NORMAL_MIN: one normal with the exact compound-Poisson mean λ·μ and
 * variance λ·(σ² + μ²) of the deal values (clamped at 0), instead of a normal
 * count and a normal sum. Its skewness, ignored, is below 2/√λ < 0.07.
 */
function compoundMoney(acc: Accumulators, rng: Rng, f: CompiledFunnel, mu: Float64Array, i: number, ch: number, w: number): void {
  const lambda = mu[i]!;
  const d = f.value;
  rng.normals(Z, 1);
  const x = lambda * d.mean + Math.sqrt(lambda * (d.variance + d.mean * d.mean)) * Z[0]!;
  const money = x > 0 ? x : 0;
  if (ch === 1) acc.revenue[w]! += money;
  else acc.cash[w]! += f.payShare[ch - 2]! * money;
}

/**
 * n > 0 wins signed in month w (mu[at]: their Poisson mean before × pk,
 * mu[at + H] and mu[at + 2H] the sales cycle's kernel sums E[S·1], E[S²·1]): the
 * count, the sales cycle's sum, then bookings and the delivery and cash-cycle
 * sums. Above EXACT_SUM_MAX every draw is normal — the sales cycle, the values'
 * and the delivery days' sums (sampleSum, unless fixed), the cash cycle's
 * noise, in that order — so they are drawn in one Rng.normals call.
 */
function wonMonth(acc: Accumulators, rng: Rng, f: CompiledFunnel, mu: Float64Array, at: number, H: number, n: number, w: number): void {
  const mean = mu[at]!;
  const dMean = mu[at + H]! / mean;
  const dVar = Math.max(0, mu[at + 2 * H]! / mean - dMean * dMean);
  acc.wins[w]! += n;
  const vd = f.value;
  const dd = f.delivery;
  const exact = n <= EXACT_SUM_MAX;
  rng.normals(Z, exact ? 1 : 2 + (vd.fixed ? 0 : 1) + (dd.fixed ? 0 : 1));
  // Σ of n iid delays with the landing month's mean and variance: normal, never negative.
  const sales = n * dMean + Math.sqrt(n * dVar) * Z[0]!;
  acc.salesDays[w]! += sales > 0 ? sales : 0;
  if (exact) {
    winSumsExact(acc, rng, f, n, w);
    return;
  }
  // sampleSum's normal branch, with the deviates drawn above.
  let z = 1;
  let value = n * vd.min;
  if (!vd.fixed) {
    const x = n * vd.mean + Math.sqrt(n * vd.variance) * Z[z++]!;
    const hi = n * vd.max;
    value = x < value ? value : x > hi ? hi : x;
  }
  let delivery = n * dd.min;
  if (!dd.fixed) {
    const x = n * dd.mean + Math.sqrt(n * dd.variance) * Z[z++]!;
    const hi = n * dd.max;
    delivery = x < delivery ? delivery : x > hi ? hi : x;
  }
  let cashDays = value * f.cashCycleMean + Math.sqrt(n * (vd.variance + vd.mean * vd.mean) * f.cashCycleVar) * Z[z]!;
  if (cashDays < 0) cashDays = 0;
  acc.deliveryDays[w]! += delivery;
  acc.bookings[w]! += value;
  acc.cashDaysValue[w]! += cashDays;
}

/** Bookings and the delivery and cash-cycle sums of n <= EXACT_SUM_MAX wins signed in month w, deal by deal. */
function winSumsExact(acc: Accumulators, rng: Rng, f: CompiledFunnel, n: number, w: number): void {
  let value = 0;
  let cashDays = 0;
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
  acc.bookings[w]! += value;
  acc.cashDaysValue[w]! += cashDays;
}
