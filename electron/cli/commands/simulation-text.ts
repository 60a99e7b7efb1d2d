// Shared by simulate, required-leads and sensitivity: option parsing and the
// plain-text tables they print without --json (English, like the rest of the CLI).
import { formatMoney, formatNumber, formatPercent } from '../../../shared/i18n/format';
import type { SeriesMetric, TargetMetric } from '../../../shared/plan/types';
import { UsageError } from '../command';

/** A numeric option, or undefined when absent; anything but a number is wrong usage. */
export function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

/** Columns padded to their widest cell: the first `textColumns` left-aligned (names), the rest right-aligned (numbers). */
export function table(rows: string[][], textColumns = 1): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

const MONEY: readonly string[] = ['bookings', 'revenue', 'cash'];
const RATIO: readonly string[] = ['winRate', 'conversion'];

/** A metric's value as people read it: money in the plan's currency, ratios as %, days and counts as numbers. */
export function formatValue(metric: SeriesMetric | TargetMetric, value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined) return '—';
  if (MONEY.includes(metric)) return formatMoney(value, currency, 'en', { compact: true });
  if (RATIO.includes(metric)) return formatPercent(value, 'en', 1);
  return formatNumber(value, 'en', 1);
}
