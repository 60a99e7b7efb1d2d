// The tiering rule's fields (the import's tiering step and "Tier by rule"):
// method (top shares / minimum values), scope (whole list / within each
// segment) and the S, A and B numbers, with the rule's problems named.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { RULE_TIERS, type TieringProblem } from '../../../../shared/tiering';
import type { Translator } from '../../../../shared/i18n';
import { useT } from '../../../stores/context';
import type { TieringDraft } from '../../../stores/customers/TieringDraft';

export function tieringProblemText(tr: Translator, p: TieringProblem): string {
  // Problem keys are chosen in shared/tiering (and TieringDraft) with the parameters their messages need.
  return (tr.t as (key: string, params: Record<string, string | number>) => string)(p.key, p.params);
}

export const RuleFields = observer(function RuleFields({ draft, problems }: { draft: TieringDraft; problems: readonly TieringProblem[] }) {
  const tr = useT();
  const id = useId();
  return (
    <div className="tiering-rule">
      <fieldset className="import-fieldset">
        <legend>{tr.t('tiering.form.method')}</legend>
        {(['share', 'threshold'] as const).map((m) => (
          <label key={m} className="import-check">
            <input type="radio" name={`${id}-method`} checked={draft.method === m} onChange={() => draft.setMethod(m)} />
            {tr.t(`tiering.method.${m}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="import-fieldset">
        <legend>{tr.t('tiering.form.scope')}</legend>
        {(['all', 'segment'] as const).map((s) => (
          <label key={s} className="import-check">
            <input type="radio" name={`${id}-scope`} checked={draft.scope === s} onChange={() => draft.setScope(s)} />
            {tr.t(`tiering.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="tiering-numbers" aria-describedby={`${id}-hint`}>
        {RULE_TIERS.map((t) => (
          <label key={t} className="tiering-number">
            <span>{draft.method === 'share' ? tr.t('tiering.form.share', { tier: t }) : tr.t('tiering.form.threshold', { tier: t })}</span>
            <input
              className="text-input"
              inputMode={draft.method === 'share' ? 'decimal' : 'text'}
              value={draft.texts[t]}
              aria-invalid={problems.some((p) => p.params.tier === t) || undefined}
              onChange={(e) => draft.setText(t, e.target.value)}
            />
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="muted import-hint">
        {draft.method === 'share' ? tr.t('tiering.form.shareHint') : tr.t('tiering.form.thresholdHint')}
      </p>
      {problems.length > 0 && (
        <ul className="import-mapping-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{tieringProblemText(tr, p)}</li>
          ))}
        </ul>
      )}
    </div>
  );
});
