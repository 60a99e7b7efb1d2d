// Readiness × potential: one point per customer (x the readiness the
// simulation uses, y the potential, log scale when every potential is
// positive), coloured by tier. Clicking a point filters the table to that
// customer; a box drawn with the brush filters it to the box's ranges.
import { ScatterChart } from 'echarts/charts';
import { BrushComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { observer } from 'mobx-react-lite';
import { useCallback, useMemo } from 'react';
import { escapeHtml, formatMoney, formatNumber } from '../../../../shared/i18n';
import { TIERS } from '../../../../shared/plan/types';
import { READINESS_MAX, READINESS_MIN } from '../../../../shared/simulation';
import { EChart } from '../../../components/EChart';
import { useStores, useT } from '../../../stores/context';
import type { CustomerRow } from '../../../stores/customers/rows';
import { formatReadiness } from '../grid/cells';
import { TIER_COLORS } from './TierPyramid';

// Canvas: tens of thousands of points would be as many SVG elements.
registerChartParts([CanvasRenderer, ScatterChart, GridComponent, TooltipComponent, LegendComponent, BrushComponent, ToolboxComponent]);

interface Points {
  /** Per tier: [readiness, potential, row index]. */
  byTier: Record<(typeof TIERS)[number], [number, number, number][]>;
  log: boolean;
  min: { r: number; p: number };
  max: { r: number; p: number };
}

function pointsOf(rows: readonly CustomerRow[]): Points {
  const byTier = { S: [], A: [], B: [], C: [] } as Points['byTier'];
  const min = { r: Infinity, p: Infinity };
  const max = { r: -Infinity, p: -Infinity };
  let log = true;
  rows.forEach((row, i) => {
    const p = row.customer.potential;
    byTier[row.customer.tier].push([row.readiness, p, i]);
    if (p <= 0) log = false;
    min.r = Math.min(min.r, row.readiness);
    max.r = Math.max(max.r, row.readiness);
    min.p = Math.min(min.p, p);
    max.p = Math.max(max.p, p);
  });
  return { byTier, log, min, max };
}

export const ReadinessScatter = observer(function ReadinessScatter() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const rows = view.allRows;
  const points = useMemo(() => pointsOf(rows), [rows]);
  const currency = plan.settings?.currency ?? '';
  const money = useCallback((v: number) => formatMoney(v, currency, tr.locale, { compact: true }), [currency, tr]);
  const readinessText = useCallback((v: number) => formatReadiness(v, tr), [tr]);

  const option = useMemo(() => {
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
        formatter: (p: { value: [number, number, number] }) => {
          const row = rows[p.value[2]];
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
        type: points.log ? 'log' : 'value',
        name: tr.t('customers.scatter.y'),
        nameTextStyle: { align: 'right' },
        axisLabel: { formatter: (v: number) => money(v) },
      },
      series: TIERS.map((tier) => ({
        type: 'scatter',
        name: tr.t(`tier.${tier}`),
        data: points.byTier[tier],
        // Many points: small squares (cheaper than circles), drawn a few thousand per frame.
        symbol: rows.length > 2000 ? 'rect' : 'circle',
        symbolSize: rows.length > 2000 ? 3 : 9,
        large: true,
        largeThreshold: 2000,
        progressive: 4000,
        progressiveThreshold: 8000,
        itemStyle: { color: TIER_COLORS[tier], opacity: 0.8 },
        emphasis: { focus: 'none' },
      })),
    };
    // Rebuilt when the points, the language or the currency change.
  }, [points, rows, tr, money, readinessText]);

  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const i = (params as { value?: number[] }).value?.[2];
        const row = i === undefined ? undefined : rows[i];
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
    [rows, view],
  );

  const summary =
    rows.length === 0
      ? tr.t('customers.scatter.summaryEmpty')
      : tr.t('customers.scatter.summary', {
          count: formatNumber(rows.length, tr.locale),
          minR: readinessText(points.min.r),
          maxR: readinessText(points.max.r),
          minP: money(points.min.p),
          maxP: money(points.max.p),
        });
  return (
    <EChart
      className="ct-chart ct-scatter"
      option={option}
      onEvents={onEvents as Record<string, (params: unknown) => void>}
      renderer="canvas"
      label={tr.t('customers.scatter.chartLabel')}
      summary={summary}
    />
  );
});
