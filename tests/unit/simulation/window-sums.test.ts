// Phase and horizon totals are each trial's sums over their months, however
// the plan lists its phases: stats.ts walks the months once for the horizon
// and the phase they fall in when phases do not overlap (listed out of order
// here, with months in no phase), and sums each window on its own when they
// do (the engine takes overlapping phases; only the plan's rules refuse them).

import { describe, expect, it } from 'vitest';
import { SERIES_METRICS } from '../../../shared/plan/types';
import type { Plan } from '../../../shared/plan/types';
import { phaseIndex, seriesIndex, totalIndex } from '../../../shared/simulation/stats';
import { engineRun, smallPlan } from './helpers';

const T = 300;
// Counts are whole numbers: their sums are exact in any order, so they are compared exactly.
const COUNTS = ['leads', 'opportunities', 'wins', 'newKeyCustomers'] as const;

function withPhases(phases: [string, string, string][]): Plan {
  const plan = smallPlan();
  const byId = new Map(plan.phases.map((p) => [p.id, p]));
  plan.phases = phases.map(([id, start, end]) => ({ ...byId.get(id)!, start, end }));
  return plan;
}

function checkWindows(plan: Plan): void {
  const { result, layout, column } = engineRun(plan, { trials: T, seed: 3 });
  const months = result.months;
  for (const metric of SERIES_METRICS) {
    const mi = SERIES_METRICS.indexOf(metric);
    const monthly = months.map((_, m) => column(seriesIndex(layout, mi, m)));
    const windows = [
      { name: 'horizon', column: column(totalIndex(layout, mi)), from: 0, to: months.length - 1 },
      ...plan.phases.map((p, pi) => ({ name: p.id, column: column(phaseIndex(layout, pi, mi)), from: months.indexOf(p.start), to: months.indexOf(p.end) })),
    ];
    for (const w of windows) {
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let m = w.from; m <= w.to; m++) sum += monthly[m]![t]!;
        const got = w.column[t]!;
        if ((COUNTS as readonly string[]).includes(metric)) expect(got, `${metric} ${w.name} trial ${t}`).toBe(sum);
        else expect(Math.abs(got - sum), `${metric} ${w.name} trial ${t}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));
      }
    }
  }
}

describe('window sums', () => {
  it('sum each phase over its months with phases listed out of order and months in no phase', () => {
    // Horizon 2027-01 … 2028-03; 2027-05, 2028-02 and 2028-03 are in no phase.
    checkWindows(
      withPhases([
        ['p3', '2027-11', '2028-01'],
        ['p1', '2027-01', '2027-04'],
        ['p2', '2027-06', '2027-10'],
      ]),
    );
  });

  it('sum each phase over its months when phases overlap', () => {
    checkWindows(
      withPhases([
        ['p1', '2027-01', '2027-08'],
        ['p2', '2027-05', '2027-10'],
        ['p3', '2027-03', '2028-03'],
      ]),
    );
  });
});
