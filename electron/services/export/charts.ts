// Report charts as SVG strings, drawn by ECharts' server-side renderer (no
// browser): the same SVG goes into the HTML/PDF, and through resvg into
// slide pictures where PowerPoint has no native chart. Text stays real
// <text>, so Chinese labels use the report's font.
import * as echarts from 'echarts';
import { formatMoney, formatMonthShort, formatPercent } from '../../../shared/i18n/format';
import type { Translator } from '../../../shared/i18n/translate';
import type { FanSeries, TargetOdds } from '../../../shared/report/model';
import { REPORT_FONT_FAMILY } from './fonts';

const WIDTH = 680;
const HEIGHT = 260;
const INK = '#1f2937';
const ACCENT = '#b91c1c';

function render(option: echarts.EChartsCoreOption, height = HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: REPORT_FONT_FAMILY, color: INK }, ...option });
    return chart.renderToSVGString();
  } finally {
    // ECharts keeps a render loop alive until disposed.
    chart.dispose();
  }
}

/** Median line with the p10–p90 band (or the expected line alone). */
export function fanChartSvg(fan: FanSeries, currency: string, tr: Translator): string {
  const money = (v: number) => formatMoney(v, currency, tr.locale, { compact: true });
  const labels = fan.months.map((m, i) => (i === 0 || m.endsWith('-01') ? `${m.slice(0, 4)} ${formatMonthShort(m, tr.locale)}` : formatMonthShort(m, tr.locale)));
  const series: unknown[] = [];
  if (fan.p10 && fan.p90 && fan.p50) {
    const p10 = fan.p10;
    series.push(
      { type: 'line', data: p10, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', silent: true },
      { type: 'line', data: fan.p90.map((v, i) => v - p10[i]!), stack: 'band', lineStyle: { opacity: 0 }, areaStyle: { color: ACCENT, opacity: 0.15 }, symbol: 'none', silent: true },
      { type: 'line', data: fan.p50, lineStyle: { color: ACCENT, width: 2 }, symbol: 'none' },
    );
  } else {
    series.push({ type: 'line', data: fan.mean, lineStyle: { color: ACCENT, width: 2 }, symbol: 'none' });
  }
  return render({
    grid: { left: 80, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 9 } },
    yAxis: { type: 'value', axisLabel: { formatter: money, fontSize: 9 } },
    series,
  });
}

/** One bar per target: its odds of being attained. */
export function oddsChartSvg(targets: TargetOdds[], tr: Translator): string {
  const rows = targets.filter((t) => t.probability !== null);
  const labels = rows.map((t) => `${t.phaseName} · ${tr.t(`metric.${t.metric}`)}`);
  return render(
    {
      grid: { left: 220, right: 40, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, tr.locale, 0), fontSize: 9 } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: 9, width: 200, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: rows.map((t) => t.probability),
          itemStyle: { color: ACCENT },
          label: { show: true, position: 'right', fontSize: 9, formatter: (p: { value: number }) => formatPercent(p.value, tr.locale, 0) },
        },
      ],
    },
    Math.max(120, 24 + rows.length * 18),
  );
}
