// Creating or editing a breakthrough goal: phase, title, customer, metric,
// target (share of wallet typed as a percentage), due month (warned when
// outside the phase), owner and status. Nothing is written until Save; a
// refusal keeps the dialog open with the reason.
import { observer } from 'mobx-react-lite';
import { useId, useState, type FormEvent } from 'react';
import { GOAL_STATUSES, type GoalStatus } from '../../../shared/api/methods/team';
import { formatMonthRange } from '../../../shared/i18n';
import { horizonMonthList } from '../../../shared/plan/months';
import { NAME_MAX } from '../../../shared/plan/schema';
import { GOAL_METRICS, type Goal, type GoalMetric } from '../../../shared/plan/types';
import { Dialog } from '../../components/Dialog';
import { MonthSelect } from '../../components/MonthSelect';
import { PersonPicker } from '../../components/PersonPicker';
import { explainParseProblem } from '../../stores/planning/explain';
import { GOAL_KIND } from '../../../shared/plan/value-kinds';
import { editText, parseValue } from '../../stores/planning/values';
import { useStores, useT } from '../../stores/context';
import { CustomerField } from './CustomerField';
import { dueWarning } from './goalText';
import { Refusal } from '../../components/Refusal';

export interface GoalDialogProps {
  /** The goal to edit, or null for a new goal in `phaseId`. */
  goal: Goal | null;
  phaseId: string;
  onClose: () => void;
}

export const GoalDialog = observer(function GoalDialog(props: GoalDialogProps) {
  const { plan, planning, goals } = useStores();
  const tr = useT();
  const id = useId();
  const settings = plan.settings!;
  const phases = planning.phasesByDate;
  const initialPhase = plan.collections.phases.get(props.goal?.phaseId ?? props.phaseId);
  const [phaseId, setPhaseId] = useState(props.goal?.phaseId ?? props.phaseId);
  const [title, setTitle] = useState(props.goal?.title ?? '');
  const [customerId, setCustomerId] = useState<string | null>(props.goal?.customerId ?? null);
  const [metric, setMetric] = useState<GoalMetric>(props.goal?.metric ?? 'firstContract');
  const [targetText, setTargetText] = useState(props.goal ? editText(GOAL_KIND[props.goal.metric], props.goal.target) : '1');
  const [due, setDue] = useState(props.goal?.due ?? initialPhase?.end ?? settings.startMonth);
  const [ownerId, setOwnerId] = useState<string | null>(props.goal?.ownerId ?? null);
  const [status, setStatus] = useState<GoalStatus>(props.goal ? planning.goalStatus(props.goal.id) : 'notStarted');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const phase = plan.collections.phases.get(phaseId);
  const isPercent = GOAL_KIND[metric] === 'rate';
  const parsed = parseValue(GOAL_KIND[metric], targetText);
  const targetProblem = parsed.ok ? null : explainParseProblem(parsed.problem, targetText, tr);
  const warning = dueWarning(due, phase, tr);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') return setProblem(tr.t('planning.name.empty'));
    if (title.trim().length > NAME_MAX) return setProblem(tr.t('planning.name.tooLong', { max: NAME_MAX }));
    if (!parsed.ok) return setProblem(targetProblem);
    const value: Goal = {
      id: props.goal?.id ?? goals.newGoalId(),
      phaseId,
      customerId,
      title: title.trim(),
      metric,
      target: parsed.value,
      due,
      ownerId,
      status,
    };
    setBusy(true);
    const refusal = await goals.saveGoal(props.goal?.id ?? null, value);
    setBusy(false);
    if (refusal) setProblem(refusal);
    else props.onClose();
  };

  return (
    <Dialog title={tr.t(props.goal ? 'planning.goal.editTitle' : 'planning.goal.createTitle')} onClose={props.onClose} wide>
      <form className="goal-form" onSubmit={submit} noValidate>
        <label className="field-label" htmlFor={`${id}-title`}>
          {tr.t('planning.goal.title')}
        </label>
        <input id={`${id}-title`} className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} />
        <div className="form-row">
          <span>
            <label className="field-label" htmlFor={`${id}-phase`}>
              {tr.t('planning.goal.phase')}
            </label>
            <select
              id={`${id}-phase`}
              className="select-input"
              value={phaseId}
              onChange={(e) => {
                const next = plan.collections.phases.get(e.target.value);
                // A due month that was the old phase's end follows to the new phase's end.
                if (next && phase && due === phase.end) setDue(next.end);
                setPhaseId(e.target.value);
              }}
            >
              {phases.map((p, i) => (
                <option key={p.id} value={p.id}>
                  {i + 1}. {p.name} ({formatMonthRange(p.start, p.end, tr.locale)})
                </option>
              ))}
            </select>
          </span>
          <MonthSelect label={tr.t('planning.goal.due')} value={due} months={horizonMonthList(settings.startMonth, settings.horizonMonths)} onCommit={setDue} describedBy={warning ? `${id}-due` : undefined} />
        </div>
        {warning && (
          <p id={`${id}-due`} className="field-warning">
            <span aria-hidden="true">⚠ </span>
            {warning}
          </p>
        )}
        <CustomerField value={customerId} onChange={setCustomerId} />
        <div className="form-row">
          <span>
            <label className="field-label" htmlFor={`${id}-metric`}>
              {tr.t('planning.goal.metric')}
            </label>
            <select
              id={`${id}-metric`}
              className="select-input"
              value={metric}
              onChange={(e) => {
                const next = e.target.value as GoalMetric;
                // Keep the typed amount meaning the same: 0.2 as a count is 20 %.
                if (parsed.ok && GOAL_KIND[next] !== GOAL_KIND[metric]) setTargetText(editText(GOAL_KIND[next], parsed.value));
                setMetric(next);
              }}
            >
              {GOAL_METRICS.map((m) => (
                <option key={m} value={m}>
                  {tr.t(`goalMetric.${m}`)}
                </option>
              ))}
            </select>
          </span>
          <span>
            <label className="field-label" htmlFor={`${id}-target`}>
              {tr.t(isPercent ? 'planning.goal.targetPercent' : 'planning.goal.target')}
            </label>
            <input
              id={`${id}-target`}
              className="text-input number-input"
              inputMode="decimal"
              value={targetText}
              aria-invalid={targetProblem ? true : undefined}
              aria-describedby={targetProblem ? `${id}-target-msg` : undefined}
              onChange={(e) => setTargetText(e.target.value)}
            />
            {targetProblem && (
              <span id={`${id}-target-msg`} className="commit-text-message">
                {targetProblem}
              </span>
            )}
          </span>
        </div>
        <div className="form-row">
          <PersonPicker label={tr.t('planning.goal.owner')} value={ownerId} onChange={setOwnerId} />
          <span>
            <label className="field-label" htmlFor={`${id}-status`}>
              {tr.t('planning.goal.status')}
            </label>
            <select id={`${id}-status`} className="select-input" value={status} onChange={(e) => setStatus(e.target.value as GoalStatus)}>
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tr.t(`planning.goalStatus.${s}`)}
                </option>
              ))}
            </select>
          </span>
        </div>
        <p className="muted field-note">{tr.t('planning.goals.statusNote')}</p>
        <Refusal reason={problem} />
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {tr.t('planning.save')}
          </button>
          <button type="button" className="button" onClick={props.onClose}>
            {tr.t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
});
