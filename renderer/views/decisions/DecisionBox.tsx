// Record a decision where it is taken: on every workshop step and on the
// Decisions screen. An empty text is refused here, with a message, before
// anything is stored; a recorded decision is one undoable edit.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';
import type { DecisionDraft } from '../../stores/DecisionsStore';
import type { WriteOutcome } from '../../stores/refusals';
import { DecisionFields } from './DecisionFields';
import '../../styles/decisions.css';

export const DecisionBox = observer(function DecisionBox({ defaultPhaseId = null }: { defaultPhaseId?: string | null }) {
  const { decisions } = useStores();
  const tr = useT();
  const id = useId();
  const [draft, setDraft] = useState<DecisionDraft>({ text: '', phaseId: defaultPhaseId, byId: null });
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome>(null);
  const [recorded, setRecorded] = useState(false);
  const submit = async () => {
    const p = decisions.textProblem(draft.text);
    setProblem(p);
    setRecorded(false);
    if (p) return;
    const refusal = await decisions.record(draft);
    setOutcome(refusal);
    if (refusal === null) {
      setDraft({ ...draft, text: '' });
      setRecorded(true);
    }
  };
  return (
    <form
      className="card dec-box"
      aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={id} className="card-title">
        {tr.t('decisions.record')}
      </h2>
      <DecisionFields
        draft={draft}
        problem={problem}
        onChange={(d) => {
          setDraft(d);
          if (problem) setProblem(null);
        }}
      />
      <div className="dec-actions">
        <button type="submit" className="button button-primary">
          {tr.t('decisions.recordButton')}
        </button>
        {recorded && (
          <span role="status" className="dec-recorded">
            {tr.t('decisions.recorded')}
          </span>
        )}
      </div>
      <Refusal reason={outcome} />
    </form>
  );
});
