// Monte-Carlo runs split into fixed chunks of CHUNK_SIZE trials. Trial t
// always uses the random streams of (seed, t), chunk c always holds trials
// [c·CHUNK_SIZE, (c+1)·CHUNK_SIZE), and merging adds chunk partial sums in
// chunk order — so a run split over any number of workers, in any grouping,
// gives a byte-identical result to a single-threaded run.

import type { Plan } from '../plan/types';
import { KPI_METRICS, SERIES_METRICS } from '../plan/types';
import { compile } from './compile';
import type { CompiledModel } from './compile';
import { SimulationCancelled, SimulationInputError } from './errors';
import { attained, fillTrialStats, kpiIndex, metricIndex, modelLayout, StatScratch, windowTotalIndex } from './stats';
import type { StatLayout } from './stats';
import { columnQuantiles3 } from './quantiles';
import { TrialRunner } from './trial';
import type {
  BreakthroughGoalResult,
  ChunkResult,
  KpiStats,
  PursuitResult,
  ScopeResult,
  WindowStats,
  QuantileStats,
  RunHooks,
  SeriesStats,
  SimulateOptions,
  SimulationResult,
} from './types';
import { validateSimulationInput } from './validate';

export const CHUNK_SIZE = 250;
/**
 * Version of the result shape. 2: KPIs per scope (conversion, winRate as
 * wins ÷ decided opportunities, sales/delivery/cash cycles), scoped targets,
 * pursuits and breakthrough goals. Stored results of another version are stale.
 */
export const RESULT_VERSION = 2;

/** Whether a stored result has the current shape (older ones must not be read as this one). */
export function isCurrentResult(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { resultVersion?: unknown }).resultVersion === RESULT_VERSION;
}
/**
 * Quantiles come from stored per-trial values; past this many values (128 MB
 * of doubles) only the first whole chunks are kept, and quantiles are
 * estimated from those trials (means and target probabilities always use
 * every trial). At 36 months and 4 phases that is ~57,000 trials.
 */
const MAX_STORED_VALUES = 16 * 1024 * 1024;

export function chunkCount(trials: number): number {
  return Math.ceil(trials / CHUNK_SIZE);
}

export function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export function checkCancelled(hooks: RunHooks | undefined): void {
  if (hooks?.signal?.aborted || hooks?.shouldCancel?.()) throw new SimulationCancelled();
}

interface RunSetup {
  trials: number;
  seed: number;
  model: CompiledModel;
  layout: StatLayout;
  storedTrials: number;
}

function setup(plan: Plan, opts: SimulateOptions): RunSetup {
  validateSimulationInput(plan, opts);
  const trials = opts.trials ?? plan.plan.trials;
  const seed = opts.seed ?? plan.plan.seed;
  const model = compile(plan, {
    scenarioId: opts.scenarioId ?? null,
    trackedEventBudget: opts.trackedEventBudget,
    trackFrom: opts.trackFrom,
  });
  const layout = modelLayout(model);
  const cap = Math.max(CHUNK_SIZE, Math.floor(MAX_STORED_VALUES / layout.S / CHUNK_SIZE) * CHUNK_SIZE);
  return { trials, seed, model, layout, storedTrials: Math.min(trials, cap) };
}

/** hits[]: targets, then pursuits won by their phase's end (planned, today), then goals (planned, today). */
export function hitCount(model: CompiledModel): number {
  return model.targets.length + 2 * model.named.length + 2 * model.goals.length;
}

