// p10, p50 and p90 of the per-trial values (type 7). A run asks for them
// of every statistic — 600 columns of 10,000 values on the benchmark — so
// the order statistics are found by bucketing first: the range (which the
// chunks find while they sum), one pass to count values per bucket, one to
// copy out the few buckets that hold the wanted ranks, and a selection
// inside those alone. The values found are the same order statistics any
// method finds.

const BUCKETS = 1024;
const counts = new Int32Array(BUCKETS);
/** A second histogram for the odd values: consecutive values of a column often share a bucket (counts with few distinct values), and two counts alternating break that chain of dependent increments. */
const counts2 = new Int32Array(BUCKETS);
/** Start of each wanted bucket's values in `picked`, −1 for the others (reset after each use). */
const slot = new Int32Array(BUCKETS).fill(-1);
const fill = new Int32Array(BUCKETS);
let picked = new Float64Array(1024);
/** Bucket of each value (BUCKETS ≤ 65,536). */
let ids = new Uint16Array(1024);
const PROBS = [0.1, 0.5, 0.9];
const ranks = new Int32Array(6);
const where = new Int32Array(6);
const before = new Int32Array(6);
/** Least and greatest value of each wanted bucket (pick). */
const least = new Float64Array(BUCKETS);
const most = new Float64Array(BUCKETS);
/** Number of values in the bucket of wanted rank j. */
const sizes = new Int32Array(6);

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
  one[0] = a;
  oneLength[0] = n;
  const q = columnQuantiles3(one, oneLength, 0, n, lo, hi, false);
  one[0] = EMPTY; // keep no caller's array alive
  return q;
}

const EMPTY = new Float64Array(0);
const one: Float64Array[] = [EMPTY];
const oneLength = new Int32Array(1);

// The passes are small functions of their own: a run's merge calls this
// once per statistic in a fresh worker, where V8 optimises small loops much
// sooner than one large one (cold, the merge cost 2–3 × its warm time).

/**
 * p10, p50, p90 of column `column` of column-major parts (part j holds
 * `lengths[j]` values per column: a chunk's stored values), NaN values
 * left out when `mayBeUndefined`; n > 0 defined values from lo to hi (the
 * chunks find the range while they sum their columns). Read in place: the
 * values are never gathered into one array.
 */
export function columnQuantiles3(
  parts: readonly Float64Array[],
  lengths: Int32Array,
  column: number,
  n: number,
  lo: number,
  hi: number,
  mayBeUndefined: boolean,
): [number, number, number] {
  if (lo === hi) return [lo, lo, lo];
  // Bucket of x: monotone in x (a rounded difference times a positive constant, truncated:
  // x ≥ lo, so truncation is the floor, and | 0 is cheaper than Math.floor).
  const scale = BUCKETS / (hi - lo);
  if (ids.length < n) ids = new Uint16Array(n);
  counts.fill(0);
  counts2.fill(0);
  for (let j = 0, at = 0; j < parts.length; j++) {
    const len = lengths[j]!;
    at = mayBeUndefined ? countDefined(parts[j]!, column * len, len, at, lo, scale) : countAll(parts[j]!, column * len, len, at, lo, scale);
  }
  // The ranks wanted, ascending: k and k + 1 of each quantile; for each, its
  // bucket and the number of values in the buckets below. The two
  // histograms are added only up to the last bucket wanted (a merge in a
  // fresh process runs this interpreted at first: every loop counts).
  for (let i = 0; i < 3; i++) {
    const k = Math.floor((n - 1) * PROBS[i]!);
    ranks[2 * i] = k;
    ranks[2 * i + 1] = Math.min(n - 1, k + 1);
  }
  let size = 0;
  for (let j = 0, b = 0, cum = 0; j < 6; j++) {
    // Below four values the ranks are not ascending (n = 2: 0, 1, 0, 1, 0, 1): start over.
    if (j > 0 && ranks[j]! < ranks[j - 1]!) {
      b = 0;
      cum = 0;
    }
    let c = counts[b]! + counts2[b]!;
    while (cum + c <= ranks[j]!) {
      cum += c;
      b++;
      c = counts[b]! + counts2[b]!;
    }
    where[j] = b;
    before[j] = cum;
    sizes[j] = c;
    // Each wanted bucket once: its values go to picked[size…size + c).
    if (slot[b]! < 0) {
      slot[b] = size;
      fill[b] = size;
      least[b] = Infinity;
      most[b] = -Infinity;
      size += c;
    }
  }
  if (picked.length < size) picked = new Float64Array(size);
  for (let j = 0, at = 0; j < parts.length; j++) {
    const len = lengths[j]!;
    at = mayBeUndefined ? pickDefined(parts[j]!, column * len, len, at) : pickAll(parts[j]!, column * len, len, at);
  }
  const q: [number, number, number] = [quantile(n, 0), quantile(n, 1), quantile(n, 2)];
  for (let j = 0; j < 6; j++) slot[where[j]!] = -1;
  return q;
}

