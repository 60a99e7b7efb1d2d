// Workshop step 1: the plan in one screen — what it is, its phases, its
// target customers per tier and how much it holds (the Overview's parts).
import { observer } from 'mobx-react-lite';
import { formatMonthRange } from '../../../shared/i18n';
import { addMonths } from '../../../shared/plan/months';
import { useStores, useT } from '../../stores/context';
import { CountsList } from '../overview/CountsList';
import { PhasesTable } from '../overview/PhasesTable';
import { TiersTable } from '../overview/TiersTable';

export const PlanStep = observer(function PlanStep() {
  const { plan } = useStores();
  const tr = useT();
  const s = plan.settings!;
  return (
    <div className="ws-grid">
      <section className="card">
        <h2 className="card-title">{s.name}</h2>
        <p>{s.description || tr.t('overview.noDescription')}</p>
        <p className="ws-big">{formatMonthRange(s.startMonth, addMonths(s.startMonth, s.horizonMonths - 1), tr.locale)}</p>
      </section>
      <CountsList />
      <PhasesTable />
      <TiersTable />
    </div>
  );
});
