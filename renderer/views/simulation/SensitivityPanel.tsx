// Sensitivity as a tornado: each input's effect on the median of a metric,
// −10 % to the left of the plan's value and +10 % to the right, largest first,
// and the same ranking as a table naming the owner of each stage input (the
// person measured by that stage's results).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerChartParts, type EChartsCoreOption } from 'echarts/core';
import { observer } from 'mobx-react-lite';
import { useId, useMemo } from 'react';
import { escapeHtml, type Translator } from '../../../shared/i18n';
import { TARGET_METRICS, type TargetMetric } from '../../../shared/plan/types';
import type { SensitivityInput, SensitivityResult } from '../../../shared/simulation/types';
import { EChart } from '../../components/EChart';
import type { PlanStore } from '../../stores/PlanStore';
import { useStores, useT } from '../../stores/context';
import { formatMetric } from './format';
import { Refusal } from '../../components/Refusal';

registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent]);

/** Bars shown; the rest barely move the metric (the summary still names the top ones). */
const SHOWN = 12;
const LOW = '#b45309';
const HIGH = '#1d5fa8';

function inputLabel(i: SensitivityInput, tr: Translator, plan: PlanStore): string {
  const funnel = (id: string) => plan.collections.funnels.get(id);
  const stage = (fid: string, key: string) => funnel(fid)?.stages.find((s) => s.key === key)?.name ?? key;
  switch (i.kind) {
    case 'conversion':
      return tr.t('simulation.sensitivity.conversion', { stage: stage(i.funnelId, i.stageKey), funnel: funnel(i.funnelId)?.name ?? i.funnelId });
    case 'days':
      return tr.t('simulation.sensitivity.days', { stage: stage(i.funnelId, i.stageKey), funnel: funnel(i.funnelId)?.name ?? i.funnelId });
    case 'leads':
      return tr.t('simulation.sensitivity.leads', { segment: plan.collections.segments.get(i.segmentId)?.name ?? i.segmentId });
    case 'dealSize':
      return tr.t('simulation.sensitivity.dealSize', { funnel: funnel(i.funnelId)?.name ?? i.funnelId });
    default: {
      const never: never = i;
      return String(never);
    }
  }
}

/** The owner of a stage input (conversion or days of a stage), or null. */
function ownerOf(i: SensitivityInput, plan: PlanStore): string | null {
  if (i.kind !== 'conversion' && i.kind !== 'days') return null;
  const ownerId = plan.collections.funnels.get(i.funnelId)?.stages.find((s) => s.key === i.stageKey)?.ownerId;
  return ownerId ? (plan.collections.people.get(ownerId)?.name ?? ownerId) : null;
}

/** The label with the stage owner's name, for the chart and its summary. */
function labelWithOwner(i: SensitivityInput, tr: Translator, plan: PlanStore): string {
  const owner = ownerOf(i, plan);
  const input = inputLabel(i, tr, plan);
  return owner ? tr.t('simulation.sensitivity.withOwner', { input, owner }) : input;
}

