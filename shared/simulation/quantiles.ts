// p10, p50 and p90 of the per-trial values (type 7). A run asks for them
// of every statistic — 600 columns of 10,000 values on the benchmark — so
// the order statistics are found by bucketing first: one pass for the
// range, one to count values per bucket, one to copy out the few buckets
// that hold the wanted ranks, and a selection inside those alone. The
// values found are the same order statistics any method finds.

const BUCKETS = 1024;
const counts = new Int32Array(BUCKETS);
/** A second histogram for the odd values: consecutive values of a column often share a bucket (counts with few distinct values), and two counts alternating break that chain of dependent increments. */
const counts2 = new Int32Array(BUCKETS);
/** Start of each wanted bucket's values in `picked`, −1 for the others. */
const slot = new Int32Array(BUCKETS);
const fill = new Int32Array(BUCKETS);
let picked = new Float64Array(1024);
/** Bucket of each value (BUCKETS ≤ 65,536). */
let ids = new Uint16Array(1024);
const PROBS = [0.1, 0.5, 0.9];
const ranks = new Int32Array(6);
const where = new Int32Array(6);
const before = new Int32Array(6);

/**
 * Rearranges a[lo…hi] so that a[k] is the k-th smallest, everything left of
 * it <= and right of it >= (Floyd–Rivest selection: ~1.5 n comparisons for a
 * median, half of quickselect's; quantiles were a tenth of a run's time).
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample to put a[k] close to its final value first.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)), k);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * p10, p50, p90 of a[0…n) (type 7: linear between order statistics, as
 * R's and NumPy's defaults). Leaves a as it was. NaN when n = 0.
 */
export function quantiles3(a: Float64Array, n: number): [number, number, number] {
  if (n === 0) return [NaN, NaN, NaN];
  let lo = a[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
  }
  return quantiles3Within(a, n, lo, hi);
}

// The passes are small functions of their own: a run's merge calls this
// once per statistic in a fresh worker, where V8 optimises small loops much
// sooner than one large function (cold, the merge cost 2–3 × its warm time).

/**
 * quantiles3 of a[0…n), n > 0, given their least and greatest value (the
 * merge finds them while it gathers the values: one pass fewer).
 */
export function quantiles3Within(a: Float64Array, n: number, lo: number, hi: number): [number, number, number] {
  if (lo === hi) return [lo, lo, lo];
  // Bucket of x: monotone in x (a rounded difference times a positive constant, floored).
  const scale = BUCKETS / (hi - lo);
  if (ids.length < n) ids = new Uint16Array(n);
  countBuckets(a, n, lo, scale);
  // The ranks wanted, ascending: k and k + 1 of each quantile; for each, its
  // bucket and the number of values in the buckets below.
  for (let i = 0; i < 3; i++) {
    const k = Math.floor((n - 1) * PROBS[i]!);
    ranks[2 * i] = k;
    ranks[2 * i + 1] = Math.min(n - 1, k + 1);
  }
  for (let j = 0, b = 0, cum = 0; j < 6; j++) {
    while (cum + counts[b]! <= ranks[j]!) cum += counts[b++]!;
    where[j] = b;
    before[j] = cum;
  }
  slot.fill(-1);
  let size = 0;
  for (let j = 0; j < 6; j++) {
    const b = where[j]!;
    if (slot[b]! >= 0) continue;
    slot[b] = size;
    fill[b] = size;
    size += counts[b]!;
  }
  if (picked.length < size) picked = new Float64Array(size);
  pick(a, n);
  return [quantile(n, 0), quantile(n, 1), quantile(n, 2)];
}

/** counts[] of the values per bucket (with counts2 by turns, added at the end); ids[i] the bucket of a[i]. */
function countBuckets(a: Float64Array, n: number, lo: number, scale: number): void {
  counts.fill(0);
  counts2.fill(0);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const b = Math.min(BUCKETS - 1, Math.floor((a[i]! - lo) * scale) | 0);
    const b2 = Math.min(BUCKETS - 1, Math.floor((a[i + 1]! - lo) * scale) | 0);
    ids[i] = b;
    ids[i + 1] = b2;
    counts[b]! += 1;
    counts2[b2]! += 1;
  }
  if (i < n) {
    const b = Math.min(BUCKETS - 1, Math.floor((a[i]! - lo) * scale) | 0);
    ids[i] = b;
    counts[b]! += 1;
  }
  for (let b = 0; b < BUCKETS; b++) counts[b]! += counts2[b]!;
}

/** Copies the values of the wanted buckets (slot ≥ 0) into picked, bucket by bucket. */
function pick(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const b = ids[i]!;
    if (slot[b]! >= 0) picked[fill[b]!++] = a[i]!;
  }
}

/** The value of wanted rank j (ranks[j]). */
function rankValue(j: number): number {
  const b = where[j]!;
  const start = slot[b]!;
  const k = start + ranks[j]! - before[j]!;
  select(picked, start, start + counts[b]! - 1, k);
  return picked[k]!;
}

/** Quantile i (PROBS[i]) of n values, type 7. */
function quantile(n: number, i: number): number {
  const h = (n - 1) * PROBS[i]!;
  const k = Math.floor(h);
  const v = rankValue(2 * i);
  if (k + 1 >= n || h === k) return v;
  return v + (h - k) * (rankValue(2 * i + 1) - v);
}
