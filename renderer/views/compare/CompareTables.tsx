// The comparison's tables: phase totals (means), the probability of each
// target, and the KPIs per funnel (then all funnels pooled) — one column per scenario, each value with its
// difference from the first column, signed, said in words for screen
// readers, and coloured green when better, red when worse (shorter cycles are better).
import { observer } from 'mobx-react-lite';
import { useId } from 'react';
import { formatNumber, formatPercent } from '../../../shared/i18n';
import type { Locale } from '../../../shared/i18n';
import { attainmentRows, kpiRows, totalsRows, type CompareCell, type CompareRow } from '../../stores/compare/compareRows';
import type { Comparison } from '../../stores/compare/CompareStore';
import { useStores, useT } from '../../stores/context';
import { describeTarget, formatMetric } from '../simulation/format';
import { useScenarioLabel } from './labels';

type Kind = 'amount' | 'probability';

function deltaText(cell: CompareCell, row: CompareRow, locale: Locale, points: (n: string) => string): string {
  if (cell.delta === null) return '';
  if (cell.direction === 'same') return '±0';
  const sign = cell.delta > 0 ? '+' : '\u2212';
  const abs = Math.abs(cell.delta);
  // Points: the difference of two percentages (40 % → 52 % is +12 pts), in whole points or one decimal when small.
  return row.deltaKind === 'points' ? `${sign}${points(formatNumber(abs * 100, locale, abs < 0.1 ? 1 : 0))}` : `${sign}${formatPercent(abs, locale, 1)}`;
}

const Table = observer(function Table({
  title,
  rows,
  kind,
  comparison,
  rowHead,
  firstColumn,
}: {
  firstColumn: string;
  title: string;
  rows: CompareRow[];
  kind: Kind;
  comparison: Comparison;
  rowHead: (row: CompareRow) => [string, string];
}) {
  const { plan } = useStores();
  const tr = useT();
  const id = useId();
  const label = useScenarioLabel();
  const currency = plan.settings?.currency ?? 'CNY';
  const points = (n: string) => tr.t('compare.points', { n });
  const value = (row: CompareRow, v: number | null) => (kind === 'probability' ? (v === null ? '—' : formatPercent(v, tr.locale, 0)) : formatMetric(row.metric, v, currency, tr.locale));
  return (
    <section className="cmp-table-block" aria-labelledby={id}>
      <h3 id={id} className="cmp-table-title">
        {title}
      </h3>
      <div className="table-scroll">
        <table className="table cmp-table" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              <th scope="col">{kind === 'probability' ? tr.t('simulation.col.target') : tr.t('simulation.col.metric')}</th>
              {comparison.columns.map((c, i) => (
                <th key={c.key ?? ''} scope="col" className="num" data-col={i}>
                  <span className={`cmp-swatch cmp-swatch-${i}`} aria-hidden="true" /> {label(c.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const [phase, what] = rowHead(row);
              return (
                <tr key={row.key} data-row={row.key}>
                  <td>{phase}</td>
                  <th scope="row">{what}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i} className={`num cmp-cell cmp-${cell.verdict}`} data-col={i} data-direction={i === 0 ? undefined : cell.direction}>
                      <span className="cmp-value">{value(row, cell.value)}</span>
                      {i > 0 && cell.delta !== null && (
                        <span className="cmp-delta">
                          {deltaText(cell, row, tr.locale, points)}
                          <span className="visually-hidden"> {tr.t(`compare.${cell.direction}`)}
                          {cell.verdict !== 'same' && `, ${tr.t(`compare.${cell.verdict}`)}`}</span>
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});

export const CompareTables = observer(function CompareTables({ comparison }: { comparison: Comparison }) {
  const { plan } = useStores();
  const tr = useT();
  const results = comparison.columns.map((c) => c.result);
  const currency = plan.settings?.currency ?? 'CNY';
  const phaseName = (id: string | null) => (id === null ? tr.t('compare.horizon') : (plan.collections.phases.get(id)?.name ?? id));
  const attainment = attainmentRows(results);
  const scopeName = (r: CompareRow) => {
    const id = r.scope?.funnelId ?? null;
    const name = id === null ? tr.t('simulation.kpis.allFunnels') : (plan.collections.funnels.get(id)?.name ?? id);
    return r.scope?.pooled ? `${name} (${tr.t('simulation.pooled')})` : name;
  };
  return (
    <div className="cmp-tables">
      <Table
        title={tr.t('compare.totals')}
        rows={totalsRows(results)}
        kind="amount"
        comparison={comparison}
        rowHead={(r) => [phaseName(r.phaseId), tr.t(`metric.${r.metric}`)]}
        firstColumn={tr.t('simulation.col.phase')}
      />
      {attainment.length > 0 && (
        <Table
          title={tr.t('compare.attainment')}
          rows={attainment}
          kind="probability"
          comparison={comparison}
          rowHead={(r) => [phaseName(r.phaseId), describeTarget(tr, r.metric, r.target!.value, currency)]}
          firstColumn={tr.t('simulation.col.phase')}
        />
      )}
      <Table
        title={tr.t('compare.kpis')}
        rows={kpiRows(results)}
        kind="amount"
        comparison={comparison}
        rowHead={(r) => [scopeName(r), tr.t(`metric.${r.metric}`)]}
        firstColumn={tr.t('compare.funnel')}
      />
    </div>
  );
});
