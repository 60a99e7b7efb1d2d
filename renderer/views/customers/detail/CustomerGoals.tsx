// The breakthrough goals set for one customer (read-only here; they are
// edited on the Goals & targets screen, one link away).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatMonth, formatNumber } from '../../../../shared/i18n';
import { useStores, useT } from '../../../stores/context';

export const CustomerGoals = observer(function CustomerGoals({ customerId, onNavigate }: { customerId: string; onNavigate: () => void }) {
  const { plan } = useStores();
  const tr = useT();
  const headingId = useId();
  const goals = plan.collections.goals.list.filter((g) => g.customerId === customerId);
  const { people, phases } = plan.collections;
  return (
    <section className="cd-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="cd-section-title">
        {tr.t('customers.detail.goals')}
      </h3>
      {goals.length === 0 ? (
        <p className="muted">{tr.t('customers.detail.noGoals')}</p>
      ) : (
        <table className="table cd-goals" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{tr.t('customers.goal.title')}</th>
              <th scope="col">{tr.t('customers.goal.phase')}</th>
              <th scope="col">{tr.t('customers.goal.metric')}</th>
              <th scope="col" className="num">
                {tr.t('customers.goal.target')}
              </th>
              <th scope="col">{tr.t('customers.goal.due')}</th>
              <th scope="col">{tr.t('customers.goal.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.id}>
                <th scope="row">{g.title}</th>
                <td>{phases.get(g.phaseId)?.name ?? g.phaseId}</td>
                <td>{tr.t(`goalMetric.${g.metric}`)}</td>
                <td className="num">{formatNumber(g.target, tr.locale)}</td>
                <td className="nowrap">{formatMonth(g.due, tr.locale)}</td>
                <td>{g.ownerId ? (people.get(g.ownerId)?.name ?? g.ownerId) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="#/goals" onClick={onNavigate}>
          {tr.t('customers.detail.toGoals')}
        </a>
      </p>
    </section>
  );
});
