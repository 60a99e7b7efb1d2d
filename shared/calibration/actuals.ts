// Monthly actuals aggregated from the same deal history (issue #12, item 2):
// leads by created month, wins and bookings (won values) by closed month, in
// the shape of plan-format v2 `actuals` entries. Only months inside the
// plan's horizon are kept (the format refuses the others); the count left
// out is reported so the screen can say so.
import { addMonths } from '../plan/months';
import type { Deal } from './deals';

export type DealActualMetric = 'leads' | 'wins' | 'bookings';

export interface DealActual {
  month: string;
  metric: DealActualMetric;
  value: number;
  segmentId?: string;
}

function monthOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 7);
}

export function actualsFromDeals(
  deals: readonly Deal[],
  startMonth: string,
  horizonMonths: number,
  segmentId?: string,
): { actuals: DealActual[]; outsideHorizon: number } {
  const inside = new Set(Array.from({ length: horizonMonths }, (_, i) => addMonths(startMonth, i)));
  const sums = new Map<string, number>();
  let outsideHorizon = 0;
  const add = (month: string, metric: DealActualMetric, v: number) => {
    if (!inside.has(month)) {
      outsideHorizon++;
      return;
    }
    const key = `${month}|${metric}`;
    sums.set(key, (sums.get(key) ?? 0) + v);
  };
  for (const d of deals) {
    add(monthOf(d.created), 'leads', 1);
    if (d.outcome === 'won' && d.closed !== null) {
      const m = monthOf(d.closed);
      add(m, 'wins', 1);
      add(m, 'bookings', d.value ?? 0);
    }
  }
  const order: DealActualMetric[] = ['leads', 'wins', 'bookings'];
  const actuals = [...sums.entries()]
    .map(([key, value]) => {
      const [month, metric] = key.split('|') as [string, DealActualMetric];
      return { month, metric, value, ...(segmentId !== undefined ? { segmentId } : {}) };
    })
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : order.indexOf(a.metric) - order.indexOf(b.metric)));
  return { actuals, outsideHorizon };
}
