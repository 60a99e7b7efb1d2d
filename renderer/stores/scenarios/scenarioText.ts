// What a scenario does, in one sentence of the user's language:
// "Leads −20%, conversion −10%, stage days +20%, Sign the contract stage
// conversion ×0.8". Multipliers of exactly 1 change nothing and are left out.
import { formatNumber, formatPercent, type Translator } from '../../../shared/i18n';
import type { Funnel, ScenarioAdjust } from '../../../shared/plan/types';

/** A multiplier as a change: 0.8 → "−20%", 1.25 → "+25%". */
export function formatChange(multiplier: number, tr: Translator): string {
  const delta = multiplier - 1;
  // Round first so 0.9 − 1 = −0.09999999999999998 reads "−10%", and a change too small to show reads "±0%".
  const rounded = Math.round(delta * 1000) / 1000;
  if (rounded === 0) return `±${formatPercent(0, tr.locale)}`;
  return `${rounded < 0 ? '\u2212' : '+'}${formatPercent(Math.abs(rounded), tr.locale, 1)}`;
}

export function describeScenario(adjust: ScenarioAdjust, tr: Translator, funnels: readonly Funnel[]): string {
  const parts: string[] = [];
  const global = [
    ['leads', 'scenarios.leads'],
    ['conversion', 'scenarios.conversion'],
    ['dealSize', 'scenarios.dealSize'],
    ['days', 'scenarios.days'],
  ] as const;
  for (const [field, key] of global) {
    const m = adjust[field];
    if (m !== undefined && m !== 1) parts.push(tr.t(key, { change: formatChange(m, tr) }));
  }
  const many = funnels.length > 1;
  for (const s of adjust.stages ?? []) {
    const funnel = funnels.find((f) => f.id === s.funnelId);
    const stage = funnel?.stages.find((st) => st.key === s.stageKey)?.name ?? s.stageKey;
    const factor = formatNumber(s.conversion, tr.locale, 3);
    parts.push(
      many
        ? tr.t('scenarios.stageOf', { stage, funnel: funnel?.name ?? s.funnelId, factor })
        : tr.t('scenarios.stage', { stage, factor }),
    );
  }
  if (parts.length === 0) return tr.t('scenarios.none');
  const text = parts.join(tr.t('funnels.listSeparator'));
  return text.charAt(0).toLocaleUpperCase(tr.locale) + text.slice(1);
}
