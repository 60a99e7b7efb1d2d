// One phase in full: its intent, focus segments, exit criteria (an editable
// list), its phase-gate review (measurable exit checks, judged), the
// customers it must break through (with tier), and how many goals and
// targets it has, with the way to them.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatMonthRange } from '../../../shared/i18n';
import { TEXT_MAX } from '../../../shared/plan/schema';
import type { Phase } from '../../../shared/plan/types';
import { CommitText } from '../../components/CommitText';
import { useStores, useT } from '../../stores/context';
import { openCustomersOfPhase, openGoalsOf } from './links';
import { GateSection } from '../gate/GateSection';
import { Refusal } from '../../components/Refusal';

export const DETAILS_ID = 'phase-details';

/** Saves `patch`, answering null or the reason it was refused. */
function useSave(phase: Phase) {
  const { planning } = useStores();
  return (patch: Partial<Phase>) => planning.updatePhase(phase, patch);
}

const Intent = observer(function Intent({ phase }: { phase: Phase }) {
  const tr = useT();
  const save = useSave(phase);
  const id = useId();
  const stored = phase.intent ?? '';
  const [text, setText] = useState(stored);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setText(stored), [stored]);
  const tooLong = text.length > TEXT_MAX;
  return (
    <div className="phase-intent">
      <label htmlFor={id} className="field-label">
        {tr.t('planning.phase.intent')}
      </label>
      <textarea
        id={id}
        className="text-input"
        rows={3}
        value={text}
        aria-invalid={tooLong || refusal ? true : undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => {
          setText(e.target.value);
          setRefusal(null);
        }}
        onBlur={async () => {
          if (text === stored || tooLong) return;
          const reason = await save(text.trim() === '' ? { intent: undefined } : { intent: text });
          if (reason) {
            setText(stored);
            setRefusal(reason);
          }
        }}
      />
      <span id={`${id}-msg`} className="commit-text-message" aria-live="polite">
        {tooLong ? tr.t('planning.text.tooLong', { max: TEXT_MAX }) : refusal}
      </span>
    </div>
  );
});

