// Sensitivity ("tornado") analysis: each input scaled by 1 ± delta, the
// change in one metric's median over one window. Every evaluation reuses the
// seed and pins each segment's sampling mode to the base run's, so the
// bars measure the input, not sampling noise (common random numbers; a
// change in one segment's draws never shifts another segment's stream).

import type { Plan } from '../plan/types';
import { compile } from './compile';
import type { Perturbation } from './compile';
import { SimulationInputError } from './errors';
import { medianOf, metricSamples } from './evaluate';
import { metricIndex } from './stats';
import type { SensitivityInput, SensitivityItem, SensitivityOptions, SensitivityResult } from './types';
import { TARGET_METRICS } from '../plan/types';
import { validateSimulationInput } from './validate';

/** Trials per evaluation: common random numbers make 1,000 plenty to rank the bars. */
const DEFAULT_TRIALS = 1000;

export function sensitivity(plan: Plan, opts: SensitivityOptions = {}): SensitivityResult {
  const metric = opts.metric ?? 'bookings';
  if (!(TARGET_METRICS as readonly string[]).includes(metric)) {
    throw new SimulationInputError('unknownMetric', `unknown metric "${String(metric)}"`, 'metric');
  }
  const delta = opts.delta ?? 0.1;
  if (!(delta > 0 && delta < 1)) throw new SimulationInputError('invalidOption', `delta must be in (0, 1), got ${delta}`, 'delta');
  const trials = opts.trials ?? Math.min(plan.plan.trials, DEFAULT_TRIALS);
  const seed = opts.seed ?? plan.plan.seed;
  const scenarioId = opts.scenarioId ?? null;
  validateSimulationInput(plan, { trials, seed, scenarioId });
  const phaseId = opts.phaseId ?? null;
  const phase = phaseId === null ? -1 : plan.phases.findIndex((p) => p.id === phaseId);
  if (phase < 0 && phaseId !== null) throw new SimulationInputError('unknownPhase', `unknown phase "${phaseId}"`, 'phaseId');

  const full = compile(plan, { scenarioId });
  const horizonMonths = phase < 0 ? full.H : Math.max(1, full.phases[phase]!.end + 1);
  const base = compile(plan, { scenarioId, horizonMonths });
  const trackFrom = base.segments.map((s) => s.trackFrom);

  const inputs: { input: SensitivityInput; make: (factor: number) => Perturbation }[] = [];
  plan.funnels.forEach((f, fi) => {
    f.stages.forEach((st, i) => {
      inputs.push({
        input: { kind: 'conversion', funnelId: f.id, stageKey: st.key },
        make: (factor) => ({ kind: 'conversion', funnel: fi, stage: i, factor }),
      });
    });
  });
  plan.segments.forEach((s, si) => {
    inputs.push({ input: { kind: 'leads', segmentId: s.id }, make: (factor) => ({ kind: 'leads', segment: si, factor }) });
  });
  plan.funnels.forEach((f, fi) => {
    inputs.push({ input: { kind: 'dealSize', funnelId: f.id }, make: (factor) => ({ kind: 'dealSize', funnel: fi, factor }) });
    f.stages.forEach((st, i) => {
      inputs.push({
        input: { kind: 'days', funnelId: f.id, stageKey: st.key },
        make: (factor) => ({ kind: 'days', funnel: fi, stage: i, factor }),
      });
    });
  });

  const total = 1 + 2 * inputs.length;
  let done = 0;
  const p50 = (perturbation: Perturbation | null): number | null => {
    const model = perturbation ? compile(plan, { scenarioId, horizonMonths, perturbation, trackFrom }) : base;
    const v = medianOf(metricSamples(model, trials, seed, (l) => metricIndex(l, metric, phase), opts.hooks));
    opts.hooks?.onProgress?.(++done, total);
    return v;
  };

  const baseValue = p50(null);
  const items: SensitivityItem[] = inputs.map(({ input, make }) => {
    const low = p50(make(1 - delta));
    const high = p50(make(1 + delta));
    return { input, low, high, swing: low === null || high === null ? null : high - low };
  });
  items.sort((a, b) => Math.abs(b.swing ?? 0) - Math.abs(a.swing ?? 0));
  return { metric, phaseId, delta, trials, seed, base: baseValue, items };
}
