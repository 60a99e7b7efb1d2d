// How target and goal values read: money in the plan currency (万/亿 in
// Chinese), rates as percentages, cycle times in days, counts as plain
// numbers. Shared by the screens (renderer/stores/planning/values.ts parses
// what planners type) and the gate's wording in the exports.
import { formatMoney, formatNumber, formatPercent } from '../i18n/format';
import type { Locale } from '../i18n/locale';
import type { Translator } from '../i18n/translate';
import type { GoalMetric, TargetMetric } from './types';

export type ValueKind = 'money' | 'rate' | 'days' | 'count';

export const TARGET_KIND: Readonly<Record<TargetMetric, ValueKind>> = {
  leads: 'count',
  opportunities: 'count',
  wins: 'count',
  bookings: 'money',
  revenue: 'money',
  cash: 'money',
  newKeyCustomers: 'count',
  winRate: 'rate',
  conversion: 'rate',
  salesCycleDays: 'days',
  deliveryCycleDays: 'days',
  cashCycleDays: 'days',
};

export const GOAL_KIND: Readonly<Record<GoalMetric, ValueKind>> = {
  firstContract: 'count',
  relationshipLevel: 'count',
  shareOfWallet: 'rate',
  custom: 'count',
};

/** The value as shown in a cell; money compact (full amount: `formatFull`). */
export function formatValue(kind: ValueKind, value: number, currency: string, locale: Locale): string {
  switch (kind) {
    case 'money':
      return formatMoney(value, currency, locale, { compact: true });
    case 'rate':
      return formatPercent(value, locale);
    case 'days':
    case 'count':
      return formatNumber(value, locale);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The exact amount, for titles and screen readers next to a compact figure. */
export function formatFull(kind: ValueKind, value: number, currency: string, locale: Locale): string {
  return kind === 'money' ? formatMoney(value, currency, locale) : formatValue(kind, value, currency, locale);
}

/** A target's value as the Goals grid and the gate show it: cycle times with their unit ("90 days"). */
export function targetValueText(metric: TargetMetric, value: number, currency: string, tr: Translator): string {
  const kind = TARGET_KIND[metric];
  return kind === 'days' ? tr.tn('planning.days', value) : formatValue(kind, value, currency, tr.locale);
}
