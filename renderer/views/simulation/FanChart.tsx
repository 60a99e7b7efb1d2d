// One metric per month: the p10–p90 band, the median as a line, the mean
// dashed, and the actuals when there are (points outside P10–P90 in their own
// colour). The text summary says the same for screen readers. The Tracking
// screen reuses it with a segment's band and its own metric choice.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { useId, useMemo } from 'react';
import { escapeHtml, formatMonth } from '../../../shared/i18n';
import { SERIES_METRICS, type SeriesMetric } from '../../../shared/plan/types';
import type { SeriesStats, SimulationResult } from '../../../shared/simulation/types';
import { EChart } from '../../components/EChart';
import { useStores, useT } from '../../stores/context';
import { formatMetric, monthAxis } from './format';

registerChartParts([LineChart, GridComponent, LegendComponent, TooltipComponent]);

const BAND = '#a6c9ec';
const MEDIAN = '#154a86';
const MEAN = '#b45309';
const ACTUAL = '#0f766e';
const OUTSIDE = '#b91c1c';
const REFORECAST = '#7c3aed';

export interface FanChartProps {
  result: SimulationResult;
  /** The band to draw instead of the result's pooled series (a segment's, from the reforecast). */
  band?: SeriesStats;
  /** A metric chosen elsewhere (Tracking), with its choices; default: the Simulation screen's. */
  metric?: SeriesMetric;
  metrics?: readonly SeriesMetric[];
  onMetric?: (m: SeriesMetric) => void;
  /** Actuals per horizon month (null: none), drawn over the band. */
  actuals?: readonly (number | null)[] | null;
  /** The reforecast's median per month (Tracking), a dotted line. */
  reforecast?: readonly number[] | null;
}

export const FanChart = observer(function FanChart({ result, band, metric: chosen, metrics = SERIES_METRICS, onMetric, actuals, reforecast }: FanChartProps) {
  const { simulation: sim, plan } = useStores();
  const tr = useT();
  const id = useId();
  const metric = chosen ?? sim.metric;
  const setMetric = onMetric ?? ((m: SeriesMetric) => sim.setMetric(m));
  const currency = plan.settings?.currency ?? 'CNY';
  const locale = tr.locale;
  const { option, summary } = useMemo(() => {
    const names = {
      band: tr.t('simulation.fan.band'),
      p50: tr.t('simulation.fan.p50'),
      mean: tr.t('simulation.fan.mean'),
      actual: tr.t('tracking.fan.actual'),
      reforecast: tr.t('tracking.fan.reforecast'),
    };
    const s = band ?? result.series[metric];
    const outside = (i: number) => actuals?.[i] != null && (actuals[i]! < s.p10[i]! || actuals[i]! > s.p90[i]!);
    const hasActuals = !!actuals?.some((v) => v !== null);
    const fmt = (v: number) => formatMetric(metric, v, currency, locale);
    const months = result.months;
    const option: EChartsCoreOption = {
      animation: false,
      grid: { left: 72, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, data: [names.band, names.p50, names.mean, ...(hasActuals ? [names.actual] : []), ...(reforecast ? [names.reforecast] : [])] },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          return [
            formatMonth(months[i]!, locale),
            `${names.p50}: ${fmt(s.p50[i]!)}`,
            `${names.band}: ${fmt(s.p10[i]!)} – ${fmt(s.p90[i]!)}`,
            `${names.mean}: ${fmt(s.mean[i]!)}`,
            ...(reforecast ? [`${names.reforecast}: ${fmt(reforecast[i]!)}`] : []),
            ...(actuals?.[i] != null ? [`${names.actual}: ${fmt(actuals[i]!)}${outside(i) ? ` (${tr.t('tracking.fan.outside')})` : ''}`] : []),
          ]
            .map(escapeHtml)
            .join('<br/>');
        },
      },
      xAxis: monthAxis(months, locale),
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
      series: [
        // The band: p10 as an invisible base, p90 − p10 stacked on it and filled.
        { name: names.band, type: 'line', data: s.p10, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', itemStyle: { color: BAND } },
        {
          name: names.band,
          type: 'line',
          data: s.p90.map((v, i) => v - s.p10[i]!),
          stack: 'band',
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND, opacity: 0.6 },
          symbol: 'none',
          itemStyle: { color: BAND },
        },
        { name: names.p50, type: 'line', data: s.p50, symbol: 'none', lineStyle: { width: 2, color: MEDIAN }, itemStyle: { color: MEDIAN } },
        { name: names.mean, type: 'line', data: s.mean, symbol: 'none', lineStyle: { width: 1.5, type: 'dashed', color: MEAN }, itemStyle: { color: MEAN } },
        ...(hasActuals
          ? [
              {
                name: names.actual,
                type: 'line',
                data: actuals!.map((v, i) => (v === null ? null : { value: v, itemStyle: { color: outside(i) ? OUTSIDE : ACTUAL } })),
                symbol: 'circle',
                symbolSize: 8,
                lineStyle: { width: 2, color: ACTUAL },
                itemStyle: { color: ACTUAL },
                z: 5,
              },
            ]
          : []),
        ...(reforecast
          ? [{ name: names.reforecast, type: 'line', data: reforecast, symbol: 'none', lineStyle: { width: 2, type: 'dotted', color: REFORECAST }, itemStyle: { color: REFORECAST } }]
          : []),
      ],
    };
    let peak = 0;
    s.p50.forEach((v, i) => (v > s.p50[peak]! ? (peak = i) : undefined));
    const t = band ? null : result.totals[metric];
    const shown = actuals ? actuals.filter((v) => v !== null).length : 0;
    const actualsText = shown > 0 ? ` ${tr.t('tracking.fan.actualsSummary', { count: shown, outside: s.p10.filter((_, i) => outside(i)).length })}` : '';
    const summary = (t === null ? '' : tr.t('simulation.fan.summary', {
      metric: tr.t(`metric.${metric}`),
      from: formatMonth(months[0]!, locale),
      to: formatMonth(months.at(-1)!, locale),
      p50: fmt(t.p50),
      p10: fmt(t.p10),
      p90: fmt(t.p90),
      peak: fmt(s.p50[peak]!),
      peakMonth: formatMonth(months[peak]!, locale),
    })) + actualsText;
    return { option, summary };
    // The result object is immutable once loaded; language, metric and currency are the other inputs.
  }, [result, band, actuals, reforecast, metric, currency, locale, tr]);
  return (
    <section className="card" aria-labelledby={id}>
      <div className="sim-card-head">
        <h2 id={id} className="card-title">
          {tr.t('simulation.fan.title')}
        </h2>
        <label className="sim-inline-field">
          <span>{tr.t('simulation.fan.metric')}</span>
          <select className="select-input" value={metric} onChange={(e) => setMetric(e.target.value as SeriesMetric)}>
            {metrics.map((m) => (
              <option key={m} value={m}>
                {tr.t(`metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EChart option={option} label={`${tr.t('simulation.fan.title')}: ${tr.t(`metric.${metric}`)}`} summary={summary} className="sim-fan" />
    </section>
  );
});
