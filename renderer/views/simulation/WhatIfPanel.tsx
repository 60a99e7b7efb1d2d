// Live what-if: four sliders (multipliers on top of the chosen scenario) and
// the expected orders, revenue and cash per phase, recomputed as they move.
// Expected values only — said plainly, since there is no uncertainty here.
import { observer } from 'mobx-react-lite';
import { Fragment, useId } from 'react';
import { formatNumber, formatPercent } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { WHAT_IF_FACTORS, WHAT_IF_MAX, WHAT_IF_MIN, WHAT_IF_STEP } from '../../stores/simulation/WhatIfStore';
import { formatMetric } from './format';

const MONEY = ['bookings', 'revenue', 'cash'] as const;
const signed = (text: string, delta: number) => (delta > 0 ? `+${text}` : text);

export const WhatIfPanel = observer(function WhatIfPanel() {
  const { simulation, plan } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  const id = useId();
  const currency = plan.settings?.currency ?? 'CNY';
  const fmt = (v: number) => formatMetric('bookings', v, currency, tr.locale);
  return (
    <section className="card sim-whatif" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.whatIf.title')}
      </h2>
      <p className="sim-honest">{tr.t('simulation.whatIf.honest')}</p>
      <div className="sim-sliders">
        {WHAT_IF_FACTORS.map((f) => (
          <label key={f} className="sim-slider">
            <span className="sim-slider-name">{tr.t(`simulation.whatIf.${f}`)}</span>
            <input
              type="range"
              min={WHAT_IF_MIN}
              max={WHAT_IF_MAX}
              step={WHAT_IF_STEP}
              value={w.factors[f]}
              aria-valuetext={tr.t('simulation.whatIf.factor', { factor: formatNumber(w.factors[f], tr.locale, 2) })}
              onChange={(e) => w.setFactor(f, Number(e.target.value))}
            />
            <output className="sim-slider-value">{tr.t('simulation.whatIf.factor', { factor: formatNumber(w.factors[f], tr.locale, 2) })}</output>
          </label>
        ))}
        <button type="button" className="button" disabled={!w.changed} onClick={() => w.reset()}>
          {tr.t('simulation.whatIf.reset')}
        </button>
      </div>
      {w.error && <p className="refused">{w.error}</p>}
      {w.base && w.current && (
        <table className="table sim-whatif-table" aria-label={tr.t('simulation.whatIf.table')}>
          <thead>
            <tr>
              <th scope="col">{tr.t('simulation.col.phase')}</th>
              <th scope="col">{tr.t('simulation.col.metric')}</th>
              <th scope="col" className="num">
                {tr.t('simulation.whatIf.base')}
              </th>
              <th scope="col" className="num">
                {tr.t('simulation.whatIf.withChanges')}
              </th>
              <th scope="col" className="num">
                {tr.t('simulation.whatIf.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {w.current.phases.map((p, pi) => (
              <Fragment key={p.id}>
                {MONEY.map((m, i) => {
                  const before = w.base!.phases[pi]?.totals[m].mean ?? 0;
                  const after = p.totals[m].mean;
                  return (
                    <tr key={m} data-phase={p.id} data-metric={m}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={MONEY.length}>
                          {plan.collections.phases.get(p.id)?.name ?? p.id}
                        </th>
                      )}
                      <th scope="row">{tr.t(`metric.${m}`)}</th>
                      <td className="num">{fmt(before)}</td>
                      <td className="num" data-testid="what-if-value">
                        {fmt(after)}
                      </td>
                      <td className="num">{before > 0 ? signed(formatPercent(after / before - 1, tr.locale, 1), after - before) : '—'}</td>
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
