// The decision log per phase: each decision's text (long text wraps, also
// CJK), who and when; Edit in place and Delete (asks first). Undo takes back
// any of these like every other plan edit.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { DeleteButton } from '../../components/DeleteButton';
import { Refusal } from '../../components/Refusal';
import { useStores, useT } from '../../stores/context';
import type { DecisionDraft } from '../../stores/DecisionsStore';
import type { WriteOutcome } from '../../stores/refusals';
import type { Decision } from '../../../shared/plan/types';
import { DecisionFields } from './DecisionFields';
import '../../styles/decisions.css';

const EditForm = observer(function EditForm({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const { decisions } = useStores();
  const tr = useT();
  const [draft, setDraft] = useState<DecisionDraft>({ text: decision.text, phaseId: decision.phaseId ?? null, byId: decision.byId ?? null });
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome>(null);
  return (
    <form
      className="dec-edit"
      onSubmit={(e) => {
        e.preventDefault();
        const p = decisions.textProblem(draft.text);
        setProblem(p);
        if (p) return;
        void decisions.edit(decision.id, draft).then((refusal) => {
          setOutcome(refusal);
          if (refusal === null) onDone();
        });
      }}
    >
      <DecisionFields draft={draft} onChange={setDraft} problem={problem} autoFocus />
      <div className="dec-actions">
        <button type="submit" className="button button-primary">
          {tr.t('decisions.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {tr.t('decisions.cancelEdit')}
        </button>
      </div>
      <Refusal reason={outcome} />
    </form>
  );
});

const Item = observer(function Item({ decision }: { decision: Decision }) {
  const { decisions, plan } = useStores();
  const tr = useT();
  const [editing, setEditing] = useState(false);
  const who = decision.byId ? (plan.collections.people.get(decision.byId)?.name ?? decision.byId) : null;
  const when = new Intl.DateTimeFormat(tr.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(decision.at));
  if (editing) return <li className="dec-item" data-decision={decision.id}><EditForm decision={decision} onDone={() => setEditing(false)} /></li>;
  const short = decision.text.length > 40 ? `${decision.text.slice(0, 40)}…` : decision.text;
  return (
    <li className="dec-item" data-decision={decision.id}>
      <p className="dec-item-text">{decision.text}</p>
      <p className="dec-meta">
        {who ? tr.t('decisions.byWhen', { who, when }) : when}
      </p>
      <div className="dec-actions">
        <button type="button" className="button" aria-label={tr.t('decisions.editNamed', { text: short })} onClick={() => setEditing(true)}>
          {tr.t('decisions.edit')}
        </button>
        <DeleteButton
          label={tr.t('decisions.delete')}
          ariaLabel={tr.t('decisions.deleteNamed', { text: short })}
          title={tr.t('decisions.delete')}
          question={tr.t('decisions.deleteQuestion', { text: short })}
          confirmLabel={tr.t('decisions.delete')}
          onDelete={() => decisions.remove(decision.id)}
        />
      </div>
    </li>
  );
});

export const DecisionList = observer(function DecisionList() {
  const { decisions, plan } = useStores();
  const tr = useT();
  const id = useId();
  const groups = decisions.groups;
  return (
    <section className="card dec-list" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('decisions.listTitle', { count: decisions.count })}
      </h2>
      {groups.length === 0 && <p className="muted">{tr.t('decisions.none')}</p>}
      {groups.map((g) => (
        <section key={g.phaseId ?? ''} className="dec-group" aria-label={g.phaseId ? (plan.collections.phases.get(g.phaseId)?.name ?? g.phaseId) : tr.t('decisions.noPhase')}>
          <h3 className="dec-group-title">{g.phaseId ? (plan.collections.phases.get(g.phaseId)?.name ?? g.phaseId) : tr.t('decisions.noPhase')}</h3>
          <ul className="dec-items">
            {g.decisions.map((d) => (
              <Item key={d.id} decision={d} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
});
