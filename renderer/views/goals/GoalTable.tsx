// The one table of breakthrough goals: title, then the customer (on the Goals
// & targets screen, grouped by phase) or the phase (in a customer's detail
// panel), metric, target, due month (with a warning when it lies outside the
// goal's phase), owner and the simulated odds of a first-contract goal; the
// Goals screen adds status and actions columns.
import { observer } from 'mobx-react-lite';
import { useEffect, type ReactNode } from 'react';
import { formatMonth } from '../../../shared/i18n';
import type { Goal } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import '../../styles/goals.css';
import { GoalOdds } from './GoalOdds';
import { dueWarning, goalTargetText } from './goalText';

export interface GoalTableProps {
  goals: readonly Goal[];
  labelledBy: string;
  /** The column after the title: the goal's customer or its phase. */
  second: 'customer' | 'phase';
  className?: string;
  /** Headers of extra columns at the end, and each row's cells for them. */
  endHeaders?: ReactNode;
  rowEnd?: (goal: Goal) => ReactNode;
}

export const GoalTable = observer(function GoalTable(props: GoalTableProps) {
  const { latestRun } = useStores();
  const tr = useT();
  useEffect(() => latestRun.watch(), [latestRun]);
  return (
    <table className={`table ${props.className ?? ''}`} aria-labelledby={props.labelledBy}>
      <thead>
        <tr>
          <th scope="col">{tr.t('planning.goal.title')}</th>
          <th scope="col">{tr.t(props.second === 'customer' ? 'planning.goal.customer' : 'planning.goal.phase')}</th>
          <th scope="col">{tr.t('planning.goal.metric')}</th>
          <th scope="col" className="num">
            {tr.t('planning.goal.target')}
          </th>
          <th scope="col">{tr.t('planning.goal.due')}</th>
          <th scope="col">{tr.t('planning.goal.owner')}</th>
          <th scope="col" className="num">
            {tr.t('odds.column')}
          </th>
          {props.endHeaders}
        </tr>
      </thead>
      <tbody>
        {props.goals.map((g) => (
          <GoalRow key={g.id} goal={g} second={props.second} end={props.rowEnd?.(g)} />
        ))}
      </tbody>
    </table>
  );
});

const GoalRow = observer(function GoalRow({ goal, second, end }: { goal: Goal; second: 'customer' | 'phase'; end: ReactNode }) {
  const { plan } = useStores();
  const tr = useT();
  const { customers, people, phases } = plan.collections;
  const phase = phases.get(goal.phaseId);
  const customer = goal.customerId ? customers.get(goal.customerId) : undefined;
  const owner = goal.ownerId ? people.get(goal.ownerId) : undefined;
  const warning = dueWarning(goal.due, phase, tr);
  return (
    <tr>
      <th scope="row" className="goal-title">
        {goal.title}
      </th>
      <td>
        {second === 'phase' ? (
          (phase?.name ?? goal.phaseId)
        ) : customer ? (
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
      <GoalOdds goal={goal} />
      {end}
    </tr>
  );
});
