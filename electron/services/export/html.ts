// The report as one self-contained HTML file: styles, fonts (inlined
// subsets) and charts (ECharts SVG) inside; no URL to fetch, so it reads
// offline on a phone, and Chromium prints the same file to PDF. Every piece
// of plan text goes through `esc`, so markup typed into a plan is shown,
// never interpreted; `dir="auto"` lets right-to-left names read correctly.
import { formatMoney, formatNumber, formatPercent } from '../../../shared/i18n/format';
import { createTranslator, type Translator } from '../../../shared/i18n/translate';
import { KPI_METRICS } from '../../../shared/plan/types';
import {
  actualValue,
  adjustText,
  inputLabel,
  levelsText,
  kpiText,
  inputValue,
  metricValue,
  monthRange,
  monthText,
  moneyRange,
  numberRange,
  percentRange,
  riskText,
} from '../../../shared/report/format';
import { gateCheckText, gateEvidenceText, gateStatusText } from '../../../shared/report/gate-text';
import type { ReportModel, ReportSection, SectionOf, TargetOdds } from '../../../shared/report/model';
import { unreachable } from '../../../shared/report/model';
import { fanChartSvg, oddsChartSvg } from './charts';
import { inlineFontCss, REPORT_FONT_FAMILY } from './fonts';

export type Paper = 'A4' | 'Letter';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Plan text: escaped, its direction taken from its own first strong character. */
function txt(text: string): string {
  return `<span dir="auto">${esc(text)}</span>`;
}

function table(head: string[], rows: string[][], cls = ''): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A heading kept on the page with what follows it (the first block of its content). */
function block(heading: string, content: string, level = 2): string {
  return `<div class="keep"><h${level}>${esc(heading)}</h${level}>${content}</div>`;
}

interface Ctx {
  tr: Translator;
  currency: string;
  money(v: number): string;
  pct(v: number | null): string;
}

function oddsTable(targets: TargetOdds[], c: Ctx): string {
  const { tr } = c;
  return table(
    [tr.t('report.col.phase'), tr.t('report.col.metric'), tr.t('report.col.target'), tr.t('report.col.p50'), tr.t('report.col.probability'), tr.t('report.col.owner')],
    targets.map((t) => [
      txt(t.phaseName),
      esc(tr.t(`metric.${t.metric}`)),
      esc(metricValue(t.metric, t.value, c.currency, tr)),
      t.outcome ? esc(metricValue(t.metric, t.outcome.p50 ?? t.outcome.mean, c.currency, tr)) : '—',
      `<b>${esc(c.pct(t.probability))}</b>`,
      t.owner ? txt(t.owner) : '—',
    ]),
  );
}

function summary(s: SectionOf<'summary'>, m: ReportModel, c: Ctx): string {
  const { tr } = c;
  const rows = s.odds.map((p) => {
    const probs = p.targets.map((t) => t.probability).filter((x): x is number => x !== null);
    const weakest = probs.length ? Math.min(...probs) : null;
    return [txt(p.phaseName), esc(String(p.targets.length)), `<b>${esc(c.pct(weakest))}</b>`];
  });
  const odds = m.cover.run
    ? table([tr.t('report.col.phase'), tr.t('report.section.targets'), tr.t('report.summary.allTargets')], rows)
    : `<p>${esc(tr.t('report.summary.noRun', { reason: m.cover.noRunReason ?? '' }))}</p>`;
  const risks = s.risks?.length
    ? `<ol>${s.risks.map((r) => `<li>${esc(riskText(r, tr))} — ${esc(tr.t('report.risk.swing'))} ${esc(c.money(r.swing))}</li>`).join('')}</ol>`
    : `<p>${esc(tr.t('report.summary.noRisks'))}</p>`;
  const gates = table(
    [tr.t('report.col.phase'), tr.t('report.col.status'), tr.t('report.col.check'), tr.t('report.col.evidence')],
    s.gates.flatMap((g) => {
      const head = [`<b>${txt(g.phaseName)}</b>`, `<b>${esc(gateStatusText(g.status, tr))}</b>`];
      if (!g.checks.length) return [[...head, '—', '—']];
      return g.checks.map((ch, i) => [
        ...(i === 0 ? head : ['', '']),
        `${esc(tr.t(`gate.status.${ch.status}`))} — ${txt(gateCheckText(ch, c.currency, tr))}${ch.check.note ? ` <span class="note">${txt(ch.check.note)}</span>` : ''}`,
        txt(gateEvidenceText(ch, tr)),
      ]);
    }),
    'small',
  );
  return `<section class="page">${block(tr.t('report.section.summary'), block(tr.t('report.summary.odds'), odds, 3))}${block(tr.t('report.summary.gates'), `<p class="note">${esc(tr.t('report.gate.runNote'))}</p>${gates}`, 3)}${block(tr.t('report.summary.risks'), risks, 3)}</section>`;
}