const Ranking = observer(function Ranking({ result }: { result: SensitivityResult }) {
  const { plan } = useStores();
  const tr = useT();
  const currency = plan.settings?.currency ?? 'CNY';
  const fmt = (v: number | null) => formatMetric(result.metric, v, currency, tr.locale);
  return (
    <table className="table table-compact sim-ranking" aria-label={tr.t('simulation.sensitivity.ranking')}>
      <thead>
        <tr>
          <th scope="col" className="num">#</th>
          <th scope="col">{tr.t('simulation.sensitivity.input')}</th>
          <th scope="col">{tr.t('simulation.sensitivity.owner')}</th>
          <th scope="col" className="num">{tr.t('simulation.sensitivity.low')}</th>
          <th scope="col" className="num">{tr.t('simulation.sensitivity.high')}</th>
        </tr>
      </thead>
      <tbody>
        {result.items.slice(0, SHOWN).map((it, i) => {
          const owner = ownerOf(it.input, plan);
          const stageInput = it.input.kind === 'conversion' || it.input.kind === 'days';
          return (
            <tr key={i}>
              <td className="num">{i + 1}</td>
              <th scope="row">{inputLabel(it.input, tr, plan)}</th>
              <td>{owner ?? (stageInput ? tr.t('simulation.sensitivity.noOwner') : '—')}</td>
              <td className="num">{fmt(it.low)}</td>
              <td className="num">{fmt(it.high)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

const Tornado = observer(function Tornado({ result }: { result: SensitivityResult }) {
  const { plan } = useStores();
  const tr = useT();
  const currency = plan.settings?.currency ?? 'CNY';
  const locale = tr.locale;
  const { option, summary, label } = useMemo(() => {
    const fmt = (v: number | null) => formatMetric(result.metric, v, currency, locale);
    const base = result.base ?? 0;
    const items = result.items.slice(0, SHOWN).reverse(); // ECharts draws the first category at the bottom
    const names = items.map((it) => labelWithOwner(it.input, tr, plan));
    const option: EChartsCoreOption = {
      animation: false,
      grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
      legend: { top: 0, data: [tr.t('simulation.sensitivity.low'), tr.t('simulation.sensitivity.high')] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const it = items[ps[0]?.dataIndex ?? 0]!;
          const lines = [names[ps[0]?.dataIndex ?? 0]!, `${tr.t('simulation.sensitivity.low')}: ${fmt(it.low)}`, `${tr.t('simulation.sensitivity.high')}: ${fmt(it.high)}`];
          return lines.map(escapeHtml).join('<br/>');
        },
      },
      xAxis: { type: 'value', splitNumber: 4, axisLabel: { hideOverlap: true, formatter: (v: number) => fmt(base + v) } },
      yAxis: { type: 'category', data: names, axisLabel: { width: 360, overflow: 'truncate' } },
      series: [
        { name: tr.t('simulation.sensitivity.low'), type: 'bar', stack: 'swing', data: items.map((it) => (it.low ?? base) - base), itemStyle: { color: LOW } },
        { name: tr.t('simulation.sensitivity.high'), type: 'bar', stack: 'swing', data: items.map((it) => (it.high ?? base) - base), itemStyle: { color: HIGH } },
      ],
    };
    const top = result.items
      .slice(0, 3)
      .map((it) => tr.t('simulation.sensitivity.item', { input: labelWithOwner(it.input, tr, plan), low: fmt(it.low), high: fmt(it.high) }))
      .join(tr.t('simulation.listSeparator'));
    const metric = tr.t(`metric.${result.metric}`);
    return {
      option,
      label: tr.t('simulation.sensitivity.chart', { metric }),
      summary: tr.t('simulation.sensitivity.summary', { metric, base: fmt(result.base), list: top }),
    };
  }, [result, currency, locale, tr, plan]);
  return (
    <>
      <p className="muted">{tr.t('simulation.sensitivity.base', { value: formatMetric(result.metric, result.base, currency, locale) })}</p>
      <EChart option={option} label={label} summary={summary} className="sim-tornado" />
      <Ranking result={result} />
    </>
  );
});

export const SensitivityPanel = observer(function SensitivityPanel() {
  const { simulation, plan } = useStores();
  const a = simulation.analyses;
  const tr = useT();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {tr.t('simulation.sensitivity.title')}
      </h2>
      <p className="muted">{tr.t('simulation.sensitivity.intro')}</p>
      <div className="sim-analysis-form">
        <label className="sim-inline-field">
          <span>{tr.t('simulation.sensitivity.metric')}</span>
          <select className="select-input" value={a.sensitivityMetric} onChange={(e) => a.setSensitivityMetric(e.target.value as TargetMetric)}>
            {TARGET_METRICS.map((m) => (
              <option key={m} value={m}>
                {tr.t(`metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="sim-inline-field">
          <span>{tr.t('simulation.sensitivity.phase')}</span>
          <select className="select-input" value={a.sensitivityPhaseId ?? ''} onChange={(e) => a.setSensitivityPhase(e.target.value || null)}>
            <option value="">{tr.t('simulation.sensitivity.horizon')}</option>
            {plan.collections.phases.list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={a.sensitivityBusy} onClick={() => void a.computeSensitivity()}>
          {a.sensitivityBusy ? tr.t('simulation.sensitivity.busy') : tr.t('simulation.sensitivity.compute')}
        </button>
      </div>
      <Refusal reason={a.sensitivityError} />
      {a.sensitivity && <Tornado result={a.sensitivity} />}
    </section>
  );
});
