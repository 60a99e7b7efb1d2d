// Breakthrough goals grouped by phase (in date order): each with customer,
// metric, target, due month, owner and status (changeable in place), and a
// way to add, edit and delete goals.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import { GOAL_STATUSES, type GoalStatus } from '../../../shared/api/methods/team';
import { formatMonth, formatMonthRange } from '../../../shared/i18n';
import type { Goal, Phase } from '../../../shared/plan/types';
import { DeleteButton } from '../../components/DeleteButton';
import type { GoalGroup } from '../../stores/PlanningStore';
import { useStores, useT } from '../../stores/context';
import { GoalDialog } from './GoalDialog';
import { dueWarning, goalTargetText } from './goalText';
import { Refusal } from '../../components/Refusal';

const GoalRow = observer(function GoalRow({ goal, phase, onEdit }: { goal: Goal; phase: Phase; onEdit: () => void }) {
  const { plan, planning, goals } = useStores();
  const tr = useT();
  const [statusProblem, setStatusProblem] = useState<string | null>(null);
  const customer = goal.customerId ? plan.collections.customers.get(goal.customerId) : undefined;
  const owner = goal.ownerId ? plan.collections.people.get(goal.ownerId) : undefined;
  const warning = dueWarning(goal.due, phase, tr);
  const statusId = `goal-status-${goal.id}`;
  return (
    <tr>
      <th scope="row" className="goal-title">
        {goal.title}
      </th>
      <td>
        {customer ? (
          <>
            <span className={`tier-badge tier-${customer.tier}`} aria-hidden="true">
              {customer.tier}
            </span>
            {customer.name}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>{tr.t(`goalMetric.${goal.metric}`)}</td>
      <td className="num">{goalTargetText(goal, tr, plan.settings?.currency ?? '')}</td>
      <td className="nowrap">
        {formatMonth(goal.due, tr.locale)}
        {warning && (
          <span className="due-warning" title={warning}>
            {' '}
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">{warning}</span>
          </span>
        )}
      </td>
      <td>{owner?.name ?? <span className="muted">{tr.t('planning.goal.noOwner')}</span>}</td>
      <td>
        <label className="visually-hidden" htmlFor={statusId}>
          {tr.t('planning.goal.statusOf', { title: goal.title })}
        </label>
        <select
          id={statusId}
          className={`select-input goal-status status-${planning.goalStatus(goal.id)}`}
          value={planning.goalStatus(goal.id)}
          onChange={async (e) => setStatusProblem(await goals.setGoalStatus(goal, e.target.value as GoalStatus))}
        >
          {GOAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr.t(`planning.goalStatus.${s}`)}
            </option>
          ))}
        </select>
        <Refusal reason={statusProblem} inline />
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button-small" aria-label={tr.t('planning.goal.editOf', { title: goal.title })} onClick={onEdit}>
            {tr.t('planning.goal.edit')}
          </button>
          <DeleteButton
            className="button button-small button-danger-quiet"
            label={tr.t('planning.delete')}
            ariaLabel={tr.t('planning.goal.deleteOf', { title: goal.title })}
            title={tr.t('planning.goal.deleteTitle')}
            question={tr.t('planning.goal.deleteQuestion', { title: goal.title })}
            confirmLabel={tr.t('planning.delete')}
            onDelete={() => goals.deleteGoal(goal)}
          />
        </div>
      </td>
    </tr>
  );
});

const Group = observer(function Group({ group, number }: { group: GoalGroup; number: number }) {
  const { planning } = useStores();
  const tr = useT();
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { phase, goals } = group;
  const headingId = `goals-${phase.id}`;
  useEffect(() => {
    if (planning.goalsPhaseId !== phase.id) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
    planning.showGoalsOf(null);
  }, [planning, planning.goalsPhaseId, phase.id]);
  return (
    <section className="goal-group" aria-labelledby={headingId}>
      <div className="card-head">
        <h3 id={headingId} className="goal-group-title" ref={heading} tabIndex={-1}>
          {number}. {phase.name} <span className={`stage-badge stage-${phase.stage}`}>{tr.t(`stage.${phase.stage}`)}</span>{' '}
          <span className="muted">{formatMonthRange(phase.start, phase.end, tr.locale)}</span>{' '}
          <span className="count-pill">{goals.length}</span>
        </h3>
        <button type="button" className="button button-small" aria-label={tr.t('planning.goal.addTo', { name: phase.name })} onClick={() => setEditing('new')}>
          {tr.t('planning.goal.add')}
        </button>
      </div>
      {goals.length === 0 ? (
        <p className="muted">{tr.t('planning.goals.none')}</p>
      ) : (
        <table className="table goal-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{tr.t('planning.goal.title')}</th>
              <th scope="col">{tr.t('planning.goal.customer')}</th>
              <th scope="col">{tr.t('planning.goal.metric')}</th>
              <th scope="col" className="num">
                {tr.t('planning.goal.target')}
              </th>
              <th scope="col">{tr.t('planning.goal.due')}</th>
              <th scope="col">{tr.t('planning.goal.owner')}</th>
              <th scope="col">{tr.t('planning.goal.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('planning.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <GoalRow key={g.id} goal={g} phase={phase} onEdit={() => setEditing(g)} />
            ))}
          </tbody>
        </table>
      )}
      {editing && <GoalDialog goal={editing === 'new' ? null : editing} phaseId={phase.id} onClose={() => setEditing(null)} />}
    </section>
  );
});

export const GoalGroups = observer(function GoalGroups() {
  const { planning } = useStores();
  const tr = useT();
  const groups = planning.goalGroups;
  if (groups.length === 0) return <p className="muted">{tr.t('planning.phase.none')}</p>;
  return (
    <>
      {groups.map((g, i) => (
        <Group key={g.phase.id} group={g} number={i + 1} />
      ))}
    </>
  );
});
