// The what-if totals table, shared by the Simulation screen's what-if panel
// and the workshop's what-if step: per phase, the expected orders, revenue and
// cash before and with the sliders' changes. The panel adds a change column;
// the workshop marks each value better or worse for the room to see at a glance.
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import { formatPercent } from '../../../shared/i18n';
import { useStores, useT } from '../../stores/context';
import { formatMetric } from './format';

const SHOWN = ['bookings', 'revenue', 'cash'] as const;
const signed = (text: string, delta: number) => (delta > 0 ? `+${text}` : text);

type Props = {
  className: string;
  /** Named by a visible heading (its id), else by the table's own label. */
  labelledBy?: string;
  /** The "change" column (percent against the base). */
  showChange?: boolean;
  /** Mark a value that moved up or down (cmp-better / cmp-worse). */
  markMoves?: boolean;
};

export const WhatIfTotals = observer(function WhatIfTotals({ className, labelledBy, showChange = false, markMoves = false }: Props) {
  const { simulation, plan } = useStores();
  const w = simulation.whatIf;
  const tr = useT();
  const currency = plan.settings?.currency ?? 'CNY';
  if (!w.base || !w.current) return null;
  const base = w.base;
  const name = labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': tr.t('simulation.whatIf.table') };
  const moved = (before: number, after: number) => (!markMoves ? '' : after > before ? 'cmp-better' : after < before ? 'cmp-worse' : '');
  return (
    <table className={`table ${className}`} {...name}>
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
          {showChange && (
            <th scope="col" className="num">
              {tr.t('simulation.whatIf.change')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {w.current.phases.map((p, pi) => (
          <Fragment key={p.id}>
            {SHOWN.map((m, i) => {
              const before = base.phases[pi]?.totals[m].mean ?? 0;
              const after = p.totals[m].mean;
              return (
                <tr key={m} data-phase={p.id} data-metric={m}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={SHOWN.length}>
                      {plan.collections.phases.get(p.id)?.name ?? p.id}
                    </th>
                  )}
                  <th scope="row">{tr.t(`metric.${m}`)}</th>
                  <td className="num">{formatMetric(m, before, currency, tr.locale)}</td>
                  <td className={`num ${moved(before, after)}`.trim()} data-testid="what-if-value">
                    {formatMetric(m, after, currency, tr.locale)}
                  </td>
                  {showChange && <td className="num">{before > 0 ? signed(formatPercent(after / before - 1, tr.locale, 1), after - before) : '—'}</td>}
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
});
