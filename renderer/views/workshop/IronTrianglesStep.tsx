// Workshop step 4: the iron triangle (AR, SR, FR) of every breakthrough
// customer, each seat a person picker: the room can fill a seat on the spot
// (an ordinary, undoable customer edit). An empty seat is said in words, not
// only by colour.
import { observer } from 'mobx-react-lite';
import { useId, useState } from 'react';
import { OWNER_ROLES, type Customer, type OwnerRole } from '../../../shared/plan/types';
import { PersonPicker } from '../../components/PersonPicker';
import { useStores, useT } from '../../stores/context';
import type { WriteOutcome } from '../../stores/refusals';
import { breakthroughCustomers } from './breakthrough';

const Seat = observer(function Seat({ customer, role }: { customer: Customer; role: OwnerRole }) {
  const { customers, plan } = useStores();
  const tr = useT();
  const [refusal, setRefusal] = useState<WriteOutcome>(null);
  const personId = customer.owners[role];
  return (
    <td>
      <PersonPicker
        label={tr.t('workshop.seat', { role, customer: customer.name })}
        hideLabel
        value={personId}
        role={role}
        onChange={(id) => {
          const current = plan.collections.customers.plain(customer.id);
          if (!current) return;
          void customers.writes.writeCustomer(customer.id, { ...current, owners: { ...current.owners, [role]: id } }).then(setRefusal);
        }}
        message={refusal ?? undefined}
      />
      {!personId && <span className="ws-empty-note">{tr.t('workshop.emptySeat')}</span>}
    </td>
  );
});

export const IronTrianglesStep = observer(function IronTrianglesStep() {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const list = breakthroughCustomers(plan.collections.customers.plainList, plan.collections.phases.list);
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
                {OWNER_ROLES.map((r) => (
                  <Seat key={r} customer={c} role={r} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
