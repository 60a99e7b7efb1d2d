// A gate check in words: what it asks for, and the evidence behind its
// verdict (the measured odds or share against the threshold, and who or
// what falls short), in the user's language.
import { formatPercent, type Translator } from '../../../shared/i18n';
import type { CheckEvaluation } from '../../../shared/plan/gate';
import type { ExitCheck, Target } from '../../../shared/plan/types';
import type { PlanStore } from '../../stores/PlanStore';
import { formatValue, TARGET_KIND } from '../../stores/planning/values';

/** Names listed as falling short before "and N more". */
const SHORT_SHOWN = 4;

export function targetLabel(t: Target, tr: Translator, plan: PlanStore): string {
  const kind = TARGET_KIND[t.metric];
  const value = kind === 'days' ? tr.tn('planning.days', t.value) : formatValue(kind, t.value, plan.settings?.currency ?? '', tr.locale);
  const scope = t.funnelId
    ? (plan.collections.funnels.get(t.funnelId)?.name ?? t.funnelId)
    : t.segmentId
      ? (plan.collections.segments.get(t.segmentId)?.name ?? t.segmentId)
      : null;
  const text = tr.t('gate.targetLabel', { metric: tr.t(`metric.${t.metric}`), value });
  return scope ? tr.t('gate.targetScoped', { target: text, scope }) : text;
}

/** What the check asks for, e.g. "Key relationship at level 3 or more on at least 50 % of the breakthrough customers". */
export function describeCheck(check: ExitCheck, tr: Translator, plan: PlanStore): string {
  const pct = (v: number) => formatPercent(v, tr.locale, 0);
  switch (check.kind) {
    case 'target': {
      const t = plan.collections.targets.get(check.targetId);
      return tr.t('gate.describe.target', {
        target: t ? targetLabel(t, tr, plan) : check.targetId,
        probability: pct(check.probability),
      });
    }
    case 'coverage':
      return tr.t('gate.describe.coverage', {
        roles: check.roles.join(tr.t('gate.listSeparator')),
        tiers: check.tiers.join(tr.t('gate.listSeparator')),
        share: pct(check.share),
      });
    case 'relationship':
      return tr.t('gate.describe.relationship', { layer: tr.t(`layer.${check.layer}`), level: check.level, share: pct(check.share) });
    case 'goals':
      return tr.t('gate.describe.goals', { share: pct(check.share) });
  }
}

/** The evidence: measured against required, and what falls short. */
export function evidenceOf(e: CheckEvaluation, tr: Translator, plan: PlanStore): string {
  const pct = (v: number) => formatPercent(v, tr.locale, 0);
  if (e.status === 'notSimulated') return tr.t(`gate.why.${e.why ?? 'noRun'}`);
  const c = plan.collections;
  const names = (ids: string[], name: (id: string) => string) => {
    const shown = ids.slice(0, SHORT_SHOWN).map(name).join(tr.t('gate.listSeparator'));
    return ids.length > SHORT_SHOWN ? tr.t('gate.andMore', { list: shown, count: ids.length - SHORT_SHOWN }) : shown;
  };
  const measured = pct(e.measured ?? 0);
  const required = pct(e.required);
  switch (e.check.kind) {
    case 'target':
      return tr.t('gate.evidence.target', { measured, required });
    case 'coverage':
    case 'relationship': {
      if (e.total === 0) return tr.t('gate.evidence.noCustomers');
      const key = e.check.kind === 'coverage' ? 'gate.evidence.coverage' : 'gate.evidence.relationship';
      const base = tr.t(key, { meeting: e.meeting, total: e.total, measured, required });
      return e.short.length === 0
        ? base
        : `${base} ${tr.t('gate.evidence.short', { list: names(e.short, (id) => c.customers.get(id)?.name ?? id) })}`;
    }
    case 'goals': {
      if (e.total === 0) return tr.t('gate.evidence.noGoals');
      const base = tr.t('gate.evidence.goals', { meeting: e.meeting, total: e.total, measured, required });
      return e.short.length === 0
        ? base
        : `${base} ${tr.t('gate.evidence.openGoals', { list: names(e.short, (id) => c.goals.get(id)?.title ?? id) })}`;
    }
  }
}
