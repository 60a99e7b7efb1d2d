// Expected deals entering each stage per 100 leads, from the mean stage
// conversions, ending with the contracts won: the funnel as a picture.
import { FunnelChart as EFunnel } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { useMemo } from 'react';
import { escapeHtml, formatNumber } from '../../../shared/i18n';
import type { Funnel } from '../../../shared/plan/types';
import { EChart } from '../../components/EChart';
import { useT } from '../../stores/context';

registerChartParts([EFunnel, TooltipComponent]);

const COLORS = ['#1d5fa8', '#2f74bf', '#4a89cc', '#679fd8', '#86b4e2', '#a6c9ec', '#c3dbf3'];
const WON = '#1f7a4d';

export const FunnelChart = observer(function FunnelChart({ funnel, volumes }: { funnel: Funnel; volumes: number[] }) {
  const tr = useT();
  const locale = tr.locale;
  // Every input as one string: the stage list and volumes are new arrays on
  // each render, so the memo keys on their content.
  const key = JSON.stringify([funnel.stages.map((s) => s.name), volumes]);
  const { option, summary } = useMemo(() => {
    const [names, volumes] = JSON.parse(key) as [string[], number[]];
    const wonLabel = tr.t('funnels.won');
    const fmt = (v: number) => formatNumber(v, locale, 1);
    const data = [
      ...names.map((name, i) => ({ name, value: volumes[i]!, itemStyle: { color: COLORS[Math.min(i, COLORS.length - 1)] } })),
      { name: wonLabel, value: volumes[volumes.length - 1]!, itemStyle: { color: WON } },
    ];
    const option: EChartsCoreOption = {
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => escapeHtml(`${p.name}: ${fmt(p.value)}`) },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          width: '50%',
          top: 8,
          bottom: 8,
          min: 0,
          max: 100,
          minSize: '8%',
          gap: 2,
          labelLine: { length: 12, lineStyle: { color: '#c4ccd6' } },
          label: {
            position: 'right',
            color: '#17202b',
            fontSize: 12,
            formatter: (p: { name: string; value: number }) => `${p.name}  ${fmt(p.value)}`,
          },
          data,
        },
      ],
    };
    const list = names.map((n, i) => `${n} ${fmt(volumes[i]!)}`).join(tr.t('funnels.listSeparator'));
    return { option, summary: tr.t('funnels.chartSummary', { list, won: fmt(volumes[volumes.length - 1]!) }) };
  }, [key, locale, tr]);
  return (
    <figure className="funnel-chart">
      <figcaption className="fx-section-title">{tr.t('funnels.chart')}</figcaption>
      <EChart option={option} label={tr.t('funnels.chart')} summary={summary} className="funnel-chart-box" />
    </figure>
  );
});
