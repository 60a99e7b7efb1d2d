// Breakthrough goals grouped by phase (in date order): each with customer,
// metric, target, due month, owner and status (changeable in place), and a
// way to add, edit and delete goals.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, useState } from 'react';
import { GOAL_STATUSES, type GoalStatus } from '../../../shared/api/methods/team';
import { formatMonthRange } from '../../../shared/i18n';
import type { Goal } from '../../../shared/plan/types';
import { DeleteButton } from '../../components/DeleteButton';
import type { GoalGroup } from '../../stores/PlanningStore';
import { useStores, useT } from '../../stores/context';
import { GoalDialog } from './GoalDialog';
import { GoalTable } from './GoalTable';
import { Refusal } from '../../components/Refusal';

/** The Goals screen's own columns: the status (changeable in place) and edit / delete. */
const GoalActions = observer(function GoalActions({ goal, onEdit }: { goal: Goal; onEdit: () => void }) {
  const { planning, goals } = useStores();
  const tr = useT();
  const [statusProblem, setStatusProblem] = useState<string | null>(null);
  const statusId = `goal-status-${goal.id}`;
  return (
    <>
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
    </>
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
        <GoalTable
          className="goal-table"
          goals={goals}
          labelledBy={headingId}
          second="customer"
          endHeaders={
            <>
              <th scope="col">{tr.t('planning.goal.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{tr.t('planning.actions')}</span>
              </th>
            </>
          }
          rowEnd={(g) => <GoalActions goal={g} onEdit={() => setEditing(g)} />}
        />
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
