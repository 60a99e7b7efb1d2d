// The actuals of one metric and scope as a month-by-month series for a chart
// (null where a month has none). For the whole plan, a month without a
// whole-plan value takes the sum of its segments' values when every segment
// has one (the demo records actuals per segment); otherwise it stays empty
// rather than showing a partial sum as if it were the total.
import type { Actual, SeriesMetric } from '../../../shared/plan/types';

export function actualSeries(
  actuals: readonly Actual[],
  months: readonly string[],
  metric: SeriesMetric,
  segmentId: string | null,
  segmentIds: readonly string[],
): (number | null)[] | null {
  const at = new Map(months.map((m, i) => [m, i]));
  const own: (number | null)[] = months.map(() => null);
  const parts = months.map(() => new Map<string, number>());
  for (const a of actuals) {
    if (a.metric !== metric) continue;
    const i = at.get(a.month);
    if (i === undefined) continue;
    if ((a.segmentId ?? null) === segmentId) own[i] = a.value;
    else if (segmentId === null && a.segmentId !== undefined) parts[i]!.set(a.segmentId, a.value);
  }
  const out = own.map((v, i) => {
    if (v !== null || segmentId !== null || segmentIds.length === 0) return v;
    const p = parts[i]!;
    return segmentIds.every((s) => p.has(s)) ? segmentIds.reduce((sum, s) => sum + p.get(s)!, 0) : null;
  });
  return out.some((v) => v !== null) ? out : null;
}
