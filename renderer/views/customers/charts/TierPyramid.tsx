// The tier pyramid: S at the top, C at the base, each level labelled with its
// customer count and summed potential. The shape is the classic strategy
// pyramid (levels widen downwards, not scaled to the data); the figures are
// in the labels, in the list beside it and in the text summary. Clicking a
// level, or its button, filters the table to that tier. It follows the
// customers a task late (useLater), after the readiness × potential chart.
import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { useMemo } from 'react';
import { escapeHtml, formatMoney, formatNumber } from '../../../../shared/i18n';
import { TIERS } from '../../../../shared/plan/types';
import { EChart } from '../../../components/EChart';
import { useLater } from '../../../components/useLater';
import { useStores, useT } from '../../../stores/context';
import { isTier } from '../grid/filterValues';

registerChartParts([FunnelChart, TooltipComponent]);

/** The tier badge colours of views.css, so chart and table agree. */
export const TIER_COLORS = { S: '#b42318', A: '#d9730d', B: '#1d5fa8', C: '#6b7789' } as const;

export const TierPyramid = observer(function TierPyramid() {
  const { customers: view, plan } = useStores();
  const tr = useT();
  const currency = plan.settings?.currency ?? '';
  // A task after an edit: the readiness × potential chart beside it redraws first.
  // The stats are summed from allRows, which the chart and the grid compute anyway.
  const stats = useLater(
    () => view.allRows,
    () => view.tierStats,
  );
  const chosen = view.filter.tiers.length === 1 ? view.filter.tiers[0] : null;
  const items = stats.map((s) => ({
    ...s,
    text: tr.t('customers.pyramid.item', {
      tier: tr.t(`tier.${s.tier}`),
      count: formatNumber(s.count, tr.locale),
      potential: formatMoney(s.potential, currency, tr.locale, { compact: true }),
    }),
  }));
  const option = {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => escapeHtml(items[p.dataIndex]?.text ?? '') },
    series: [
      {
        type: 'funnel',
        sort: 'ascending',
        left: '4%',
        right: '4%',
        top: 8,
        bottom: 8,
        minSize: '22%',
        maxSize: '100%',
        gap: 3,
        // Short inside the levels; the full figures are in the list beside.
        label: {
          show: true,
          position: 'inside',
          color: '#fff',
          fontSize: 12,
          formatter: (p: { dataIndex: number }) => {
            const s = items[p.dataIndex];
            return s ? `${s.tier} · ${formatNumber(s.count, tr.locale)}` : '';
          },
        },
        data: items.map((s, i) => ({
          name: s.tier,
          // Shape only: S is the narrow top, C the broad base.
          value: i + 1,
          itemStyle: { color: TIER_COLORS[s.tier], opacity: chosen && chosen !== s.tier ? 0.35 : 1 },
        })),
      },
    ],
  };
  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const name = (params as { name?: unknown }).name;
        if (typeof name === 'string' && isTier(name)) view.toggleTierFilter(name);
      },
    }),
    [view],
  );
  return (
    <div className="ct-pyramid">
      <EChart
        className="ct-chart"
        option={option}
        onEvents={onEvents}
        label={tr.t('customers.pyramid.chartLabel')}
        summary={items.map((s) => s.text).join('; ')}
      />
      <ul className="ct-tier-list">
        {TIERS.map((tier, i) => (
          <li key={tier}>
            <button
              type="button"
              className="ct-tier-button"
              aria-pressed={chosen === tier}
              onClick={() => view.toggleTierFilter(tier)}
            >
              <span className={`tier-badge tier-${tier}`} aria-hidden="true">
                {tier}
              </span>
              {items[i]!.text}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
