import { observer } from 'mobx-react-lite';
import { formatMoney, formatNumber } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';

/** Target customers per tier (S 战略 / A 核心 / B 成长 / C 一般) with their potential. */
export const TiersTable = observer(function TiersTable() {
  const { plan } = useStores();
  const tr = useT();
  const currency = plan.settings?.currency ?? '';
  const locale = tr.locale;
  return (
    <section className="card" aria-labelledby="tiers-heading">
      <h2 id="tiers-heading" className="card-title">
        {tr.t('overview.tiersHeading')}
      </h2>
      <table className="table" aria-labelledby="tiers-heading">
        <thead>
          <tr>
            <th scope="col">{tr.t('overview.tier')}</th>
            <th scope="col" className="num">
              {tr.t('overview.tierCount')}
            </th>
            <th scope="col" className="num">
              {tr.t('overview.tierPotential')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.tierSummary.map((row) => (
            <tr key={row.tier}>
              <th scope="row">
                <span className={`tier-badge tier-${row.tier}`} aria-hidden="true">
                  {row.tier}
                </span>
                {tr.t(`tier.${row.tier}`)}
              </th>
              <td className="num">{formatNumber(row.count, locale)}</td>
              <td className="num">{formatMoney(row.potential, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{tr.t('overview.total')}</th>
            <td className="num">{formatNumber(plan.counts.customers, locale)}</td>
            <td className="num">{formatMoney(plan.totalPotential, currency, locale)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
});
