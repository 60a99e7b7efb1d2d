// Runs trials of a compiled model and returns one statistic per trial: the
// inner loop of the reverse funnel and the sensitivity analysis, which need
// a single metric over a single window, many times over.

import type { CompiledModel } from './compile';
import { CHUNK_SIZE, checkCancelled } from './montecarlo';
import { fillTrialStats, modelLayout, StatScratch } from './stats';
import type { StatLayout } from './stats';
import { TrialRunner } from './trial';
import type { RunHooks } from './types';

/** Per-trial values of stat `index(layout)` over trials 0…trials−1 (same streams as simulate). */
export function metricSamples(
  model: CompiledModel,
  trials: number,
  seed: number,
  index: (l: StatLayout) => number,
  hooks?: RunHooks,
): Float64Array {
  const layout = modelLayout(model);
  const scratch = new StatScratch(model);
  const at = index(layout);
  const runner = new TrialRunner(model);
  const row = new Float64Array(layout.S);
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    if (t % CHUNK_SIZE === 0) checkCancelled(hooks);
    runner.run(seed, t);
    fillTrialStats(model, runner, layout, row, 0, scratch);
    out[t] = row[at]!;
  }
  return out;
}

/** Median of the defined (non-NaN) values; null when there are none. Reorders nothing. */
export function medianOf(values: Float64Array): number | null {
  const a = values.filter((x) => x === x).sort();
  const n = a.length;
  if (n === 0) return null;
  const h = (n - 1) / 2;
  const k = Math.floor(h);
  return k + 1 < n ? a[k]! + (h - k) * (a[k + 1]! - a[k]!) : a[k]!;
}