function runChunk(s: RunSetup, runner: TrialRunner, scratch: StatScratch, index: number): ChunkResult {
  const { layout, model } = s;
  const first = index * CHUNK_SIZE;
  const n = Math.min(CHUNK_SIZE, s.trials - first);
  // Read before the trial loop: V8 optimises runChunk inside that loop, and
  // a property read after it, seen only once per chunk, made it throw the
  // optimised code away at every chunk.
  const stored = first < s.storedTrials;
  const S = layout.S;
  const K = layout.kpiBase; // statistics before K are never undefined
  const sums = new Float64Array(S);
  const counts = new Float64Array(S).fill(n, 0, K);
  const lo = new Float64Array(S);
  const hi = new Float64Array(S);
  const hits = new Float64Array(hitCount(model));
  const T = model.targets.length;
  const N = model.named.length;
  const goals = model.goals;
  // Trials write their stats straight into the chunk's column-major values
  // (a column per statistic, a trial per row); sums and counts are taken
  // column by column at the end, adding in trial order as before. A chunk
  // whose values are not stored writes into one buffer per worker, reused.
  const cols = stored
    ? new Float64Array(S * n)
    : scratch.rows.length >= S * n
      ? scratch.rows
      : (scratch.rows = new Float64Array(S * CHUNK_SIZE));
  // A typed array: a plain one from map() came in two element kinds, and V8 threw runChunk's
  // optimised code away once per thread on the other (≈ 7 ms compiled again).
  const targetAt = Int32Array.from(model.targets, (t) => metricIndex(layout, t.metric, t.phase, t.scope) * n);
  for (let t = 0; t < n; t++) {
    runner.run(s.seed, first + t);
    fillTrialStats(model, runner, layout, cols, t, scratch, n);
    for (let ti = 0; ti < targetAt.length; ti++) {
      if (attained(model.targets[ti]!, cols[targetAt[ti]! + t]!)) hits[ti]! += 1;
    }
    for (let c = 0; c < N; c++) {
      const d = model.named[c]!.deadline;
      if (runner.namedWin[c]! < d) hits[T + c]! += 1;
      if (runner.namedWinToday[c]! < d) hits[T + N + c]! += 1;
    }
    for (let gi = 0; gi < goals.length; gi++) {
      const g = goals[gi]!;
      if (g.named < 0) continue;
      if (runner.namedWin[g.named]! < g.deadline) hits[T + 2 * N + gi]! += 1;
      if (runner.namedWinToday[g.named]! < g.deadline) hits[T + 2 * N + goals.length + gi]! += 1;
    }
  }
  columnSummaries(cols, n, K, S, { sums, counts, lo, hi });
  return { index, trials: n, sums, counts, hits, values: stored ? cols : null, lo, hi };
}

