// Workshop step 4: the iron triangle (AR, SR, FR) of every breakthrough
// customer; an empty seat is said in words, not only by colour.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { OWNER_ROLES } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import { breakthroughCustomers } from './breakthrough';

export const IronTrianglesStep = observer(function IronTrianglesStep() {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const list = breakthroughCustomers(plan.collections.customers.list, plan.collections.phases.list);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('workshop.triangles')}
      </h2>
      {list.length === 0 ? (
        <p className="muted">{tr.t('workshop.noBreakthrough')}</p>
      ) : (
        <table className="table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{tr.t('workshop.customer')}</th>
              <th scope="col">{tr.t('simulation.col.phase')}</th>
              {OWNER_ROLES.map((r) => (
                <th key={r} scope="col">
                  {tr.t(`role.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{plan.collections.phases.get(c.breakthroughPhaseId!)?.name}</td>
                {OWNER_ROLES.map((r) => {
                  const person = c.owners[r] ? plan.collections.people.get(c.owners[r]!) : undefined;
                  return (
                    <td key={r} className={person ? undefined : 'ws-empty-seat'}>
                      {person?.name ?? tr.t('workshop.emptySeat')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
