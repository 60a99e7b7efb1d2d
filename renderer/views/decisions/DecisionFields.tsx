// The fields of one decision — text, phase, who — shared by the decision box
// (recording) and the edit form on the Decisions screen. The text is checked
// as typed (empty, too long) before the store is asked.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { LabelledSelect } from '../../components/LabelledSelect';
import { useStores, useT } from '../../stores/context';
import type { DecisionDraft } from '../../stores/DecisionsStore';

export const DecisionFields = observer(function DecisionFields({
  draft,
  onChange,
  problem,
  autoFocus,
}: {
  draft: DecisionDraft;
  onChange: (d: DecisionDraft) => void;
  problem: string | null;
  autoFocus?: boolean;
}) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  return (
    <div className="dec-fields">
      <label className="dec-text">
        <span className="field-label">{tr.t('decisions.text')}</span>
        <textarea
          className="text-input"
          rows={3}
          value={draft.text}
          autoFocus={autoFocus}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-p` : undefined}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
        />
        {problem && (
          <span id={`${id}-p`} className="refused" role="alert">
            {problem}
          </span>
        )}
      </label>
      <LabelledSelect label={tr.t('decisions.phase')} value={draft.phaseId ?? ''} onChange={(v) => onChange({ ...draft, phaseId: v || null })}>
        <option value="">{tr.t('decisions.noPhase')}</option>
        {plan.collections.phases.list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect label={tr.t('decisions.by')} value={draft.byId ?? ''} onChange={(v) => onChange({ ...draft, byId: v || null })}>
        <option value="">{tr.t('decisions.nobody')}</option>
        {plan.collections.people.list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </LabelledSelect>
    </div>
  );
});
