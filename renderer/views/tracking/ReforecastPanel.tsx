// The odds of every target given what has happened, beside the odds as
// planned, with the effective sample size; below ESS_WARNING the plan's
// assumptions no longer explain the actuals, and the panel says so and
// points to calibration (the Funnels screen).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatMonth, formatNumber, formatPercent } from '../../../shared/i18n';
import { ESS_WARNING, type ReforecastResult } from '../../../shared/simulation/reforecast-types';
import { useStores, useT } from '../../stores/context';
import { describeTarget } from '../simulation/format';

export const ReforecastPanel = observer(function ReforecastPanel({ result, updating }: { result: ReforecastResult; updating: boolean }) {
  const { plan, ui, calibration } = useStores();
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  const low = result.asOf !== null && result.ess < ESS_WARNING;
  return (
    <section className="card" aria-labelledby={id} aria-busy={updating}>
      <h2 id={id} className="card-title">
        {tr.t('tracking.reforecast.title')} {updating && <span className="muted trk-updating">{tr.t('tracking.reforecast.updating')}</span>}
      </h2>
      {result.asOf === null ? (
        <p className="muted">{tr.t('tracking.reforecast.none')}</p>
      ) : (
        <>
          <p className="muted">{tr.t('tracking.reforecast.asOf', { month: formatMonth(result.asOf, tr.locale), trials: result.trials, seed: String(result.seed) })}</p>
          <p className="trk-ess" data-ess={result.ess}>
            {tr.t('tracking.reforecast.ess', { ess: formatNumber(result.ess, tr.locale, 0), trials: result.trials })}
          </p>
        </>
      )}
      {low && (
        <div className="trk-ess-low" role="alert">
          <p>{tr.t('tracking.reforecast.essLow', { min: ESS_WARNING })}</p>
          <button type="button" className="button" onClick={() => {
              ui.setView('funnels');
              calibration.open();
            }}>
            {tr.t('tracking.reforecast.calibrate')}
          </button>
        </div>
      )}
      {result.targets.length === 0 ? (
        <p className="muted">{tr.t('tracking.reforecast.noTargets')}</p>
      ) : (
        <table className="table trk-odds" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{tr.t('tracking.reforecast.phase')}</th>
              <th scope="col">{tr.t('tracking.reforecast.target')}</th>
              <th scope="col" className="num">
                {tr.t('tracking.reforecast.planned')}
              </th>
              <th scope="col" className="num">
                {tr.t('tracking.reforecast.now')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.targets.map((t) => (
              <tr key={t.id} data-target={t.id}>
                <td>{plan.collections.phases.get(t.phaseId)?.name ?? t.phaseId}</td>
                <th scope="row">
                  {describeTarget(tr, t.metric, t.value, currency)}
                  {t.funnelId !== null && ` · ${plan.collections.funnels.get(t.funnelId)?.name ?? t.funnelId}`}
                  {t.segmentId !== null && ` · ${plan.collections.segments.get(t.segmentId)?.name ?? t.segmentId}`}
                </th>
                <td className="num">{formatPercent(t.probability, tr.locale, 0)}</td>
                <td className="num">
                  <strong>{formatPercent(t.reforecast, tr.locale, 0)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
