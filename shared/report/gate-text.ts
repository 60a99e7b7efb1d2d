// The phase gate in words, the one wording of the Gate screen
// (renderer/views/gate) and the exports: what a check asks for, and the
// evidence behind its verdict (measured against required, and who or what
// falls short), in the user's language. Each surface first names the ids of
// an evaluation with `gateCheckRow`, from its plan or store.
import { formatPercent } from '../i18n/format';
import type { Translator } from '../i18n/translate';
import type { CheckEvaluation, GateStatus } from '../plan/gate';
import type { Target } from '../plan/types';
import { targetValueText } from '../plan/value-kinds';
import type { GateCheckRow } from './model';

/** Names by id, as the caller knows them (undefined: not in the plan; the id is shown). */
export interface GateNames {
  target(id: string): Target | undefined;
  funnel(id: string): string | undefined;
  segment(id: string): string | undefined;
  customer(id: string): string | undefined;
  goalTitle(id: string): string | undefined;
}

/** Names listed as falling short before "and N more". */
const SHORT_SHOWN = 4;

/** A target as the gate names it: metric, value and scope name. */
export function gateTarget(t: Target, names: GateNames): NonNullable<GateCheckRow['target']> {
  const scope = t.funnelId ? (names.funnel(t.funnelId) ?? t.funnelId) : t.segmentId ? (names.segment(t.segmentId) ?? t.segmentId) : null;
  return { metric: t.metric, value: t.value, scope };
}

/** An evaluated check with its ids named: what the wording below reads. */
export function gateCheckRow(e: CheckEvaluation, names: GateNames): GateCheckRow {
  const t = e.check.kind === 'target' ? names.target(e.check.targetId) : undefined;
  const nameOf = e.check.kind === 'goals' ? names.goalTitle : names.customer;
  return {
    check: e.check,
    target: t ? gateTarget(t, names) : null,
    status: e.status,
    measured: e.measured,
    required: e.required,
    meeting: e.meeting,
    total: e.total,
    short: e.short.map((id) => nameOf(id) ?? id),
    why: e.why,
  };
}

/** A target in words, e.g. "Bookings ¥1.2M (Enterprise)". */
export function targetText(target: NonNullable<GateCheckRow['target']>, currency: string, tr: Translator): string {
  const text = tr.t('gate.targetLabel', { metric: tr.t(`metric.${target.metric}`), value: targetValueText(target.metric, target.value, currency, tr) });
  return target.scope ? tr.t('gate.targetScoped', { target: text, scope: target.scope }) : text;
}

/** What the check asks for, e.g. "Key relationship at level 3 or more on at least 50 % of the breakthrough customers". */
export function gateCheckText(row: GateCheckRow, currency: string, tr: Translator): string {
  const pct = (v: number) => formatPercent(v, tr.locale, 0);
  const c = row.check;
  switch (c.kind) {
    case 'target':
      return tr.t('gate.describe.target', { target: row.target ? targetText(row.target, currency, tr) : c.targetId, probability: pct(c.probability) });
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
