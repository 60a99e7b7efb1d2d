// Statistics of per-trial values under importance weights (the reforecast,
// simulation-model.md "Actuals"). Weights need not be normalised; only
// their ratios matter.

/**
 * Weighted quantiles: for each probability q, the smallest value x whose
 * weighted share of trials with value ≤ x reaches q (the inverse of the
 * weighted empirical CDF). With equal weights this is the classic
 * inverse-ECDF quantile (type 1). NaN when the total weight is 0 or n = 0.
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, probs: readonly number[]): number[] {
  const n = values.length;
  const order = new Uint32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    total += weights[i]!;
  }
  if (n === 0 || !(total > 0)) return probs.map(() => NaN);
  order.sort((a, b) => values[a]! - values[b]!);
  const out: number[] = [];
  let k = 0;
  let cum = 0;
  // probs are visited in ascending order, so one pass over the sorted trials serves them all.
  const byProb = probs.map((q, i) => ({ q, i })).sort((a, b) => a.q - b.q);
  const res = new Array<number>(probs.length);
  for (const { q, i } of byProb) {
    // A relative tolerance keeps q·total reachable despite rounding in the running sum.
    const goal = q * total * (1 - 1e-12);
    while (k < n - 1 && cum + weights[order[k]!]! < goal) cum += weights[order[k++]!]!;
    res[i] = values[order[k]!]!;
  }
  out.push(...res);
  return out;
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
