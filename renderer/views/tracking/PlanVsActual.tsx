// Plan vs actual for the chosen scope and metric: the actuals over the fan
// chart of the latest run (the Simulation screen’s chart; a segment’s band
// comes from the reforecast) with the reforecast's median dotted, then each month's actual with its percentile
// in the simulated range — months outside P10–P90 marked — and the actuals
// summed to date against the plan's P50 path.
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatMonth, formatPercent } from '../../../shared/i18n';
import { ACTUAL_METRICS, type ActualMetric } from '../../../shared/plan/types';
import type { ReforecastResult } from '../../../shared/simulation/reforecast-types';
import type { SimulationResult } from '../../../shared/simulation/types';
import { useStores, useT } from '../../stores/context';
import { actualSeries } from '../../stores/tracking/actualSeries';
import { FanChart } from '../simulation/FanChart';
import { formatMetric } from '../simulation/format';

export const PlanVsActual = observer(function PlanVsActual({ run, reforecast }: { run: SimulationResult; reforecast: ReforecastResult }) {
  const { tracking, plan } = useStores();
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  const metric = tracking.metric;
  const scope = tracking.segmentId;
  const track = reforecast.tracks.find((t) => t.metric === metric && t.segmentId === scope);
  const band = track?.simulated ?? (scope === null ? run.series[metric] : undefined);
  const actuals = actualSeries(plan.actuals, run.months, metric, scope, plan.collections.segments.plainList.map((s) => s.id));
  const checks = reforecast.checks.filter((c) => c.metric === metric && c.segmentId === scope);
  const fmt = (v: number) => formatMetric(metric, v, currency, tr.locale);
  return (
    <section className="trk-pva" aria-labelledby={id}>
      <h2 id={id} className="trk-section-title">
        {tr.t('tracking.pva.title')}
      </h2>
      {band ? (
        <FanChart
          result={run}
          band={band}
          metric={metric}
          metrics={ACTUAL_METRICS}
          onMetric={(m) => tracking.setMetric(m as ActualMetric)}
          actuals={actuals}
          reforecast={reforecast.asOf === null ? null : (track?.reforecast.p50 ?? (scope === null ? reforecast.series[metric].p50 : null))}
        />
      ) : (
        <div className="card">
          <label className="sim-inline-field">
            <span>{tr.t('tracking.pva.metric')}</span>
            <select className="select-input" value={metric} onChange={(e) => tracking.setMetric(e.target.value as ActualMetric)}>
              {ACTUAL_METRICS.map((m) => (
                <option key={m} value={m}>
                  {tr.t(`metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">{tr.t('tracking.pva.noBand')}</p>
        </div>
      )}
      {checks.length > 0 && (
        <div className="card">
          <table className="table trk-checks">
            <thead>
              <tr>
                <th scope="col">{tr.t('tracking.pva.month')}</th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.actual')}
                </th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.range')}
                </th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.p50')}
                </th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.percentile')}
                </th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.cumActual')}
                </th>
                <th scope="col" className="num">
                  {tr.t('tracking.pva.cumP50')}
                </th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => {
                const cum = track?.cumulative.find((x) => x.month === c.month);
                return (
                  <tr key={c.month} className={c.outside ? `trk-outside trk-${c.outside}` : undefined} data-month={c.month}>
                    <th scope="row">{formatMonth(c.month, tr.locale)}</th>
                    <td className="num">{fmt(c.value)}</td>
                    <td className="num">
                      {fmt(c.p10)} – {fmt(c.p90)}
                    </td>
                    <td className="num">{fmt(c.p50)}</td>
                    <td className="num">
                      {formatPercent(c.percentile, tr.locale, 0)}{' '}
                      <span className="trk-flag">{tr.t(c.outside === 'below' ? 'tracking.pva.below' : c.outside === 'above' ? 'tracking.pva.above' : 'tracking.pva.inside')}</span>
                    </td>
                    <td className="num">{cum ? fmt(cum.actual) : '—'}</td>
                    <td className="num">{cum ? fmt(cum.p50) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
