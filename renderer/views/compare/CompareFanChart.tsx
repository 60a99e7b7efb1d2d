// The compared scenarios' fan charts in one: per scenario a P10–P90 band and
// the median, one colour each (the same colours as the table headings). The
// text summary gives each scenario's median total and band.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { useId, useMemo } from 'react';
import { formatMonth } from '../../../shared/i18n';
import { SERIES_METRICS, type SeriesMetric } from '../../../shared/plan/types';
import { EChart } from '../../components/EChart';
import { LabelledSelect } from '../../components/LabelledSelect';
import type { Comparison } from '../../stores/compare/CompareStore';
import { useStores, useT } from '../../stores/context';
import { formatMetric, monthAxis } from '../simulation/format';
import { useScenarioLabel } from './labels';

registerChartParts([LineChart, GridComponent, LegendComponent, TooltipComponent]);

/** One colour per column; kept in step with .cmp-swatch-N in compare.css. */
export const COMPARE_COLOURS = ['#154a86', '#b45309', '#0f7b4f', '#8e2a8e'] as const;

export const CompareFanChart = observer(function CompareFanChart({ comparison }: { comparison: Comparison }) {
  const { simulation: sim, plan } = useStores();
  const tr = useT();
  const id = useId();
  const label = useScenarioLabel();
  const metric = sim.metric;
  const currency = plan.settings?.currency ?? 'CNY';
  const locale = tr.locale;
  const names = comparison.columns.map((c) => label(c.key));
  const namesKey = names.join('\u0000');
  const { option, summary } = useMemo(() => {
    const fmt = (v: number) => formatMetric(metric, v, currency, locale);
    const months = comparison.columns[0]!.result.months;
    const series = comparison.columns.flatMap((c, i) => {
      const s = c.result.series[metric];
      const colour = COMPARE_COLOURS[i % COMPARE_COLOURS.length]!;
      const name = names[i]!;
      return [
        { name, type: 'line', data: s.p10, stack: `band-${i}`, lineStyle: { opacity: 0 }, symbol: 'none', itemStyle: { color: colour }, tooltip: { show: false } },
        {
          name,
          type: 'line',
          data: s.p90.map((v, j) => v - s.p10[j]!),
          stack: `band-${i}`,
          lineStyle: { opacity: 0 },
          areaStyle: { color: colour, opacity: 0.15 },
          symbol: 'none',
          itemStyle: { color: colour },
        },
        { name, type: 'line', data: s.p50, symbol: 'none', lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour } },
      ];
    });
    const option: EChartsCoreOption = {
      animation: false,
      grid: { left: 72, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, data: names },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          return [
            formatMonth(months[i]!, locale),
            ...comparison.columns.map((c, k) => {
              const s = c.result.series[metric];
              return `${names[k]}: ${fmt(s.p50[i]!)} (${fmt(s.p10[i]!)} – ${fmt(s.p90[i]!)})`;
            }),
          ].join('<br/>');
        },
      },
      xAxis: monthAxis(months, locale),
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
      series,
    };
    const summary = comparison.columns
      .map((c, k) => {
        const t = c.result.totals[metric];
        return tr.t('compare.fanSummary', { scenario: names[k]!, p50: fmt(t.p50), p10: fmt(t.p10), p90: fmt(t.p90) });
      })
      .join(' ');
    return { option, summary };
    // Results are immutable once loaded; names are compared by their joined text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comparison, metric, currency, locale, tr, namesKey]);
  return (
    <section className="cmp-fan" aria-labelledby={id}>
      <div className="sim-card-head">
        <h3 id={id} className="cmp-table-title">
          {tr.t('compare.fanTitle')}
        </h3>
        <LabelledSelect label={tr.t('simulation.fan.metric')} layout="bar" value={metric} onChange={(v) => sim.setMetric(v as SeriesMetric)}>
          {SERIES_METRICS.map((m) => (
            <option key={m} value={m}>
              {tr.t(`metric.${m}`)}
            </option>
          ))}
        </LabelledSelect>
      </div>
      <EChart option={option} label={`${tr.t('compare.fanTitle')}: ${tr.t(`metric.${metric}`)}`} summary={summary} className="sim-fan" />
    </section>
  );
});