function section(s: ReportSection, m: ReportModel, c: Ctx): string {
  const { tr } = c;
  switch (s.kind) {
    case 'summary':
      return summary(s, m, c);
    case 'roadmap':
      return `<section>${block(
        tr.t('report.section.roadmap'),
        s.phases.length
          ? table(
              [tr.t('report.col.phase'), tr.t('report.col.stage'), tr.t('report.col.months'), tr.t('report.col.intent'), tr.t('report.col.exitCriteria')],
              s.phases.map((p) => [
                `<b>${txt(p.name)}</b>`,
                esc(tr.t(`stage.${p.stage}`)),
                esc(monthRange(p.start, p.end, tr)),
                txt(p.intent),
                p.exitCriteria.length ? `<ul>${p.exitCriteria.map((e) => `<li>${txt(e)}</li>`).join('')}</ul>` : '',
              ]),
            )
          : `<p>${esc(tr.t('report.none'))}</p>`,
      )}</section>`;
    case 'customers': {
      const tiers = table(
        [tr.t('report.col.tier'), tr.t('report.col.count'), tr.t('report.col.potential')],
        s.tiers.map((t) => [esc(tr.t(`tier.${t.tier}`)), esc(formatNumber(t.count, tr.locale)), esc(c.money(t.potential))]),
      );
      const listed = table(
        [tr.t('report.col.name'), tr.t('report.col.tier'), tr.t('report.col.segment'), tr.t('report.col.status'), tr.t('report.col.potential'), tr.t('report.col.breakthrough'), tr.t('report.col.odds'), tr.t('report.col.breakthroughGoals'), tr.t('report.col.needs'), tr.t('report.col.relationship'), tr.t('report.col.ironTriangle')],
        s.listed.map((r) => [
          `<b>${txt(r.name)}</b>`,
          esc(r.tier),
          txt(r.segment),
          esc(tr.t(`status.${r.status}`)),
          esc(c.money(r.potential)),
          r.breakthroughPhase ? txt(r.breakthroughPhase) : '—',
          r.odds === null ? '—' : `<b>${esc(c.pct(r.odds))}</b>`,
          r.goals.length ? `<ul>${r.goals.map((g) => `<li>${txt(g.title)}${g.probability === null ? '' : ` (${esc(c.pct(g.probability))})`}</li>`).join('')}</ul>` : '—',
          r.needs ? txt(r.needs) : '—',
          esc(`${r.relationship.key} / ${r.relationship.broad} / ${r.relationship.organizational}`),
          [r.owners.AR, r.owners.SR, r.owners.FR].map((o) => (o ? txt(o) : '—')).join(' / '),
        ]),
        'small',
      );
      const more = s.notListed > 0 ? `<p class="note">${esc(tr.t('report.tier.more', { count: s.notListed }))}</p>` : '';
      return `<section>${block(tr.t('report.section.customers'), tiers)}<p class="note">${esc(tr.t('report.tier.listed'))}</p>${listed}${more}</section>`;
    }
    case 'ladder':
      return `<section>${block(
        tr.t('report.section.ladder'),
        s.rows.length
          ? `<p class="note">${esc(tr.t('report.ladder.note'))}</p>` +
              table(
                [tr.t('report.col.customer'), tr.t('report.col.tier'), tr.t('report.col.breakthrough'), tr.t('report.col.today'), ...s.phases],
                s.rows.map((r) => [`<b>${txt(r.name)}</b>`, esc(r.tier), r.breakthroughPhase ? txt(r.breakthroughPhase) : '—', esc(levelsText(r.today)), ...r.planned.map((p) => esc(levelsText(p)))]),
                'small',
              ) +
              (s.notListed > 0 ? `<p class="note">${esc(tr.t('report.ladder.more', { count: s.notListed }))}</p>` : '')
          : `<p>${esc(tr.t('report.none'))}</p>`,
      )}</section>`;
    case 'goals':
      return `<section>${block(
        tr.t('report.section.goals'),
        s.goals.length
          ? table(
              [tr.t('report.col.phase'), tr.t('report.col.goal'), tr.t('report.col.customer'), tr.t('report.col.metric'), tr.t('report.col.target'), tr.t('report.col.due'), tr.t('report.col.owner'), tr.t('report.col.odds')],
              s.goals.map((g) => [
                txt(g.phaseName),
                txt(g.title),
                g.customer ? txt(g.customer) : '—',
                esc(tr.t(`goalMetric.${g.metric}`)),
                esc(formatNumber(g.target, tr.locale)),
                esc(monthText(g.due, tr)),
                g.owner ? txt(g.owner) : '—',
                g.probability === null ? '—' : `<b>${esc(c.pct(g.probability))}</b>`,
              ]),
            )
          : `<p>${esc(tr.t('report.none'))}</p>`,
      )}</section>`;
    case 'targets': {
      const chart = m.cover.run?.mode === 'monte-carlo' && s.targets.some((t) => t.probability !== null) ? `<figure>${oddsChartSvg(s.targets, tr)}</figure>` : '';
      return `<section>${block(tr.t('report.section.targets'), chart || oddsTable(s.targets, c))}${chart ? oddsTable(s.targets, c) : ''}</section>`;
    }
    case 'funnels': {
      const funnels = s.funnels.map((f) =>
        block(
          `${f.name} — ${tr.t(`process.${f.process}`)}`,
          `<p>${esc(tr.t('report.col.dealSize'))}: ${esc(moneyRange(f.dealSize, c.currency, tr))} · ${esc(tr.t('report.col.segment'))}: ${f.segments.map(txt).join(', ') || '—'}</p>` +
            table(
              [tr.t('report.col.stage'), tr.t('report.col.conversion'), tr.t('report.col.days'), tr.t('report.col.owner')],
              f.stages.map((st) => [txt(st.name), esc(percentRange(st.conversion, tr)), esc(numberRange(st.days, tr)), st.owner ? txt(st.owner) : '—']),
            ) +
            (f.kpis
              ? `<h4>${esc(tr.t('report.funnel.kpis'))}</h4>` +
                table(
                  KPI_METRICS.map((k) => tr.t(`metric.${k}`)),
                  [KPI_METRICS.map((k) => esc(kpiText(k, f.kpis![k], tr)))],
                  'small',
                )
              : ''),
          3,
        ),
      );
      const fans = s.fans.map((f) => {
        const title = f.p50
          ? tr.t('report.funnel.fan', { metric: tr.t(`metric.${f.metric}`) })
          : tr.t('report.funnel.fanExpected', { metric: tr.t(`metric.${f.metric}`) });
        return block(title, `<figure>${fanChartSvg(f, c.currency, tr)}</figure>`, 3);
      });
      // The section heading stays with the first funnel (its first block).
      const [first, ...rest] = funnels;
      return `<section><div class="keep"><h2>${esc(tr.t('report.section.funnels'))}</h2>${first ?? `<p>${esc(tr.t('report.none'))}</p>`}</div>${rest.join('')}${fans.join('')}</section>`;
    }
    case 'actuals': {
      let body: string;
      if (s.count === 0) body = `<p>${esc(tr.t('report.actuals.none'))}</p>`;
      else if (s.asOf === null && !s.checks.length) body = `<p>${esc(tr.t('report.actuals.noRun'))}</p>`;
      else
        body =
          `<p class="note">${esc(tr.t('report.actuals.asOf', { count: s.count, month: s.asOf ? monthText(s.asOf, tr) : '—' }))}</p>` +
          table(
            [tr.t('report.col.month'), tr.t('report.col.metric'), tr.t('report.col.scope'), tr.t('report.col.actual'), tr.t('report.col.range'), tr.t('report.col.p50'), tr.t('report.col.percentile')],
            s.checks.map((ch) => [
              esc(monthText(ch.month, tr)),
              esc(tr.t(`metric.${ch.metric}`)),
              ch.segment === null ? esc(tr.t('report.col.wholePlan')) : txt(ch.segment),
              `<b>${esc(actualValue(ch.metric, ch.value, c.currency, tr))}</b>`,
              esc(`${actualValue(ch.metric, ch.p10, c.currency, tr)} – ${actualValue(ch.metric, ch.p90, c.currency, tr)}`),
              esc(actualValue(ch.metric, ch.p50, c.currency, tr)),
              esc(c.pct(ch.percentile)) + (ch.outside ? ` <b>${esc(tr.t(`report.actuals.${ch.outside}`))}</b>` : ''),
            ]),
            'small',
          );
      const odds = s.targets.length
        ? table(
            [tr.t('report.col.phase'), tr.t('report.col.metric'), tr.t('report.col.target'), tr.t('report.col.scope'), tr.t('report.col.asPlanned'), tr.t('report.col.reforecast')],
            s.targets.map((t) => [
              txt(t.phaseName),
              esc(tr.t(`metric.${t.metric}`)),
              esc(metricValue(t.metric, t.value, c.currency, tr)),
              t.scope ? txt(t.scope) : esc(tr.t('report.col.wholePlan')),
              esc(c.pct(t.probability)),
              `<b>${esc(c.pct(t.reforecast))}</b>`,
            ]),
          )
        : '';
      return `<section>${block(tr.t('report.section.actuals'), body)}${odds}</section>`;
    }
    case 'decisions':
      return `<section>${block(
        tr.t('report.section.decisions'),
        s.rows.length
          ? table(
              [tr.t('report.col.at'), tr.t('report.col.decision'), tr.t('report.col.phase'), tr.t('report.col.by')],
              s.rows.map((d) => [`<span class="nowrap">${esc(d.at.slice(0, 10))}</span>`, txt(d.text), d.phase ? txt(d.phase) : '—', d.by ? txt(d.by) : '—']),
            )
          : `<p>${esc(tr.t('report.none'))}</p>`,
      )}</section>`;
    case 'scenarios':
      return `<section>${block(
        tr.t('report.section.scenarios'),
        `<p class="note">${esc(tr.t('report.scenario.expectedNote'))}</p>` +
          table(
            [tr.t('report.col.scenario'), tr.t('report.col.adjust'), tr.t('metric.leads'), tr.t('metric.wins'), tr.t('metric.bookings'), tr.t('metric.cash')],
            s.rows.map((r) => [
              r.id === null ? esc(tr.t('report.scenario.base')) : txt(r.name),
              esc(adjustText(r.adjust, r.stageNames, tr)),
              ...(r.totals
                ? [esc(formatNumber(r.totals.leads, tr.locale, 0)), esc(formatNumber(r.totals.wins, tr.locale, 1)), esc(c.money(r.totals.bookings)), esc(c.money(r.totals.cash))]
                : ['—', '—', '—', '—']),
            ]),
          ),
      )}</section>`;
    case 'appendix':
      return `<section class="page">${block(
        tr.t('report.section.appendix'),
        table(
          [tr.t('report.col.input'), tr.t('report.col.value')],
          s.inputs.map((i) => [txt(inputLabel(i, tr)), esc(inputValue(i, c.currency, tr))]),
          'small',
        ),
      )}</section>`;
    default:
      return unreachable(s);
  }
}

