// Readiness × potential: one point per customer (x the readiness the
// simulation uses, y the potential, log scale when every potential is
// positive), coloured by tier. Clicking a point filters the table to that
// customer; a box drawn with the brush filters it to the box's ranges.
// After an edit only the changed points move (scatterPoints.ts) and only
// their tier's series is given to ECharts again; the whole option is rebuilt
// when the customers, the language, the currency or the axis type change.
import { BrushComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { escapeHtml, formatMoney, formatNumber } from '../../../../shared/i18n';
import { TIERS } from '../../../../shared/plan/types';
import { READINESS_MAX, READINESS_MIN } from '../../../../shared/simulation';
import { EChart } from '../../../components/EChart';
import { useStores, useT } from '../../../stores/context';
import { formatReadiness } from '../grid/cells';
import { registerKeptScatter } from './keptScatterView';
import { ScatterPoints } from './scatterPoints';
import { TIER_COLORS } from './TierPyramid';

// Canvas: tens of thousands of points would be as many SVG elements.
registerChartParts([CanvasRenderer, GridComponent, TooltipComponent, LegendComponent, BrushComponent, ToolboxComponent]);
registerKeptScatter();

/** Customers above which the chart draws in large mode. */
const LARGE_PLAN = 2000;

export const ReadinessScatter = observer(function ReadinessScatter() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const rows = view.allRows;
  const [points] = useState(() => new ScatterPoints());
  points.sync(rows);
  const { layout, count, log } = points;
  const chart = useRef<EChartsType | null>(null);
  const onChart = useCallback((c: EChartsType | null) => (chart.current = c), []);
  const currency = plan.settings?.currency ?? '';
  const money = useCallback((v: number) => formatMoney(v, currency, tr.locale, { compact: true }), [currency, tr]);
  const readinessText = useCallback((v: number) => formatReadiness(v, tr), [tr]);

  const option = useMemo(() => {
    // Many points: drawn as one path per tier (large mode), each tier on a canvas layer of its own.
    const large = count > LARGE_PLAN;
    return {
      animation: false,
      grid: { left: 72, right: 24, top: 48, bottom: 44 },
      legend: { top: 0, left: 'center', data: TIERS.map((t) => tr.t(`tier.${t}`)) },
      toolbox: {
        right: 8,
        feature: { brush: { type: ['rect', 'clear'], title: { rect: tr.t('customers.scatter.brush'), clear: tr.t('customers.scatter.brushClear') } } },
      },
      brush: { xAxisIndex: 0, yAxisIndex: 0, throttleType: 'debounce', throttleDelay: 300, brushStyle: { color: 'rgba(29,95,168,0.12)' } },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesId?: string; dataIndex: number }) => {
          const row = rowOf(points, p);
          if (!row) return '';
          return escapeHtml(
            tr.t('customers.scatter.point', {
              name: row.customer.name,
              tier: row.customer.tier,
              readiness: readinessText(row.readiness),
              potential: money(row.customer.potential),
            }),
          );
        },
      },
      xAxis: {
        type: 'value',
        name: tr.t('customers.scatter.x'),
        nameLocation: 'middle',
        nameGap: 28,
        min: READINESS_MIN,
        max: READINESS_MAX,
        axisLabel: { formatter: readinessText },
      },
      yAxis: {
        type: log ? 'log' : 'value',
        name: tr.t('customers.scatter.y'),
        nameTextStyle: { align: 'right' },
        axisLabel: { formatter: (v: number) => money(v) },
      },
      series: TIERS.map((tier, i) => ({
        id: tier,
        type: 'scatter',
        // A big plan: each tier on its own canvas layer, stacked as the series are (C on top), so
        // after an edit only the layer of a tier whose points moved is painted again
        // (keptScatterView.ts). A small plan keeps one canvas (each layer is a canvas's memory).
        zlevel: large ? i + 1 : 0,
        name: tr.t(`tier.${tier}`),
        data: points.data(tier),
        dimensions: ['x', 'y'],
        // Many points: small squares (cheaper than circles). Drawn in one go, not a few thousand
        // per frame: ECharts lays out every series on any setOption, and a progressive redraw
        // after one edit would take a frame per chunk (50,000 points: ~8 frames, ~130 ms).
        symbol: large ? 'rect' : 'circle',
        symbolSize: large ? 3 : 9,
        // Large mode (one path per series, no element per point) for every tier of a big plan,
        // the small top tiers too: a redraw after an edit costs about half.
        large,
        largeThreshold: 0,
        progressive: 0,
        itemStyle: { color: TIER_COLORS[tier], opacity: 0.8 },
        emphasis: { focus: 'none' },
      })),
    };
    // Rebuilt when the set of customers or the axis type (a new layout: new arrays in `points`),
    // the language or the currency change.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layout` stands for the arrays inside `points`
  }, [layout, count, log, points, tr, money, readinessText]);

  // An edit: only the series of the tiers whose points changed (after EChart set any new option).
  useEffect(() => {
    const tiers = points.takeChanged();
    if (tiers.length > 0) chart.current?.setOption({ series: tiers.map((tier) => ({ id: tier, data: points.data(tier) })) });
  }, [rows, points]);

  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const row = rowOf(points, params as { seriesId?: string; dataIndex: number });
        if (row) view.setFilter({ ids: [row.id], readiness: null, potential: null });
      },
      // ECharts calls handlers with the chart as `this`: used to take the drawn box away again.
      brushEnd(this: EChartsType, params: unknown) {
        const areas = (params as { areas?: { coordRange?: [[number, number], [number, number]] }[] }).areas ?? [];
        const range = areas[0]?.coordRange;
        if (!range) return;
        const [[r0, r1], [p0, p1]] = range;
        view.pickOnChart({ min: Math.min(r0, r1), max: Math.max(r0, r1) }, { min: Math.min(p0, p1), max: Math.max(p0, p1) });
        this.dispatchAction({ type: 'brush', areas: [] });
      },
    }),
    [points, view],
  );

  const extent = points.extent();
  const summary =
    count === 0
      ? tr.t('customers.scatter.summaryEmpty')
      : tr.t('customers.scatter.summary', {
          count: formatNumber(count, tr.locale),
          minR: readinessText(extent.min.r),
          maxR: readinessText(extent.max.r),
          minP: money(extent.min.p),
          maxP: money(extent.max.p),
        });
  return (
    <EChart
      className="ct-chart ct-scatter"
      option={option}
      onEvents={onEvents as Record<string, (params: unknown) => void>}
      renderer="canvas"
      label={tr.t('customers.scatter.chartLabel')}
      summary={summary}
      onChart={onChart}
    />
  );
});

/** The customer under a point: its series is its tier, its dataIndex its place there. */
function rowOf(points: ScatterPoints, p: { seriesId?: string; dataIndex: number }) {
  const tier = TIERS.find((t) => t === p.seriesId);
  return tier ? points.rowAt(tier, p.dataIndex) : undefined;
}
