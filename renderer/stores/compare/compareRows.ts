// A comparison as rows: one value per compared scenario, and each value's
// difference from the first column (the baseline, usually the plan as
// entered). Pure, so the tables only format and colour.
import type { KpiMetric, SeriesMetric, TargetMetric } from '../../../shared/plan/types';
import { KPI_METRICS } from '../../../shared/plan/types';
import type { SimulationResult } from '../../../shared/simulation/types';

export const COMPARED_TOTALS = ['bookings', 'revenue', 'cash', 'wins'] as const satisfies readonly SeriesMetric[];

/** How a value differs from the baseline's: up, down or the same (within rounding). */
export type Direction = 'up' | 'down' | 'same';

/** Whether the change is good news: lower is better for the cycle metrics. */
export type Verdict = 'better' | 'worse' | 'same';

export interface CompareCell {
  value: number | null;
  verdict: Verdict;
  /** Relative change for amounts, absolute change (points) for probabilities; null for the baseline or when undefined. */
  delta: number | null;
  direction: Direction;
}

export interface CompareRow {
  key: string;
  phaseId: string | null;
  /** KPI rows: the funnel, or null for all funnels pooled. */
  scope?: { funnelId: string | null; pooled: boolean };
  /** How the difference reads: relative (+12 %) or in percentage points (ratios, probabilities). */
  deltaKind: 'relative' | 'points';
  metric: TargetMetric;
  /** The target's id and value, for attainment rows. */
  target?: { id: string; value: number };
  cells: CompareCell[];
}

// Below these a difference reads as "the same" (a rounding in the table, not a change).
const SAME_RELATIVE = 0.0005;
const SAME_POINTS = 0.0005;

/** Days metrics: a shorter cycle is the better one. */
export function lowerIsBetter(metric: TargetMetric): boolean {
  return metric.endsWith('ycleDays');
}

function cells(values: (number | null)[], relative: boolean, metric: TargetMetric): CompareCell[] {
  const base = values[0] ?? null;
  const verdictOf = (d: Direction): Verdict => (d === 'same' ? 'same' : (d === 'up') !== lowerIsBetter(metric) ? 'better' : 'worse');
  return values.map((value, i) => {
    if (i === 0 || value === null || base === null) return { value, delta: null, direction: 'same', verdict: 'same' };
    const delta = relative ? (base === 0 ? (value === 0 ? 0 : null) : value / base - 1) : value - base;
    const limit = relative ? SAME_RELATIVE : SAME_POINTS;
    const direction: Direction = delta === null ? (value > base ? 'up' : 'down') : Math.abs(delta) < limit ? 'same' : delta > 0 ? 'up' : 'down';
    return { value, delta, direction, verdict: verdictOf(direction) };
  });
}

/** Mean totals per phase and metric. */
export function totalsRows(results: readonly SimulationResult[]): CompareRow[] {
  const first = results[0];
  if (!first) return [];
  return first.phases.flatMap((p, pi) =>
    COMPARED_TOTALS.map((metric) => ({
      key: `${p.id}/${metric}`,
      phaseId: p.id,
      metric,
      deltaKind: 'relative' as const,
      cells: cells(
        results.map((r) => r.phases[pi]?.totals[metric].mean ?? null),
        true,
        metric,
      ),
    })),
  );
}

/** The probability of attaining each target. */
export function attainmentRows(results: readonly SimulationResult[]): CompareRow[] {
  const first = results[0];
  if (!first) return [];
  return first.phases.flatMap((p, pi) =>
    p.targets.map((t) => ({
      key: t.id,
      phaseId: p.id,
      metric: t.metric,
      target: { id: t.id, value: t.value },
      deltaKind: 'points' as const,
      cells: cells(
        results.map((r) => r.phases[pi]?.targets.find((x) => x.id === t.id)?.probability ?? null),
        false,
        // A higher chance of meeting a target is better whatever its metric.
        'bookings',
      ),
    })),
  );
}

const RATIOS: readonly KpiMetric[] = ['winRate', 'conversion'];

/**
 * Mean KPIs over the horizon per funnel, then all funnels pooled (as the
 * Simulation screen lists them). A KPI no compared scenario defines is left out.
 */
export function kpiRows(results: readonly SimulationResult[]): CompareRow[] {
  const first = results[0];
  if (!first) return [];
  const scopes = first.scopes.filter((s) => s.kind === 'funnel').concat(first.scopes.filter((s) => s.kind === 'all'));
  return scopes.flatMap((scope) =>
    KPI_METRICS.map((metric: KpiMetric) => {
      const ratio = RATIOS.includes(metric);
      const values = results.map((r) => r.scopes.find((x) => x.kind === scope.kind && x.id === scope.id)?.kpis[metric].mean ?? null);
      return {
        key: `${scope.id ?? 'all'}/${metric}`,
        phaseId: null,
        scope: { funnelId: scope.id, pooled: scope.pooled },
        metric,
        deltaKind: ratio ? ('points' as const) : ('relative' as const),
        cells: cells(values, !ratio, metric),
      };
    }).filter((row) => row.cells.some((c) => c.value !== null)),
  );
}
