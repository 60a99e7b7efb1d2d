// Text for report values, shared by every renderer so a number reads the
// same in the PDF, the workbook's labels and the deck.
import { formatMoney, formatMonth, formatMonthRange, formatNumber, formatPercent } from '../i18n/format';
import type { Translator } from '../i18n/translate';
import type { GateStatus } from '../plan/gate';
import type { ActualMetric, KpiMetric, Range, Relationship, ScenarioAdjust, TargetMetric } from '../plan/types';
import type { GateCheckRow, InputRow, Risk, Spread } from './model';

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

/** Names falling short, listed before "and N more". */
const SHORT_SHOWN = 4;

/** What a gate check asks for, in the words of the Gate screen (gate.describe.*). */
export function gateCheckText(row: GateCheckRow, currency: string, tr: Translator): string {
  const pct = (v: number) => formatPercent(v, tr.locale, 0);
  const c = row.check;
  switch (c.kind) {
    case 'target': {
      let target = c.targetId;
      if (row.target) {
        const label = tr.t('gate.targetLabel', { metric: tr.t(`metric.${row.target.metric}`), value: metricValue(row.target.metric, row.target.value, currency, tr) });
        target = row.target.scope ? tr.t('gate.targetScoped', { target: label, scope: row.target.scope }) : label;
      }
      return tr.t('gate.describe.target', { target, probability: pct(c.probability) });
    }
    case 'coverage':
      return tr.t('gate.describe.coverage', { roles: c.roles.join(tr.t('gate.listSeparator')), tiers: c.tiers.join(tr.t('gate.listSeparator')), share: pct(c.share) });
    case 'relationship':
      return tr.t('gate.describe.relationship', { layer: tr.t(`layer.${c.layer}`), level: c.level, share: pct(c.share) });
    case 'goals':
      return tr.t('gate.describe.goals', { share: pct(c.share) });
  }
}

/** The evidence behind a check's verdict: measured against required, and what falls short. */
export function gateEvidenceText(row: GateCheckRow, tr: Translator): string {
  if (row.status === 'notSimulated') return tr.t(`gate.why.${row.why ?? 'noRun'}`);
  const pct = (v: number) => formatPercent(v, tr.locale, 0);
  const measured = pct(row.measured ?? 0);
  const required = pct(row.required);
  const shown = row.short.slice(0, SHORT_SHOWN).join(tr.t('gate.listSeparator'));
  const list = row.short.length > SHORT_SHOWN ? tr.t('gate.andMore', { list: shown, count: row.short.length - SHORT_SHOWN }) : shown;
  switch (row.check.kind) {
    case 'target':
      return tr.t('gate.evidence.target', { measured, required });
    case 'coverage':
    case 'relationship': {
      if (row.total === 0) return tr.t('gate.evidence.noCustomers');
      const base = tr.t(row.check.kind === 'coverage' ? 'gate.evidence.coverage' : 'gate.evidence.relationship', { meeting: row.meeting, total: row.total, measured, required });
      return row.short.length ? `${base} ${tr.t('gate.evidence.short', { list })}` : base;
    }
    case 'goals': {
      if (row.total === 0) return tr.t('gate.evidence.noGoals');
      const base = tr.t('gate.evidence.goals', { meeting: row.meeting, total: row.total, measured, required });
      return row.short.length ? `${base} ${tr.t('gate.evidence.openGoals', { list })}` : base;
    }
  }
}

export function gateStatusText(status: GateStatus | null, tr: Translator): string {
  return status === null ? tr.t('gate.noChecks') : tr.t(`gate.status.${status}`);
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
