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
import { attained, fillTrialStats, kpiIndex, metricIndex, phaseIndex, quantiles3, statLayout, totalIndex } from './stats';
import type { StatLayout } from './stats';
import { TrialRunner } from './trial';
import type {
  ChunkResult,
  KpiStats,
  QuantileStats,
  RunHooks,
  SeriesStats,
  SimulateOptions,
  SimulationResult,
} from './types';
import { validateSimulationInput } from './validate';

export const CHUNK_SIZE = 250;
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
  const layout = statLayout(model.H, model.phases.length);
  const cap = Math.max(CHUNK_SIZE, Math.floor(MAX_STORED_VALUES / layout.S / CHUNK_SIZE) * CHUNK_SIZE);
  return { trials, seed, model, layout, storedTrials: Math.min(trials, cap) };
}

function runChunk(s: RunSetup, runner: TrialRunner, index: number): ChunkResult {
  const { layout, model } = s;
  const first = index * CHUNK_SIZE;
  const n = Math.min(CHUNK_SIZE, s.trials - first);
  const S = layout.S;
  const K = layout.kpiBase; // statistics before K are never undefined
  const sums = new Float64Array(S);
  const counts = new Float64Array(S).fill(n, 0, K);
  const hits = new Float64Array(model.targets.length);
  // Trials write their stats row by row (contiguous), transposed at the end.
  const rows = new Float64Array(S * n);
  const targetIdx = model.targets.map((t) => metricIndex(layout, t.metric, t.phase));
  for (let t = 0; t < n; t++) {
    runner.run(s.seed, first + t);
    const at = t * S;
    fillTrialStats(model, runner, layout, rows, at);
    for (let i = 0; i < K; i++) sums[i]! += rows[at + i]!;
    for (let i = K; i < S; i++) {
      const v = rows[at + i]!;
      if (v === v) {
        sums[i]! += v;
        counts[i]! += 1;
      }
    }
    for (let ti = 0; ti < targetIdx.length; ti++) {
      if (attained(model.targets[ti]!, rows[at + targetIdx[ti]!]!)) hits[ti]! += 1;
    }
  }
  let values: Float64Array | null = null;
  if (first < s.storedTrials) {
    values = new Float64Array(S * n);
    for (let t = 0; t < n; t++) {
      const at = t * S;
      for (let i = 0; i < S; i++) values[i * n + t] = rows[at + i]!;
    }
  }
  return { index, trials: n, sums, counts, hits, values };
}

/**
 * Runs chunks [fromChunk, toChunk) — the unit of work for one worker.
 * Progress is reported in trials of this range.
 */
export function simulateChunks(plan: Plan, opts: SimulateOptions, fromChunk: number, toChunk: number): ChunkResult[] {
  const s = setup(plan, opts);
  const total = chunkCount(s.trials);
  if (!(Number.isInteger(fromChunk) && Number.isInteger(toChunk) && 0 <= fromChunk && fromChunk <= toChunk && toChunk <= total)) {
    throw new SimulationInputError('invalidOption', `chunk range [${fromChunk}, ${toChunk}) is outside 0…${total}`);
  }
  const runner = new TrialRunner(s.model);
  const out: ChunkResult[] = [];
  const rangeTrials = Math.min(s.trials, toChunk * CHUNK_SIZE) - fromChunk * CHUNK_SIZE;
  let done = 0;
  for (let c = fromChunk; c < toChunk; c++) {
    checkCancelled(opts.hooks);
    const r = runChunk(s, runner, c);
    out.push(r);
    done += r.trials;
    opts.hooks?.onProgress?.(done, rangeTrials);
  }
  return out;
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Merges the chunks of one run (any order, each chunk exactly once) into the result. */
export function mergeChunks(plan: Plan, opts: SimulateOptions, chunks: readonly ChunkResult[], elapsedMs = 0): SimulationResult {
  const s = setup(plan, opts);
  const { layout, model } = s;
  const sorted = [...chunks].sort((a, b) => a.index - b.index);
  const total = chunkCount(s.trials);
  if (sorted.length !== total || sorted.some((c, i) => c.index !== i || c.trials !== Math.min(CHUNK_SIZE, s.trials - i * CHUNK_SIZE))) {
    throw new SimulationInputError('chunksMismatch', `expected chunks 0…${total - 1} of a ${s.trials}-trial run, each exactly once`);
  }
  const S = layout.S;
  const sums = new Float64Array(S);
  const counts = new Float64Array(S);
  const hits = new Float64Array(model.targets.length);
  for (const c of sorted) {
    for (let i = 0; i < S; i++) {
      sums[i]! += c.sums[i]!;
      counts[i]! += c.counts[i]!;
    }
    for (let t = 0; t < hits.length; t++) hits[t]! += c.hits[t]!;
  }
  const stored = sorted.filter((c) => c.values);
  const col = new Float64Array(s.storedTrials);
  const stat = (i: number): [number, number, number, number] => {
    let n = 0;
    for (const c of stored) {
      const v = c.values!;
      for (let t = 0, o = i * c.trials; t < c.trials; t++, o++) {
        const x = v[o]!;
        if (x === x) col[n++] = x;
      }
    }
    const [p10, p50, p90] = quantiles3(col, n);
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
  const totals = {} as Record<(typeof SERIES_METRICS)[number], QuantileStats>;
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
    totals[m] = q(totalIndex(layout, mi));
  });
  const phases = model.phases.map((ph, p) => {
    const pt = {} as Record<(typeof SERIES_METRICS)[number], QuantileStats>;
    SERIES_METRICS.forEach((m, mi) => (pt[m] = q(phaseIndex(layout, p, mi))));
    return {
      id: ph.id,
      totals: pt,
      targets: model.targets
        .map((t, ti) => ({ t, ti }))
        .filter(({ t }) => t.phase === p)
        .map(({ t, ti }) => ({ id: t.id, metric: t.metric, value: t.value, probability: hits[ti]! / s.trials })),
    };
  });
  const kpis = {} as Record<(typeof KPI_METRICS)[number], KpiStats>;
  KPI_METRICS.forEach((m, ki) => (kpis[m] = kq(kpiIndex(layout, 0, ki))));
  return {
    trials: s.trials,
    seed: s.seed,
    scenario: model.scenarioId,
    months: model.months,
    series,
    totals,
    phases,
    kpis,
    elapsedMs,
  };
}

export function simulate(plan: Plan, opts: SimulateOptions = {}): SimulationResult {
  const t0 = now();
  validateSimulationInput(plan, opts);
  const trials = opts.trials ?? plan.plan.trials;
  const chunks = simulateChunks(plan, opts, 0, chunkCount(trials));
  const result = mergeChunks(plan, opts, chunks);
  result.elapsedMs = now() - t0;
  return result;
}
