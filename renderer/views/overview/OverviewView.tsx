// The summary of the open plan: what it is, its phases in order, its target
// customers per tier with their potential, and how much of each kind it holds.
// Everything comes from PlanStore's computed getters; this only renders.
import { observer } from 'mobx-react-lite';
import { addMonths } from '../../../shared/plan/months';
import { formatMoney, formatMonthRange } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { CountsList } from './CountsList';
import { PhasesTable } from './PhasesTable';
import { TiersTable } from './TiersTable';

export const OverviewView = observer(function OverviewView() {
  const { plan } = useStores();
  const tr = useT();
  const settings = plan.settings;
  if (!settings) return null;
  const locale = tr.locale;
  const lastMonth = addMonths(settings.startMonth, settings.horizonMonths - 1);
  return (
    <div className="view">
      <h1 className="view-title">{tr.t('overview.title')}</h1>
      <section className="card plan-summary" aria-labelledby="plan-name">
        <h2 id="plan-name" className="plan-name">
          {settings.name}
        </h2>
        <p className="plan-description">{settings.description || tr.t('overview.noDescription')}</p>
        <dl className="facts">
          <div className="fact">
            <dt>{tr.t('overview.currency')}</dt>
            <dd>{settings.currency}</dd>
          </div>
          <div className="fact">
            <dt>{tr.t('overview.horizon')}</dt>
            <dd>{tr.tn('overview.months', settings.horizonMonths)}</dd>
          </div>
          <div className="fact">
            <dt>{tr.t('overview.period')}</dt>
            <dd>{formatMonthRange(settings.startMonth, lastMonth, locale)}</dd>
          </div>
          <div className="fact fact-wide">
            <dt>{tr.t('overview.totalPotential')}</dt>
            <dd>
              <span className="figure" title={formatMoney(plan.totalPotential, settings.currency, locale)}>
                {formatMoney(plan.totalPotential, settings.currency, locale, { compact: true })}
              </span>
              <span className="figure-note">{tr.tn('overview.customersNote', plan.counts.customers)}</span>
            </dd>
          </div>
        </dl>
      </section>
      <div className="overview-grid">
        <PhasesTable />
        <TiersTable />
      </div>
      <CountsList />
    </div>
  );
});
