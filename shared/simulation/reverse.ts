// Reverse funnel: how many leads would a target need? Finds the smallest
// multiplier on every segment's lead volume at which the target's
// attainment probability reaches q. Each evaluation reruns the same trials
// with the same seed (common random numbers), so attainment is a near-
// monotone step function of the multiplier and bisection converges instead
// of chasing noise. The simulated window ends with the target's phase
// (later months cannot change it), which makes early-phase targets cheap.

import type { Plan } from '../plan/types';
import { KPI_METRICS } from '../plan/types';
import { compile } from './compile';
import { SimulationInputError } from './errors';
import { metricSamples } from './evaluate';
import { attained, metricIndex } from './stats';
import type { ReverseOptions, ReverseResult } from './types';
import { validateSimulationInput } from './validate';

/** Largest lead multiplier tried before declaring a target unreachable. */
export const MAX_LEAD_MULTIPLIER = 1000;
/** Bisection stops when hi/lo is within this ratio (1 %: well inside sampling noise). */
const RELATIVE_TOLERANCE = 1.01;
/** Below this the target is met without any leads; reported as this multiplier. */
const MIN_LEAD_MULTIPLIER = 1e-4;
const DEFAULT_TRIALS = 2000;
/** Upper bound on evaluations (1 + 7 bracket steps + 8 bisection steps), the progress total. */
const MAX_EVALUATIONS = 16;

export function requiredLeads(plan: Plan, opts: ReverseOptions): ReverseResult {
  const q = opts.probability ?? 0.8;
  if (!(q > 0 && q <= 1)) throw new SimulationInputError('invalidOption', `probability must be in (0, 1], got ${q}`, 'probability');
  const trials = opts.trials ?? Math.min(plan.plan.trials, DEFAULT_TRIALS);
  const seed = opts.seed ?? plan.plan.seed;
  const scenarioId = opts.scenarioId ?? null;
  validateSimulationInput(plan, { trials, seed, scenarioId });
  const ti = plan.targets.findIndex((t) => t.id === opts.targetId);
  if (ti < 0) throw new SimulationInputError('unknownTarget', `unknown target "${opts.targetId}"`, 'targetId');
  const base = compile(plan, { scenarioId });
  const target = base.targets[ti]!;
  const phase = base.phases[target.phase]!;
  const horizonMonths = phase.end + 1;

  let evaluations = 0;
  const attainment = (multiplier: number): number => {
    const model = compile(plan, { scenarioId, leadMultiplier: multiplier, horizonMonths: Math.max(1, horizonMonths) });
    const values = metricSamples(model, trials, seed, (l) => metricIndex(l, target.metric, target.phase, target.scope), opts.hooks);
    let hits = 0;
    for (const v of values) if (attained(target, v)) hits++;
    opts.hooks?.onProgress?.(++evaluations, Math.max(evaluations, MAX_EVALUATIONS));
    return hits / trials;
  };

  const result = (multiplier: number | null, a: number, reason?: ReverseResult['reason'], message?: string): ReverseResult => {
    const leadsPerMonth: Record<string, number> = {};
    const months = Math.max(1, phase.end - phase.start + 1);
    base.segments.forEach((s) => {
      let sum = 0;
      for (let m = phase.start; m <= phase.end; m++) {
        const e = s.monthEntry[m]!;
        sum += e >= 0 ? s.entries[e]!.mean : 0;
      }
      leadsPerMonth[s.id] = ((multiplier ?? 0) * sum) / months;
    });
    return {
      target: target.id,
      probability: q,
      reachable: multiplier !== null,
      multiplier,
      attainment: a,
      leadsPerMonth: multiplier === null ? null : leadsPerMonth,
      ...(reason ? { reason, message } : {}),
    };
  };

  if ((KPI_METRICS as readonly string[]).includes(target.metric)) {
    return result(
      null,
      attainment(1),
      'kpiTarget',
      `target "${target.id}" is on ${target.metric}, a ratio that lead volume does not move; change conversions or cycle times instead`,
    );
  }
  if (phase.start > phase.end) {
    return result(null, 0, 'unreachable', `target "${target.id}" lies in a phase outside the horizon`);
  }

  // Bracket [lo, hi] with a(lo) < q <= a(hi), growing or shrinking by 4×.
  let lo = 1;
  let hi = 1;
  let aHi = attainment(1);
  if (aHi >= q) {
    for (;;) {
      if (lo <= MIN_LEAD_MULTIPLIER) return result(hi, aHi);
      lo = Math.max(MIN_LEAD_MULTIPLIER, lo / 4);
      const a = attainment(lo);
      if (a < q) break;
      hi = lo;
      aHi = a;
    }
  } else {
    for (;;) {
      if (hi >= MAX_LEAD_MULTIPLIER) {
        return result(
          null,
          aHi,
          'unreachable',
          `even ${MAX_LEAD_MULTIPLIER}× the leads reach target "${target.id}" with probability ${aHi.toFixed(3)} < ${q}`,
        );
      }
      lo = hi;
      hi = Math.min(MAX_LEAD_MULTIPLIER, hi * 4);
      aHi = attainment(hi);
      if (aHi >= q) break;
    }
  }
  while (hi / lo > RELATIVE_TOLERANCE) {
    const mid = Math.sqrt(lo * hi);
    const a = attainment(mid);
    if (a >= q) {
      hi = mid;
      aHi = a;
    } else {
      lo = mid;
    }
  }
  return result(hi, aHi);
}
