// Breakthrough odds both ways (the model asks for both): the chance the
// first deal is signed by the end of the breakthrough phase with the levels
// the account ladder plans for that phase, and with today's levels — from
// the latest run while it still matches the plan, else "not simulated".
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { formatPercent } from '../../../../shared/i18n';
import type { Customer } from '../../../../shared/plan/types';
import { useStores, useT } from '../../../stores/context';

export const PursuitOdds = observer(function PursuitOdds({ customer, onNavigate }: { customer: Customer; onNavigate: () => void }) {
  const { latestRun } = useStores();
  const tr = useT();
  useEffect(() => latestRun.watch(), [latestRun]);
  const state = latestRun.state;
  const pursuit = latestRun.pursuits.get(customer.id);
  const pct = (p: number) => formatPercent(p, tr.locale, 0);

  let body;
  if (state === 'loading') body = <p className="muted">{tr.t('odds.loading')}</p>;
  else if (state !== 'current')
    body = (
      <p>
        <strong>{tr.t('odds.notSimulated')}</strong>{' '}
        <span className="muted">{tr.t(state === 'stale' ? 'odds.notSimulated.stale' : 'odds.notSimulated.none')}</span>{' '}
        <a href="#/simulation" onClick={onNavigate}>
          {tr.t('odds.toSimulation')}
        </a>
      </p>
    );
  else if (!pursuit) body = <p className="muted">{tr.t('odds.notPursued')}</p>;
  else
    body = (
      <>
        <dl className="cd-odds">
          <div>
            <dt>{tr.t('odds.planned')}</dt>
            <dd className="cd-odds-value">{pct(pursuit.probability)}</dd>
          </div>
          <div>
            <dt>{tr.t('odds.today')}</dt>
            <dd className="cd-odds-value">{pct(pursuit.probabilityToday)}</dd>
          </div>
        </dl>
        {!pursuit.usesPlan && <p className="muted">{tr.t('odds.noPlan')}</p>}
      </>
    );
  return (
    <div className="cd-odds-block">
      <h4 className="cd-subtitle">{tr.t('odds.title')}</h4>
      <p className="cd-hint">{tr.t('odds.explain')}</p>
      {body}
    </div>
  );
});
