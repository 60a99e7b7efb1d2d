// The workshop deck: one slide per topic, every chart a native PowerPoint
// chart (pptxgenjs writes chart parts with their data, so consultants can
// edit them in the room), speaker notes with the numbers behind each slide.
// Plan text goes in as text runs; PowerPoint never interprets it.
import { writeFileSync } from 'node:fs';
import PptxGenJS from 'pptxgenjs';
import { formatMoney, formatNumber, formatPercent } from '../../../shared/i18n/format';
import { createTranslator, type Translator } from '../../../shared/i18n/translate';
import type { Plan } from '../../../shared/plan/types';
import { adjustText, levelsText, metricValue, monthRange, riskText } from '../../../shared/report/format';
import { gateCheckText, gateEvidenceText, gateStatusText } from '../../../shared/report/gate-text';
import { buildFunnelModel } from '../../../shared/report/funnel-model';
import type { ReportModel, ReportSection } from '../../../shared/report/model';
import { unreachable } from '../../../shared/report/model';

const ACCENT = 'B91C1C';
/** Breakthrough customers on the deck's list slide (highest tier and potential first): a room reads two slides, not fifty. */
const DECK_LIST_MAX = 24;
const INK = '1F2937';

interface Deck {
  pptx: PptxGenJS;
  tr: Translator;
  font: string;
  money(v: number): string;
}

function slide(d: Deck, title: string, notes: string[]): PptxGenJS.Slide {
  const s = d.pptx.addSlide();
  s.addText(title, { x: 0.4, y: 0.25, w: 12.5, h: 0.7, fontSize: 26, bold: true, color: INK, fontFace: d.font });
  s.addShape(d.pptx.ShapeType.line, { x: 0.4, y: 0.95, w: 12.5, h: 0, line: { color: ACCENT, width: 2 } });
  if (notes.length) s.addNotes(notes.join('\n'));
  return s;
}

function table(d: Deck, s: PptxGenJS.Slide, head: string[], rows: string[][], y = 1.2): void {
  const cell = (text: string, bold = false): PptxGenJS.TableCell => ({ text, options: { bold, fontFace: d.font, fontSize: 11, color: INK } });
  s.addTable([head.map((h) => ({ ...cell(h, true), options: { ...cell(h, true).options, fill: { color: 'E5E7EB' } } })), ...rows.map((r) => r.map((c) => cell(c)))], {
    x: 0.4,
    y,
    w: 12.5,
    border: { type: 'solid', pt: 0.5, color: 'D1D5DB' },
    autoPage: true,
    autoPageRepeatHeader: true,
  });
}

const chartText = (d: Deck) => ({ catAxisLabelFontFace: d.font, valAxisLabelFontFace: d.font, legendFontFace: d.font, dataLabelFontFace: d.font, titleFontFace: d.font });

