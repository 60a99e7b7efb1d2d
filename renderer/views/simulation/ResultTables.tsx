// The stored result as tables: phase totals (mean, p10, p50, p90), target
// attainment per phase (the probability as a percentage, coloured and said in
// words, with its scope and a flag on ratios that pool several funnels), and
// the funnel KPIs over the horizon per funnel and pooled (flagged).
import { observer } from 'mobx-react-lite';
import { Fragment, useId } from 'react';
import { formatPercent } from '../../../shared/i18n';
import type { SimulationResult } from '../../../shared/simulation/types';
import { KPI_METRICS } from '../../../shared/plan/types';
import { useStores, useT } from '../../stores/context';
import { describeTarget, formatMetric, likelihood } from './format';

const TOTAL_METRICS = ['bookings', 'revenue', 'cash', 'wins', 'newKeyCustomers'] as const;
const STATS = ['mean', 'p10', 'p50', 'p90'] as const;

export const PhaseTotalsTable = observer(function PhaseTotalsTable({ result }: { result: SimulationResult }) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.totals.title')}
      </h2>
      <div className="table-scroll">
        <table className="table sim-totals" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{tr.t('simulation.col.phase')}</th>
              <th scope="col">{tr.t('simulation.col.metric')}</th>
              {STATS.map((s) => (
                <th key={s} scope="col" className="num">
                  {tr.t(`simulation.col.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.phases.map((p) => (
              <Fragment key={p.id}>
                {TOTAL_METRICS.map((m, i) => (
                  <tr key={m} data-phase={p.id} data-metric={m} className={i === 0 ? 'sim-phase-first' : undefined}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={TOTAL_METRICS.length}>
                        {plan.collections.phases.get(p.id)?.name ?? p.id}
                      </th>
                    )}
                    <th scope="row">{tr.t(`metric.${m}`)}</th>
                    {STATS.map((s) => (
                      <td key={s} className="num">
                        {formatMetric(m, p.totals[m][s], currency, tr.locale)}
                      </td>
                    ))}
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
});

export const AttainmentTable = observer(function AttainmentTable({ result }: { result: SimulationResult }) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  const rows = result.phases.flatMap((p) => p.targets.map((t) => ({ phase: p.id, t })));
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.attainment.title')}
      </h2>
      <p className="muted">{tr.t('simulation.attainment.intro')}</p>
      {rows.length === 0 ? (
        <p className="muted">{tr.t('simulation.attainment.none')}</p>
      ) : (
        <table className="table sim-attainment" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{tr.t('simulation.col.phase')}</th>
              <th scope="col">{tr.t('simulation.col.target')}</th>
              <th scope="col" className="num">
                {tr.t('simulation.col.probability')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ phase, t }) => {
              const level = likelihood(t.probability);
              return (
                <tr key={t.id} data-target={t.id}>
                  <td>{plan.collections.phases.get(phase)?.name ?? phase}</td>
                  <th scope="row">
                    {describeTarget(tr, t.metric, t.value, currency)}
                    {t.funnelId !== null && ` · ${plan.collections.funnels.get(t.funnelId)?.name ?? t.funnelId}`}
                    {t.segmentId !== null && ` · ${plan.collections.segments.get(t.segmentId)?.name ?? t.segmentId}`}
                    {t.pooled && <PooledFlag />}
                  </th>
                  <td className="num">
                    <span className={`sim-prob sim-prob-${level}`}>
                      <strong>{formatPercent(t.probability, tr.locale, 0)}</strong> {tr.t(`simulation.attainment.${level}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
});

/** Says beside a ratio that it pools the deals of several funnels (simulation-model.md). */
function PooledFlag() {
  const tr = useT();
  return (
    <span className="sim-pooled" title={tr.t('simulation.pooledHint')}>
      {' '}
      ⚠ {tr.t('simulation.pooled')}
    </span>
  );
}

export const KpiList = observer(function KpiList({ result }: { result: SimulationResult }) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  // Each funnel, and all funnels together (flagged when that pools several).
  const scopes = result.scopes.filter((s) => s.kind !== 'segment');
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.kpis.title')}
      </h2>
      {scopes.map((scope) => (
        <section key={scope.id ?? ''} data-scope={scope.id ?? 'all'} aria-label={scopeName(scope)}>
          <h3 className="fx-section-title">
            {scopeName(scope)}
            {scope.pooled && <PooledFlag />}
          </h3>
          <dl className="sim-kpis">
            {KPI_METRICS.map((k) => {
              const s = scope.kpis[k];
              const fmt = (v: number | null) => formatMetric(k, v, currency, tr.locale);
              return (
                <div key={k} className="fact" data-kpi={k}>
                  <dt>{tr.t(`metric.${k}`)}</dt>
                  <dd>{s.mean === null ? tr.t('simulation.kpis.undefined') : fmt(s.mean)}</dd>
                  {s.p10 !== null && s.p90 !== null && <dd className="sim-kpi-range">{tr.t('simulation.kpis.range', { p10: fmt(s.p10), p90: fmt(s.p90) })}</dd>}
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </section>
  );

  function scopeName(scope: SimulationResult['scopes'][number]): string {
    return scope.id === null ? tr.t('simulation.kpis.allFunnels') : (plan.collections.funnels.get(scope.id)?.name ?? scope.id);
  }
});