/**
 * Counts the values a[from…from+len) into their buckets (counts and
 * counts2 by turns: consecutive values of a column often share a bucket —
 * counts with few distinct values — and two histograms break that chain of
 * dependent increments); ids[at…] their buckets. Returns the next `at`.
 */
function countAll(a: Float64Array, from: number, len: number, at: number, lo: number, scale: number): number {
  // Locals: V8 re-reads a module-level binding at every use inside the loop.
  const id = ids;
  const c1 = counts;
  const c2 = counts2;
  const end = from + len;
  let i = from;
  for (; i + 1 < end; i += 2) {
    const b = Math.min(BUCKETS - 1, ((a[i]! - lo) * scale) | 0);
    const b2 = Math.min(BUCKETS - 1, ((a[i + 1]! - lo) * scale) | 0);
    id[at++] = b;
    id[at++] = b2;
    c1[b]! += 1;
    c2[b2]! += 1;
  }
  if (i < end) {
    const b = Math.min(BUCKETS - 1, ((a[i]! - lo) * scale) | 0);
    id[at++] = b;
    c1[b]! += 1;
  }
  return at;
}

/** countAll of the defined (non-NaN) values only. */
function countDefined(a: Float64Array, from: number, len: number, at: number, lo: number, scale: number): number {
  const id = ids;
  const c1 = counts;
  const c2 = counts2;
  for (let i = from, end = from + len; i < end; i++) {
    const x = a[i]!;
    if (x !== x) continue;
    const b = Math.min(BUCKETS - 1, ((x - lo) * scale) | 0);
    id[at] = b;
    if (at & 1) c2[b]! += 1;
    else c1[b]! += 1;
    at++;
  }
  return at;
}

/**
 * Copies the values of a[from…from+len) in wanted buckets (slot ≥ 0) into
 * picked, bucket by bucket, noting each bucket's least and greatest; ids
 * from `at`.
 */
function pickAll(a: Float64Array, from: number, len: number, at: number): number {
  const id = ids;
  const sl = slot;
  for (let k = 0; k < len; k++) {
    const b = id[at + k]!;
    if (sl[b]! >= 0) keep(b, a[from + k]!);
  }
  return at + len;
}

function keep(b: number, x: number): void {
  picked[fill[b]!++] = x;
  if (x < least[b]!) least[b] = x;
  if (x > most[b]!) most[b] = x;
}

/** pickAll over the defined values only (as countDefined numbered them). */
function pickDefined(a: Float64Array, from: number, len: number, at: number): number {
  const id = ids;
  const sl = slot;
  for (let i = from, end = from + len; i < end; i++) {
    const x = a[i]!;
    if (x !== x) continue;
    const b = id[at++]!;
    if (sl[b]! >= 0) keep(b, x);
  }
  return at;
}

/**
 * The value of wanted rank j (ranks[j]). A bucket of equal values needs no
 * selection: columns of small counts (new key customers in a month: 0, 1
 * or 2) put thousands of equal values in the median's bucket.
 */
function rankValue(j: number): number {
  const b = where[j]!;
  if (least[b] === most[b]) return least[b]!;
  const start = slot[b]!;
  const k = start + ranks[j]! - before[j]!;
  select(picked, start, start + sizes[j]! - 1, k);
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