export async function writePptx(path: string, model: ReportModel, plan: Plan, progress: (done: number, total: number) => void): Promise<void> {
  const tr = createTranslator(model.lang);
  const t = tr.t.bind(tr);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = model.cover.planName;
  const currency = model.cover.currency;
  const d: Deck = { pptx, tr, font: model.lang === 'zh-CN' ? 'Microsoft YaHei' : 'Arial', money: (v) => formatMoney(v, currency, tr.locale, { compact: true }) };

  // Title
  const cover = pptx.addSlide();
  cover.addText(t('report.deck.title'), { x: 0.6, y: 1.6, w: 12, h: 0.5, fontSize: 16, color: ACCENT, bold: true, fontFace: d.font });
  cover.addText(model.cover.planName, { x: 0.6, y: 2.2, w: 12, h: 1.4, fontSize: 34, bold: true, color: INK, fontFace: d.font });
  cover.addText(
    `${t('report.horizonValue', { range: monthRange(model.cover.startMonth, model.cover.endMonth, tr), months: model.cover.horizonMonths })} · ${currency} · ${model.cover.scenarioName ?? t('report.scenarioNone')}`,
    { x: 0.6, y: 3.8, w: 12, h: 0.5, fontSize: 16, color: INK, fontFace: d.font },
  );
  cover.addNotes(model.cover.description);

  const draw = (s: ReportSection): void => {
    switch (s.kind) {
      case 'summary': {
        const risks = s.risks ?? [];
        const sl = slide(d, t('report.section.summary'), [
          ...s.odds.map((p) => `${p.phaseName}: ${p.targets.map((x) => `${t(`metric.${x.metric}`)} ${x.probability === null ? '—' : formatPercent(x.probability, tr.locale, 0)}`).join(', ')}`),
          ...risks.map((r) => `${riskText(r, tr)}: ${d.money(r.swing)}`),
        ]);
        sl.addText(t('report.summary.risks'), { x: 0.4, y: 1.2, w: 12.5, h: 0.5, fontSize: 16, bold: true, fontFace: d.font, color: INK });
        sl.addText(
          risks.length ? risks.map((r) => ({ text: `${riskText(r, tr)} — ${t('report.risk.swing')} ${d.money(r.swing)}`, options: { bullet: true } })) : t('report.summary.noRisks'),
          { x: 0.4, y: 1.8, w: 12.5, h: 2.5, fontSize: 16, fontFace: d.font, color: INK, valign: 'top' },
        );
        // Phase-gate review: each phase's exit checks judged on the run used, to go through one by one in the room.
        const rows = s.gates.flatMap((g) =>
          g.checks.length
            ? g.checks.map((ch, i) => [i === 0 ? `${g.phaseName}\n${gateStatusText(g.status, tr)}` : '', `${t(`gate.status.${ch.status}`)} — ${gateCheckText(ch, currency, tr)}`, gateEvidenceText(ch, tr)])
            : [[`${g.phaseName}\n${gateStatusText(g.status, tr)}`, '—', '—']],
        );
        const gate = slide(d, t('report.deck.gate'), s.gates.map((g) => `${g.phaseName}: ${gateStatusText(g.status, tr)}; ${g.checks.map((ch) => `${gateCheckText(ch, currency, tr)} → ${t(`gate.status.${ch.status}`)} (${gateEvidenceText(ch, tr)})`).join('; ')}`));
        table(d, gate, [t('report.col.phase'), t('report.col.check'), t('report.col.evidence')], rows);
        return;
      }
      case 'roadmap': {
        const sl = slide(d, t('report.section.roadmap'), s.phases.map((p) => `${p.name}: ${p.intent}`));
        table(
          d,
          sl,
          [t('report.col.phase'), t('report.col.stage'), t('report.col.months'), t('report.col.intent'), t('report.col.exitCriteria')],
          s.phases.map((p) => [p.name, t(`stage.${p.stage}`), monthRange(p.start, p.end, tr), p.intent, p.exitCriteria.map((e) => `• ${e}`).join('\n')]),
        );
        return;
      }
      case 'customers': {
        const sl = slide(d, t('report.deck.pyramid'), s.tiers.map((x) => `${t(`tier.${x.tier}`)}: ${x.count}, ${d.money(x.potential)}`));
        sl.addChart(
          pptx.ChartType.bar,
          [{ name: t('report.col.count'), labels: s.tiers.map((x) => t(`tier.${x.tier}`)), values: s.tiers.map((x) => x.count) }],
          { x: 0.6, y: 1.2, w: 12, h: 5.6, barDir: 'bar', catAxisOrientation: 'minMax', valAxisHidden: true, showValue: true, chartColors: [ACCENT], ...chartText(d) },
        );
        const breakthrough = s.listed.filter((c) => c.breakthroughPhase);
        const shown = breakthrough.slice(0, DECK_LIST_MAX);
        const list = slide(d, t('report.deck.breakthrough'), [
          ...shown.map((c) => `${c.name} (${c.tier}) → ${c.breakthroughPhase}; ${d.money(c.potential)}`),
          ...(breakthrough.length > shown.length || s.notListed > 0 ? [t('report.tier.more', { count: breakthrough.length - shown.length + s.notListed })] : []),
        ]);
        table(
          d,
          list,
          [t('report.col.name'), t('report.col.tier'), t('report.col.breakthrough'), t('report.col.potential'), t('report.col.ironTriangle')],
          shown.map((c) => [c.name, c.tier, c.breakthroughPhase ?? '', d.money(c.potential), [c.owners.AR, c.owners.SR, c.owners.FR].map((o) => o ?? '—').join(' / ')]),
        );
        return;
      }
      case 'ladder': {
        if (!s.rows.length) return;
        const shown = s.rows.slice(0, DECK_LIST_MAX);
        const sl = slide(d, t('report.deck.ladder'), [
          t('report.ladder.note'),
          ...shown.map((r) => `${r.name}: ${t('report.col.today')} ${levelsText(r.today)}; ${s.phases.map((p, i) => `${p} ${levelsText(r.planned[i] ?? null)}`).join('; ')}`),
        ]);
        table(d, sl, [t('report.col.customer'), t('report.col.today'), ...s.phases], shown.map((r) => [r.name, levelsText(r.today), ...r.planned.map((p) => levelsText(p))]));
        return;
      }
      case 'actuals':
        // Plan vs actual is read in the report and on the Tracking screen; the deck stays short.
        return;
      case 'decisions': {
        if (!s.rows.length) return;
        const sl = slide(d, t('report.section.decisions'), s.rows.map((r) => `${r.at.slice(0, 10)} ${r.text}`));
        table(d, sl, [t('report.col.at'), t('report.col.decision'), t('report.col.phase'), t('report.col.by')], s.rows.map((r) => [r.at.slice(0, 10), r.text, r.phase ?? '—', r.by ?? '—']));
        return;
      }
      case 'goals':
        // Goals are covered by the breakthrough list; the report has them in full.
        return;
      case 'targets': {
        const rows = s.targets.filter((x) => x.probability !== null);
        if (!rows.length) return;
        const sl = slide(d, t('report.deck.odds'), rows.map((x) => `${x.phaseName} · ${t(`metric.${x.metric}`)} ${metricValue(x.metric, x.value, currency, tr)}: ${formatPercent(x.probability!, tr.locale, 0)}`));
        sl.addChart(
          pptx.ChartType.bar,
          [{ name: t('report.col.probability'), labels: rows.map((x) => `${x.phaseName} · ${t(`metric.${x.metric}`)}`), values: rows.map((x) => x.probability!) }],
          { x: 0.4, y: 1.1, w: 12.5, h: 6.2, barDir: 'bar', catAxisOrientation: 'maxMin' as 'minMax', valAxisMinVal: 0, valAxisMaxVal: 1, valAxisLabelFormatCode: '0%', showValue: true, dataLabelFormatCode: '0%', chartColors: [ACCENT], catAxisLabelFontSize: 9, ...chartText(d) },
        );
        return;
      }
      case 'funnels': {
        let fm = null;
        try {
          fm = buildFunnelModel(plan, model.cover.scenarioId);
        } catch {
          // Not simulatable yet: no expected volumes to chart.
        }
        if (fm) {
          const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
          const metrics = ['leads', 'opportunities', 'wins'] as const;
          const sl = slide(d, t('report.deck.funnel'), metrics.map((m) => `${t(`metric.${m}`)}: ${formatNumber(sum(fm!.expected[m]), tr.locale, 0)}`));
          sl.addChart(
            pptx.ChartType.bar,
            [{ name: t('report.col.expected'), labels: metrics.map((m) => t(`metric.${m}`)), values: metrics.map((m) => Math.round(sum(fm!.expected[m]))) }],
            { x: 0.6, y: 1.2, w: 12, h: 5.6, barDir: 'bar', catAxisOrientation: 'maxMin' as 'minMax', showValue: true, chartColors: [ACCENT], ...chartText(d) },
          );
        }
        for (const fan of s.fans) {
          const title = fan.p50 ? t('report.funnel.fan', { metric: t(`metric.${fan.metric}`) }) : t('report.funnel.fanExpected', { metric: t(`metric.${fan.metric}`) });
          const total = fan.mean.reduce((a, b) => a + b, 0);
          const sl = slide(d, title, [`${t('report.col.expected')}: ${d.money(total)}`]);
          const series = fan.p10 && fan.p50 && fan.p90
            ? [
                { name: t('report.col.p10'), labels: fan.months, values: fan.p10 },
                { name: t('report.col.p50'), labels: fan.months, values: fan.p50 },
                { name: t('report.col.p90'), labels: fan.months, values: fan.p90 },
              ]
            : [{ name: t('report.col.expected'), labels: fan.months, values: fan.mean }];
          sl.addChart(pptx.ChartType.line, series, { x: 0.4, y: 1.1, w: 12.5, h: 6, showLegend: true, legendPos: 'b', lineDataSymbol: 'none', chartColors: ['FCA5A5', ACCENT, 'FCA5A5'], ...chartText(d) });
        }
        return;
      }
      case 'scenarios': {
        const rows = s.rows.filter((r) => r.totals);
        const sl = slide(d, t('report.section.scenarios'), s.rows.map((r) => `${r.id === null ? t('report.scenario.base') : r.name} (${adjustText(r.adjust, r.stageNames, tr)}): ${r.totals ? d.money(r.totals.bookings) : '—'}`));
        if (rows.length)
          sl.addChart(
            pptx.ChartType.bar,
            [
              { name: t('metric.bookings'), labels: rows.map((r) => (r.id === null ? t('report.scenario.base') : r.name)), values: rows.map((r) => r.totals!.bookings) },
              { name: t('metric.cash'), labels: rows.map((r) => (r.id === null ? t('report.scenario.base') : r.name)), values: rows.map((r) => r.totals!.cash) },
            ],
            { x: 0.6, y: 1.2, w: 12, h: 5.6, barDir: 'col', barGrouping: 'clustered', showLegend: true, legendPos: 'b', chartColors: [ACCENT, '6B7280'], ...chartText(d) },
          );
        return;
      }
      case 'appendix':
        // Every input is in the report's appendix and the workbook; a deck stays short.
        return;
      default:
        unreachable(s);
    }
  };
  model.sections.forEach((s, i) => {
    draw(s);
    progress(i + 1, model.sections.length + 1);
  });
  const data = (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
  writeFileSync(path, data);
  progress(model.sections.length + 1, model.sections.length + 1);
}
