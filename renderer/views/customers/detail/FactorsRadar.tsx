// The seven deal-closing factors of one customer as a radar (1–5, 3 is
// neutral; a factor not scored is drawn at 3, as the simulation counts it).
import { RadarChart } from 'echarts/charts';
import { RadarComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { FACTORS, type Factors } from '../../../../shared/plan/types';
import { EChart } from '../../../components/EChart';
import { useT } from '../../../stores/context';

registerChartParts([RadarChart, RadarComponent, TooltipComponent]);

export const FactorsRadar = observer(function FactorsRadar({ name, factors }: { name: string; factors: Factors | undefined }) {
  const tr = useT();
  const scores = FACTORS.map((f) => factors?.[f]);
  const labels = FACTORS.map((f) => tr.t(`factor.${f}`));
  // A new option only when this observer re-renders: the scores, the name or the language changed.
  const option = {
    animation: false,
    tooltip: { trigger: 'item' },
    radar: {
      indicator: labels.map((label) => ({ name: label, min: 0, max: 5 })),
      radius: '62%',
      splitNumber: 5,
      axisName: { color: '#4a5768', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        name: tr.t('term.dealFactors'),
        data: [{ value: scores.map((s) => s ?? 3), name, areaStyle: { opacity: 0.2 } }],
        symbolSize: 5,
        lineStyle: { width: 2 },
        color: '#1d5fa8',
      },
    ],
  };
  const summary = tr.t('customers.radar.summary', {
    list: FACTORS.map((f, i) =>
      tr.t('customers.radar.score', { factor: labels[i]!, score: scores[i] === undefined ? tr.t('customers.factor.notScored') : String(scores[i]) }),
    ).join('; '),
  });
  return (
    <EChart
      className="cd-radar"
      option={option}
      label={tr.t('customers.radar.label', { name })}
      summary={summary}
    />
  );
});