/** A chunk's per-column sums, defined-value counts and ranges (columnSummaries). */
interface ColumnSummaries {
  sums: Float64Array;
  counts: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

/**
 * Sums of the n values of each column (statistics at and past K skip NaN
 * and count the rest), and each column's least and greatest value
 * (Infinity and −Infinity when none is defined: the merge's quantiles need
 * each column's range, and would otherwise read every stored value once
 * more for it). Four columns at a time: each sum is a chain of dependent
 * additions, and four independent chains run about four times as fast;
 * the ranges' compares fill the time the chains wait. Each column adds its
 * values in trial order.
 */
function columnSummaries(cols: Float64Array, n: number, K: number, S: number, out: ColumnSummaries): void {
  const { sums, counts, lo, hi } = out;
  let i = 0;
  for (; i + 3 < K; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    let x0 = 0;
    let x1 = 0;
    let x2 = 0;
    let x3 = 0;
    let l0 = cols[o0]!;
    let h0 = l0;
    let l1 = cols[o1]!;
    let h1 = l1;
    let l2 = cols[o2]!;
    let h2 = l2;
    let l3 = cols[o3]!;
    let h3 = l3;
    for (let t = 0; t < n; t++) {
      const v0 = cols[o0 + t]!;
      const v1 = cols[o1 + t]!;
      const v2 = cols[o2 + t]!;
      const v3 = cols[o3 + t]!;
      x0 += v0;
      x1 += v1;
      x2 += v2;
      x3 += v3;
      if (v0 < l0) l0 = v0;
      else if (v0 > h0) h0 = v0;
      if (v1 < l1) l1 = v1;
      else if (v1 > h1) h1 = v1;
      if (v2 < l2) l2 = v2;
      else if (v2 > h2) h2 = v2;
      if (v3 < l3) l3 = v3;
      else if (v3 > h3) h3 = v3;
    }
    sums[i] = x0;
    sums[i + 1] = x1;
    sums[i + 2] = x2;
    sums[i + 3] = x3;
    lo[i] = l0;
    lo[i + 1] = l1;
    lo[i + 2] = l2;
    lo[i + 3] = l3;
    hi[i] = h0;
    hi[i + 1] = h1;
    hi[i + 2] = h2;
    hi[i + 3] = h3;
  }
  for (; i < K; i++) {
    let x = 0;
    let l = cols[i * n]!;
    let h = l;
    for (let t = 0, o = i * n; t < n; t++) {
      const v = cols[o + t]!;
      x += v;
      if (v < l) l = v;
      else if (v > h) h = v;
    }
    sums[i] = x;
    lo[i] = l;
    hi[i] = h;
  }
  for (; i < S; i++) {
    let x = 0;
    let c = 0;
    let l = Infinity;
    let h = -Infinity;
    for (let t = 0, o = i * n; t < n; t++) {
      const v = cols[o + t]!;
      if (v === v) {
        x += v;
        c++;
        if (v < l) l = v;
        if (v > h) h = v;
      }
    }
    sums[i] = x;
    counts[i] = c;
    lo[i] = l;
    hi[i] = h;
  }
}

/**
 * Runs chunks [fromChunk, toChunk) — the unit of work for one worker.
 * Progress is reported in trials of this range. With `claim`, the chunks are
 * taken one at a time from a counter shared with other threads (ChunkRunner.runChunks).
 */
export function simulateChunks(plan: Plan, opts: SimulateOptions, fromChunk: number, toChunk: number, claim?: () => number): ChunkResult[] {
  return new ChunkRunner(plan, opts).runChunks(opts, fromChunk, toChunk, claim);
}

/**
 * One run's set-up — the plan validated and compiled, the statistics' layout,
 * a trial runner and its scratch — kept for every chunk this thread runs and
 * for the merge, so a thread that takes its chunks a few at a time, or runs
 * chunks and then merges, sets the plan up once.
 */
export class ChunkRunner {
  /** The run's chunk count: chunk indices are 0 … chunks − 1. */
  readonly chunks: number;
  private readonly s: RunSetup;
  private trial: TrialRunner | null = null;
  private scratch: StatScratch | null = null;

  constructor(plan: Plan, opts: SimulateOptions) {
    this.s = setup(plan, opts);
    this.chunks = chunkCount(this.s.trials);
  }

  /**
   * Runs chunks of [fromChunk, toChunk): all of them in order, or with
   * `claim` (which gives the next chunk index, fromChunk or more, and toChunk
   * or more when none is left) those it gives — threads sharing one counter
   * take chunks until none is left, so a thread that runs faster takes more.
   * Progress is reported in trials this call has run, against the range's.
   */
  runChunks(opts: SimulateOptions, fromChunk: number, toChunk: number, claim?: () => number): ChunkResult[] {
    const s = this.s;
    const total = this.chunks;
    if (!(Number.isInteger(fromChunk) && Number.isInteger(toChunk) && 0 <= fromChunk && fromChunk <= toChunk && toChunk <= total)) {
      throw new SimulationInputError('invalidOption', `chunk range [${fromChunk}, ${toChunk}) is outside 0…${total}`);
    }
    const runner = (this.trial ??= new TrialRunner(s.model));
    const scratch = (this.scratch ??= new StatScratch(s.model));
    const out: ChunkResult[] = [];
    const rangeTrials = Math.min(s.trials, toChunk * CHUNK_SIZE) - fromChunk * CHUNK_SIZE;
    let done = 0;
    for (let c = fromChunk; ; c++) {
      checkCancelled(opts.hooks);
      if (claim) c = claim();
      if (c >= toChunk) break;
      if (!(Number.isInteger(c) && c >= fromChunk)) throw new Error(`chunk ${c} claimed outside [${fromChunk}, ${toChunk})`);
      const r = runChunk(s, runner, scratch, c);
      out.push(r);
      done += r.trials;
      opts.hooks?.onProgress?.(done, rangeTrials);
    }
    return out;
  }