function cover(m: ReportModel, c: Ctx): string {
  const { tr } = c;
  const cv = m.cover;
  const run = cv.run
    ? cv.run.mode === 'monte-carlo'
      ? tr.t('report.runMonteCarlo', { trials: cv.run.trials, seed: String(cv.run.seed), date: cv.run.createdAt.slice(0, 10) })
      : tr.t('report.runExpected')
    : tr.t('report.summary.noRun', { reason: cv.noRunReason ?? '' });
  const rows: [string, string][] = [
    [tr.t('report.currency'), esc(cv.currency)],
    [tr.t('report.horizon'), esc(tr.t('report.horizonValue', { range: monthRange(cv.startMonth, cv.endMonth, tr), months: cv.horizonMonths }))],
    [tr.t('report.scenario'), cv.scenarioName === null ? esc(tr.t('report.scenarioNone')) : txt(cv.scenarioName)],
    [tr.t('report.run'), esc(run) + (cv.run?.ranForReport ? ` (${esc(tr.t('report.runFresh'))})` : '')],
  ];
  return `<section class="cover page"><p class="kicker">${esc(tr.t('report.title'))}</p><h1>${txt(cv.planName)}</h1>${
    cv.description ? `<p class="lead">${txt(cv.description)}</p>` : ''
  }<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl><p class="note">${esc(tr.t('report.generated', { date: cv.generatedAt.slice(0, 10) }))}</p></section>`;
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:'${REPORT_FONT_FAMILY}',sans-serif;color:#1f2937;margin:0 auto;max-width:960px;padding:16px;font-size:11pt;line-height:1.45}
h1{font-size:22pt;margin:.2em 0}
h2{font-size:15pt;border-bottom:2px solid #b91c1c;padding-bottom:2px;margin:1.2em 0 .5em}
h3{font-size:12pt;margin:1em 0 .4em}
h4{font-size:10pt;margin:.6em 0 .2em}
h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
.keep{break-inside:avoid;page-break-inside:avoid}
.page{break-after:page;page-break-after:always}
.cover{padding-top:20vh}
.kicker{color:#b91c1c;font-weight:700;letter-spacing:.05em;text-transform:uppercase}
.lead{font-size:12pt;color:#374151}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
dt{font-weight:700}
dd{margin:0}
.note{color:#6b7280;font-size:9pt}
.nowrap{white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.3em 0 1em;font-size:9.5pt}
table.small{font-size:8.5pt}
th,td{border-bottom:1px solid #e5e7eb;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{white-space:nowrap}
th{background:#f3f4f6}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
ul,ol{margin:0;padding-left:1.2em}
figure{margin:0 0 1em;break-inside:avoid}
figure svg{max-width:100%;height:auto}
@media (max-width:640px){body{font-size:10pt;padding:8px}table{display:block;overflow-x:auto}}
`;

export interface HtmlOptions {
  paper?: Paper;
}

export function reportHtml(model: ReportModel, opts: HtmlOptions = {}): string {
  const tr = createTranslator(model.lang);
  const currency = model.cover.currency;
  const c: Ctx = {
    tr,
    currency,
    money: (v) => formatMoney(v, currency, tr.locale, { compact: true }),
    pct: (v) => (v === null ? '—' : formatPercent(v, tr.locale, 0)),
  };
  const body = cover(model, c) + model.sections.map((s) => section(s, model, c)).join('\n');
  // Fonts for exactly the characters on the page (markup included: digits, Latin).
  const fonts = inlineFontCss(body);
  const paper = opts.paper ?? 'A4';
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${esc(model.cover.planName)} — ${esc(tr.t('report.title'))}</title>
<style>${fonts}
${STYLE}
@page{size:${paper};margin:16mm 14mm 18mm}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
