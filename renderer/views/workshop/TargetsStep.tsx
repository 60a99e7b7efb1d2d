// Workshop step 3: the target customers — the tier pyramid and the
// breakthrough list (who is pursued in which phase, tier and potential).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatMoney } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { TierPyramid } from '../customers/charts/TierPyramid';
import { breakthroughCustomers } from './breakthrough';

export const TargetsStep = observer(function TargetsStep() {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const list = breakthroughCustomers(plan.collections.customers.plainList, plan.collections.phases.list);
  const currency = plan.settings?.currency ?? 'CNY';
  return (
    <div className="ws-grid">
      <section className="card">
        <TierPyramid />
      </section>
      <section className="card" aria-labelledby={id}>
        <h2 id={id} className="card-title">
          {tr.t('workshop.breakthrough')}
        </h2>
        {list.length === 0 ? (
          <p className="muted">{tr.t('workshop.noBreakthrough')}</p>
        ) : (
          <table className="table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{tr.t('simulation.col.phase')}</th>
                <th scope="col">{tr.t('workshop.customer')}</th>
                <th scope="col">{tr.t('workshop.tier')}</th>
                <th scope="col" className="num">
                  {tr.t('workshop.potential')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{plan.collections.phases.get(c.breakthroughPhaseId!)?.name}</td>
                  <th scope="row">{c.name}</th>
                  <td>{tr.t(`tier.${c.tier}`)}</td>
                  <td className="num">{formatMoney(c.potential, currency, tr.locale, { compact: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
});