  /** The result from every chunk of the run (any order, each exactly once). */
  merge(chunks: readonly ChunkResult[], elapsedMs = 0): SimulationResult {
    return merge(this.s, chunks, elapsedMs);
  }
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * p10, p50, p90 of statistic i over the per-trial values the chunks kept
 * (NaN values — an undefined KPI — left out), read in place. The merge's
 * main cost.
 */
function columnQuantiles(kept: KeptValues, i: number, mayBeUndefined: boolean): [number, number, number] {
  const n = kept.counts[i]!;
  return n === 0 ? [NaN, NaN, NaN] : columnQuantiles3(kept.values, kept.lengths, i, n, kept.lo[i]!, kept.hi[i]!, mayBeUndefined);
}

/** The chunks whose values were kept: their values and trials (columnQuantiles3's parts), and per statistic the defined values' count and range over them. */
interface KeptValues {
  values: Float64Array[];
  lengths: Int32Array;
  counts: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

// The merge runs once a run, so its own loops run unoptimised (each double
// read boxed, an allocation); these small functions, called per chunk, are
// optimised after a few chunks.

/** into[i] += from[i] for i < n. */
function addColumns(into: Float64Array, from: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) into[i]! += from[i]!;
}

/** lo[i], hi[i] widened to a chunk's range of each column (clo[i], chi[i]), i < n. */
function widenRanges(lo: Float64Array, hi: Float64Array, clo: Float64Array, chi: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    if (clo[i]! < lo[i]!) lo[i] = clo[i]!;
    if (chi[i]! > hi[i]!) hi[i] = chi[i]!;
  }
}

/**
 * The kept chunks' values, with each statistic's count and range over them
 * taken in one pass over the chunks' summaries (before, a loop over the
 * chunks per statistic).
 */
function keptValues(chunks: readonly ChunkResult[], S: number): KeptValues {
  const stored = chunks.filter((c) => c.values);
  const counts = new Float64Array(S);
  const lo = new Float64Array(S).fill(Infinity);
  const hi = new Float64Array(S).fill(-Infinity);
  for (const c of stored) {
    addColumns(counts, c.counts, S);
    widenRanges(lo, hi, c.lo, c.hi, S);
  }
  return { values: stored.map((c) => c.values!), lengths: Int32Array.from(stored, (c) => c.trials), counts, lo, hi };
}

/** Merges the chunks of one run (any order, each chunk exactly once) into the result. */
export function mergeChunks(plan: Plan, opts: SimulateOptions, chunks: readonly ChunkResult[], elapsedMs = 0): SimulationResult {
  return merge(setup(plan, opts), chunks, elapsedMs);
}

function merge(s: RunSetup, chunks: readonly ChunkResult[], elapsedMs: number): SimulationResult {
  const { layout, model } = s;
  const sorted = [...chunks].sort((a, b) => a.index - b.index);
  const total = chunkCount(s.trials);
  if (sorted.length !== total || sorted.some((c, i) => c.index !== i || c.trials !== Math.min(CHUNK_SIZE, s.trials - i * CHUNK_SIZE))) {
    throw new SimulationInputError('chunksMismatch', `expected chunks 0…${total - 1} of a ${s.trials}-trial run, each exactly once`);
  }
  const S = layout.S;
  const sums = new Float64Array(S);
  const counts = new Float64Array(S);
  const hits = new Float64Array(hitCount(model));
  for (const c of sorted) {
    addColumns(sums, c.sums, S);
    addColumns(counts, c.counts, S);
    addColumns(hits, c.hits, hits.length);
  }
  const kept = keptValues(sorted, S);
  // Only the statistics the result shows (a scope equal to another reuses its numbers).
  const stat = (i: number): [number, number, number, number] => {
    const [p10, p50, p90] = columnQuantiles(kept, i, i >= layout.kpiBase);
    return [counts[i]! > 0 ? sums[i]! / counts[i]! : NaN, p10, p50, p90];
  };
  const q = (i: number): QuantileStats => {
    const [mean, p10, p50, p90] = stat(i);
    return { mean, p10, p50, p90 };
  };
  const kq = (i: number): KpiStats => {
    const [mean, p10, p50, p90] = stat(i);
    return { mean: nullable(mean), p10: nullable(p10), p50: nullable(p50), p90: nullable(p90) };
  };
  const H = layout.H;
  const series = {} as Record<(typeof SERIES_METRICS)[number], SeriesStats>;
  SERIES_METRICS.forEach((m, mi) => {
    const st: SeriesStats = { mean: [], p10: [], p50: [], p90: [] };
    for (let w = 0; w < H; w++) {
      const [mean, p10, p50, p90] = stat(mi * H + w);
      st.mean.push(mean);
      st.p10.push(p10);
      st.p50.push(p50);
      st.p90.push(p90);
    }
    series[m] = st;
  });
  const windowStats = (z: number, w: number): WindowStats => {
    const totals = {} as Record<(typeof SERIES_METRICS)[number], QuantileStats>;
    SERIES_METRICS.forEach((m, mi) => (totals[m] = q(windowTotalIndex(layout, z, w, mi))));
    const kpis = {} as Record<(typeof KPI_METRICS)[number], KpiStats>;
    KPI_METRICS.forEach((m, ki) => (kpis[m] = kq(kpiIndex(layout, w, ki, z))));
    return { totals, kpis };
  };
  const scopes: ScopeResult[] = [];
  model.scopes.forEach((sc, z) => {
    const same = scopes[sc.sameAs];
    scopes.push({
      kind: sc.kind,
      id: sc.id,
      pooled: sc.pooled,
      ...(same ? { totals: same.totals, kpis: same.kpis } : windowStats(z, 0)),
      phases: model.phases.map((ph, p) => ({ id: ph.id, ...(same ? { totals: same.phases[p]!.totals, kpis: same.phases[p]!.kpis } : windowStats(z, 1 + p)) })),
    });
  });
  const T = model.targets.length;
  const N = model.named.length;
  const G = model.goals.length;
  const phases = model.phases.map((ph, p) => ({
    id: ph.id,
    totals: scopes[0]!.phases[p]!.totals,
    targets: model.targets
      .map((t, ti) => ({ t, ti }))
      .filter(({ t }) => t.phase === p)
      .map(({ t, ti }) => ({
        id: t.id,
        metric: t.metric,
        value: t.value,
        funnelId: t.funnelId,
        segmentId: t.segmentId,
        pooled: model.scopes[t.scope]!.pooled && metricIndex(layout, t.metric, p) >= layout.kpiBase,
        probability: hits[ti]! / s.trials,
      })),
  }));
  const pursuits: PursuitResult[] = model.named.map((c, ci) => ({
    customerId: c.id,
    phaseId: c.phaseId,
    usesPlan: c.usesPlan,
    readiness: c.readiness,
    readinessToday: c.readinessToday,
    probability: hits[T + ci]! / s.trials,
    probabilityToday: hits[T + N + ci]! / s.trials,
  }));
  const goals: BreakthroughGoalResult[] = model.goals.map((g, gi) => ({
    id: g.id,
    customerId: g.customerId,
    month: monthLabel(model, g.month),
    probability: g.named < 0 ? null : hits[T + 2 * N + gi]! / s.trials,
    probabilityToday: g.named < 0 ? null : hits[T + 2 * N + G + gi]! / s.trials,
  }));
  return {
    resultVersion: RESULT_VERSION,
    trials: s.trials,
    seed: s.seed,
    scenario: model.scenarioId,
    months: model.months,
    series,
    totals: scopes[0]!.totals,
    phases,
    scopes,
    pursuits,
    goals,
    elapsedMs,
  };
}

/** YYYY-MM of month index m (any integer, also outside the horizon). */
export function monthLabel(model: CompiledModel, m: number): string {
  const [y, mo] = model.months[0]!.split('-').map(Number) as [number, number];
  const k = y * 12 + (mo - 1) + m;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

export function simulate(plan: Plan, opts: SimulateOptions = {}): SimulationResult {
  const t0 = now();
  // One validation and compilation for both halves (the public pair does each twice).
  const runner = new ChunkRunner(plan, opts);
  const result = runner.merge(runner.runChunks(opts, 0, runner.chunks));
  result.elapsedMs = now() - t0;
  return result;
}
