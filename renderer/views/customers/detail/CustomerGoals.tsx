// The breakthrough goals set for one customer (read-only here, in the same
// GoalTable as the Goals & targets screen, where they are edited, one link away).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { useStores, useT } from '../../../stores/context';
import { GoalTable } from '../../goals/GoalTable';

export const CustomerGoals = observer(function CustomerGoals({ customerId, onNavigate }: { customerId: string; onNavigate: () => void }) {
  const { plan } = useStores();
  const tr = useT();
  const headingId = useId();
  const goals = plan.collections.goals.list.filter((g) => g.customerId === customerId);
  return (
    <section className="cd-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="cd-section-title">
        {tr.t('customers.detail.goals')}
      </h3>
      {goals.length === 0 ? (
        <p className="muted">{tr.t('customers.detail.noGoals')}</p>
      ) : (
        <GoalTable className="cd-goals" goals={goals} labelledBy={headingId} second="phase" />
      )}
      <p>
        <a href="#/goals" onClick={onNavigate}>
          {tr.t('customers.detail.toGoals')}
        </a>
      </p>
    </section>
  );
});