const ExitCriteria = observer(function ExitCriteria({ phase }: { phase: Phase }) {
  const tr = useT();
  const save = useSave(phase);
  const list = phase.exitCriteria ?? [];
  const [adding, setAdding] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const text = adding.trim();
    if (!text) return;
    const reason = await save({ exitCriteria: [...list, text] });
    setRefusal(reason);
    if (!reason) setAdding('');
    input.current?.focus();
  };
  return (
    <section className="exit-criteria" aria-labelledby={`exit-${phase.id}`}>
      <h3 id={`exit-${phase.id}`} className="details-heading">
        {tr.t('planning.phase.exitCriteria')}
      </h3>
      {list.length === 0 && <p className="muted">{tr.t('planning.phase.noExitCriteria')}</p>}
      <ol className="criteria-list">
        {list.map((text, i) => (
          <li key={`${i}-${text}`} className="criteria-item">
            <CommitText
              label={tr.t('planning.phase.criterion', { number: i + 1 })}
              hideLabel
              value={text}
              validate={(t) => (t.trim() === '' ? tr.t('planning.phase.criterionEmpty') : null)}
              onCommit={(t) => save({ exitCriteria: list.map((c, j) => (j === i ? t.trim() : c)) })}
            />
            <button
              type="button"
              className="button button-small button-danger-quiet"
              aria-label={tr.t('planning.phase.removeCriterion', { number: i + 1 })}
              onClick={async () => setRefusal(await save({ exitCriteria: list.filter((_, j) => j !== i) }))}
            >
              {tr.t('planning.remove')}
            </button>
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={add}>
        <label htmlFor={`new-criterion-${phase.id}`} className="visually-hidden">
          {tr.t('planning.phase.newCriterion')}
        </label>
        <input
          id={`new-criterion-${phase.id}`}
          ref={input}
          className="text-input"
          placeholder={tr.t('planning.phase.newCriterion')}
          value={adding}
          onChange={(e) => setAdding(e.target.value)}
        />
        <button type="submit" className="button" disabled={adding.trim() === ''}>
          {tr.t('planning.phase.addCriterion')}
        </button>
      </form>
      <Refusal reason={refusal} />
    </section>
  );
});

const FocusSegments = observer(function FocusSegments({ phase }: { phase: Phase }) {
  const { plan, gate } = useStores();
  const tr = useT();
  const [refusal, setRefusal] = useState<string | null>(null);
  const segments = plan.collections.segments.list;
  const focus = phase.focusSegmentIds ?? [];
  const toggle = async (id: string) => {
    const next = focus.includes(id) ? focus.filter((x) => x !== id) : segments.map((s) => s.id).filter((x) => x === id || focus.includes(x));
    setRefusal(await gate.setFocusSegments(phase, next));
  };
  return (
    <fieldset className="phase-focus">
      <legend className="details-heading">{tr.t('gate.focus.title')}</legend>
      <p className="muted">{tr.t('gate.focus.help')}</p>
      {segments.length === 0 ? (
        <p className="muted">{tr.t('gate.focus.none')}</p>
      ) : (
        <div className="focus-segments">
          {segments.map((s) => (
            <label key={s.id} title={tr.t('gate.focus.of', { segment: s.name })}>
              <input type="checkbox" checked={focus.includes(s.id)} onChange={() => void toggle(s.id)} /> {s.name}
            </label>
          ))}
        </div>
      )}
      <Refusal reason={refusal} />
    </fieldset>
  );
});

const BreakthroughCustomers = observer(function BreakthroughCustomers({ phase }: { phase: Phase }) {
  const root = useStores();
  const { planning, plan } = root;
  const tr = useT();
  const customers = planning.customersByBreakthroughPhase.get(phase.id) ?? [];
  return (
    <section aria-labelledby={`bt-${phase.id}`}>
      <h3 id={`bt-${phase.id}`} className="details-heading">
        {tr.t('planning.phase.breakthroughCustomers')} <span className="count-pill">{customers.length}</span>
      </h3>
      {customers.length === 0 ? (
        <p className="muted">{tr.t('planning.phase.noBreakthroughCustomers')}</p>
      ) : (
        <table className="table table-compact" aria-labelledby={`bt-${phase.id}`}>
          <thead>
            <tr>
              <th scope="col">{tr.t('planning.customer')}</th>
              <th scope="col">{tr.t('overview.tier')}</th>
              <th scope="col">{tr.t('planning.customerStatus')}</th>
              <th scope="col">{tr.t('planning.ar')}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>
                  <span className={`tier-badge tier-${c.tier}`} aria-hidden="true">
                    {c.tier}
                  </span>
                  {tr.t(`tier.${c.tier}`)}
                </td>
                <td>{tr.t(`status.${c.status}`)}</td>
                <td>{c.owners.AR ? (plan.collections.people.get(c.owners.AR)?.name ?? c.owners.AR) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {customers.length > 0 && (
        <p>
          <button type="button" className="button button-small" onClick={() => openCustomersOfPhase(root, phase.id)}>
            {tr.t('planning.phase.openCustomers')}
          </button>
        </p>
      )}
    </section>
  );
});

export const PhaseDetails = observer(function PhaseDetails() {
  const { planning, plan } = useStores();
  const tr = useT();
  const phase = planning.selectedPhaseId ? plan.collections.phases.get(planning.selectedPhaseId) : undefined;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a phase's details moves focus to them (once per phase opened).
  const phaseId = phase?.id;
  useEffect(() => {
    if (phaseId) heading.current?.focus();
  }, [phaseId]);
  if (!phase) return null;
  const goals = plan.collections.goals.list.filter((g) => g.phaseId === phase.id).length;
  const targets = plan.collections.targets.list.filter((t) => t.phaseId === phase.id).length;
  return (
    <section id={DETAILS_ID} className="card phase-details" aria-labelledby={`${DETAILS_ID}-title`}>
      <div className="details-head">
        <h2 id={`${DETAILS_ID}-title`} className="card-title" ref={heading} tabIndex={-1}>
          {tr.t('planning.phase.detailsTitle', { name: phase.name })}{' '}
          <span className={`stage-badge stage-${phase.stage}`}>{tr.t(`stage.${phase.stage}`)}</span>{' '}
          <span className="muted">{formatMonthRange(phase.start, phase.end, tr.locale)}</span>
        </h2>
        <button type="button" className="button button-quiet" onClick={() => planning.selectPhase(null)}>
          {tr.t('dialog.close')}
        </button>
      </div>
      <Intent phase={phase} />
      <FocusSegments phase={phase} />
      <GateSection phase={phase} />
      <div className="details-grid">
        <ExitCriteria phase={phase} />
        <BreakthroughCustomers phase={phase} />
      </div>
      <section className="phase-goals" aria-labelledby={`gt-${phase.id}`}>
        <h3 id={`gt-${phase.id}`} className="details-heading">
          {tr.t('planning.phase.goalsAndTargets')}
        </h3>
        <p>
          {tr.tn('planning.goalsCount', goals)} · {tr.tn('planning.targetsCount', targets)}{' '}
          <button type="button" className="button button-small" onClick={() => openGoalsOf(planning, phase.id)}>
            {tr.t('planning.phase.openGoals')}
          </button>
        </p>
      </section>
    </section>
  );
});
