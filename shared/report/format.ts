// Text for report values, shared by every renderer so a number reads the
// same in the PDF, the workbook's labels and the deck.
import { formatMoney, formatMonth, formatMonthRange, formatNumber, formatPercent } from '../i18n/format';
import type { Translator } from '../i18n/translate';
import type { ActualMetric, KpiMetric, Range, Relationship, ScenarioAdjust, TargetMetric } from '../plan/types';
import type { InputRow, Risk, Spread } from './model';

const MONEY_METRICS: readonly TargetMetric[] = ['bookings', 'revenue', 'cash'];
const RATIO_METRICS: readonly TargetMetric[] = ['winRate', 'conversion'];

export function isMoneyMetric(metric: TargetMetric): boolean {
  return MONEY_METRICS.includes(metric);
}

/** A metric's value: money in the plan currency, ratios as percentages, others as numbers. */
export function metricValue(metric: TargetMetric, value: number, currency: string, tr: Translator, compact = true): string {
  if (isMoneyMetric(metric)) return formatMoney(value, currency, tr.locale, { compact });
  if (RATIO_METRICS.includes(metric)) return formatPercent(value, tr.locale);
  return formatNumber(value, tr.locale, 1);
}

/** A fixed value or "min / mode / max". */
export function rangeText(r: Range, fmt: (v: number) => string): string {
  return typeof r === 'number' ? fmt(r) : `${fmt(r.min)} / ${fmt(r.mode)} / ${fmt(r.max)}`;
}

export function percentRange(r: Range, tr: Translator): string {
  return rangeText(r, (v) => formatPercent(v, tr.locale));
}

export function moneyRange(r: Range, currency: string, tr: Translator): string {
  return rangeText(r, (v) => formatMoney(v, currency, tr.locale, { compact: true }));
}

export function numberRange(r: Range, tr: Translator): string {
  return rangeText(r, (v) => formatNumber(v, tr.locale, 1));
}

export function monthRange(start: string, end: string, tr: Translator): string {
  return formatMonthRange(start, end, tr.locale);
}

export function monthText(month: string, tr: Translator): string {
  return formatMonth(month, tr.locale);
}

export function riskText(risk: Risk, tr: Translator): string {
  const i = risk.input;
  switch (i.kind) {
    case 'conversion':
      return tr.t('report.risk.conversion', { stage: i.stage, funnel: i.funnel });
    case 'days':
      return tr.t('report.risk.days', { stage: i.stage, funnel: i.funnel });
    case 'leads':
      return tr.t('report.risk.leads', { segment: i.segment });
    case 'dealSize':
      return tr.t('report.risk.dealSize', { funnel: i.funnel });
  }
}

export function adjustText(adjust: ScenarioAdjust | null, stageNames: Record<string, string>, tr: Translator): string {
  if (!adjust) return '—';
  const x = (v: number) => formatNumber(v, tr.locale, 2);
  const parts: string[] = [];
  if (adjust.leads !== undefined) parts.push(tr.t('report.adjust.leads', { x: x(adjust.leads) }));
  if (adjust.conversion !== undefined) parts.push(tr.t('report.adjust.conversion', { x: x(adjust.conversion) }));
  if (adjust.dealSize !== undefined) parts.push(tr.t('report.adjust.dealSize', { x: x(adjust.dealSize) }));
  if (adjust.days !== undefined) parts.push(tr.t('report.adjust.days', { x: x(adjust.days) }));
  for (const s of adjust.stages ?? []) parts.push(tr.t('report.adjust.stage', { stage: stageNames[`${s.funnelId}/${s.stageKey}`] ?? s.stageKey, x: x(s.conversion) }));
  return parts.length ? parts.join(', ') : '—';
}

export function inputLabel(row: InputRow, tr: Translator): string {
  switch (row.kind) {
    case 'leads':
      return tr.t('report.input.leads', { segment: row.segment ?? '', phase: row.phase ?? tr.t('report.input.leadsDefault') });
    case 'conversion':
      return tr.t('report.input.conversion', { funnel: row.funnel ?? '', stage: row.stage ?? '' });
    case 'days':
      return tr.t('report.input.days', { funnel: row.funnel ?? '', stage: row.stage ?? '' });
    case 'dealSize':
      return tr.t('report.input.dealSize', { funnel: row.funnel ?? '' });
    case 'deliveryDays':
      return tr.t('report.input.deliveryDays', { funnel: row.funnel ?? '' });
    case 'payment':
      return tr.t('report.input.payment', { n: row.payment?.n ?? 0, funnel: row.funnel ?? '', share: formatPercent(row.payment?.share ?? 0, tr.locale) });
  }
}

export function inputValue(row: InputRow, currency: string, tr: Translator): string {
  if (row.money) return moneyRange(row.value, currency, tr);
  if (row.kind === 'conversion') return percentRange(row.value, tr);
  return numberRange(row.value, tr);
}

/** Relationship levels as "key / broad / organisational". */
export function levelsText(r: Relationship | null): string {
  return r ? `${r.key} / ${r.broad} / ${r.organizational}` : '—';
}

/** A funnel KPI: ratios as percentages, cycles in days; "median (p10 – p90)" with a Monte-Carlo run. */
export function kpiText(metric: KpiMetric, s: Spread | null, tr: Translator): string {
  if (!s) return '—';
  const fmt = (v: number) => (metric === 'winRate' || metric === 'conversion' ? formatPercent(v, tr.locale) : formatNumber(v, tr.locale, 0));
  const mid = fmt(s.p50 ?? s.mean);
  return s.p10 !== null && s.p90 !== null ? `${mid} (${tr.t('report.funnel.kpiRange', { p10: fmt(s.p10), p90: fmt(s.p90) })})` : mid;
}

/** An actual metric's value: money in the plan currency, else a count. */
export function actualValue(metric: ActualMetric, value: number, currency: string, tr: Translator): string {
  return metric === 'bookings' || metric === 'cash' || metric === 'revenue' ? formatMoney(value, currency, tr.locale, { compact: true }) : formatNumber(value, tr.locale, 1);
}
