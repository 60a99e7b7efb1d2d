// How a simulated figure reads: money in the plan's currency (万/亿 in
// Chinese), ratios as percentages, days and counts as numbers.
import { formatMoney, formatMonth, formatMonthShort, formatNumber, formatPercent, type Locale, type Translator } from '../../../shared/i18n';
import type { TargetMetric } from '../../../shared/plan/types';

const MONEY: readonly TargetMetric[] = ['bookings', 'revenue', 'cash'];
const RATIO: readonly TargetMetric[] = ['winRate', 'conversion'];

export function isMoney(metric: TargetMetric): boolean {
  return MONEY.includes(metric);
}

export function formatMetric(metric: TargetMetric, value: number | null | undefined, currency: string, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (MONEY.includes(metric)) return formatMoney(value, currency, locale, { compact: true });
  if (RATIO.includes(metric)) return formatPercent(value, locale, 1);
  return formatNumber(value, locale, Math.abs(value) >= 100 ? 0 : 1);
}

/** "Orders (bookings) ≥ ¥1,600万" / "Delivery cycle (days) ≤ 28": cycle targets are met from below. */
export function describeTarget(tr: Translator, metric: TargetMetric, value: number, currency: string): string {
  const params = { metric: tr.t(`metric.${metric}`), value: formatMetric(metric, value, currency, tr.locale) };
  return metric === 'salesCycleDays' || metric === 'deliveryCycleDays' || metric === 'cashCycleDays' ? tr.t('simulation.targetAtMost', params) : tr.t('simulation.targetAtLeast', params);
}

export type Likelihood = 'likely' | 'uncertain' | 'unlikely';

/** ≥ 80 % likely, 50–80 % uncertain, below 50 % unlikely. */
export function likelihood(p: number): Likelihood {
  return p >= 0.8 ? 'likely' : p >= 0.5 ? 'uncertain' : 'unlikely';
}

/** The month axis of the fan charts (Simulation, Tracking, Compare): January with its year, other months short. */
export function monthAxis(months: readonly string[], locale: Locale) {
  return {
    type: 'category',
    boundaryGap: false,
    data: months,
    axisLabel: { formatter: (m: string) => (m.endsWith('-01') ? formatMonth(m, locale) : formatMonthShort(m, locale)) },
  } as const;
}
