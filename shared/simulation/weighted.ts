// Statistics of per-trial values under importance weights (the reforecast,
// simulation-model.md "Actuals"). Weights need not be normalised; only
// their ratios matter.

/**
 * Weighted quantiles: for each probability q, the smallest value x whose
 * weighted share of trials with value ≤ x reaches q (the inverse of the
 * weighted empirical CDF). With equal weights this is the classic
 * inverse-ECDF quantile (type 1). NaN when the total weight is 0 or n = 0.
 * Expected O(n) per probability (a weighted quickselect, three-way
 * partitions), so hundreds of columns of 10,000 trials stay cheap.
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, probs: readonly number[]): number[] {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  if (n === 0 || !(total > 0)) return probs.map(() => NaN);
  const v = Float64Array.from(values);
  const w = Float64Array.from(weights);
  // A relative tolerance keeps q·total reachable despite rounding in the sums.
  return probs.map((q) => select(v, w, q * total * (1 - 1e-12)));
}

/** The smallest value whose cumulative weight reaches `goal`; reorders v and w together. */
function select(v: Float64Array, w: Float64Array, goal: number): number {
  let lo = 0;
  let hi = v.length - 1;
  if (!(goal > 0)) {
    let m = v[0]!;
    for (let i = 1; i <= hi; i++) if (v[i]! < m) m = v[i]!;
    return m;
  }
  for (;;) {
    const a = v[lo]!;
    const b = v[(lo + hi) >> 1]!;
    const c = v[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Dutch-flag partition of [lo, hi]: < pivot, = pivot, > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    let wl = 0;
    let we = 0;
    while (i <= gt) {
      const x = v[i]!;
      if (x < pivot) {
        wl += w[i]!;
        swap(v, w, lt++, i++);
      } else if (x > pivot) swap(v, w, i, gt--);
      else {
        we += w[i]!;
        i++;
      }
    }
    if (wl >= goal) hi = lt - 1;
    else if (wl + we >= goal || gt >= hi) return pivot;
    else {
      goal -= wl + we;
      lo = gt + 1;
    }
  }
}

function swap(v: Float64Array, w: Float64Array, i: number, j: number): void {
  const x = v[i]!;
  v[i] = v[j]!;
  v[j] = x;
  const y = w[i]!;
  w[i] = w[j]!;
  w[j] = y;
}

/** Σ w·x / Σ w; NaN when the total weight is 0. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < values.length; i++) {
    sw += weights[i]!;
    swx += weights[i]! * values[i]!;
  }
  return sw > 0 ? swx / sw : NaN;
}

/** Effective sample size (Σw)² / Σw². */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i]!;
    s2 += weights[i]! * weights[i]!;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}
