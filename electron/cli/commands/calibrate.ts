// `calibrate`: the funnel's inputs suggested from a CRM deal-history export
// (simulation-model.md "Calibration from deal history"). Prints the history's
// figures and the suggested Ranges beside today's values; changes the plan
// only with --apply, as one undoable edit (plan.batch).
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api/result';
import {
  calibrate,
  calibrationEdits,
  DEAL_COLUMNS,
  DEAL_HISTORY_LIMITS,
  MAX_HISTORY_BYTES,
  resolveColumn,
  type CalibrationProblem,
  type DealColumn,
  type Outcome,
  type Suggestion,
} from '../../../shared/calibration';
import { catalogs, formatNumber, formatPercent, interpolate, translate } from '../../../shared/i18n';
import { decodeTextBytes, parseCsvText } from '../../../shared/import';
import { SPREADSHEET_MAX_BYTES } from '../../../shared/api/methods/import';
import type { Range } from '../../../shared/plan/types';
import { readWorkbook } from '../../services/spreadsheet';
import { UsageError, type CommandRun } from '../command';
import { table } from './simulation-text';

function parseMap(text: string): Partial<Record<DealColumn, string>> {
  const out: Partial<Record<DealColumn, string>> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim() as DealColumn;
    if (eq === -1 || !(DEAL_COLUMNS as readonly string[]).includes(key))
      throw new UsageError(`--map takes FIELD=COLUMN pairs with FIELD one of ${DEAL_COLUMNS.join(', ')}; got "${part}"`);
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}

const list = (v: string | undefined) => (v === undefined ? [] : v.split(',').map((s) => s.trim()).filter((s) => s !== ''));

/** A CSV or XLSX file as a grid (header first), refused before reading when too large. Also read by `actuals --import`. */
export async function readHistory(path: string): Promise<string[][]> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ApiError('file_not_found', `There is no file at ${path}`);
  }
  const xlsx = extname(path).toLowerCase() === '.xlsx';
  const max = xlsx ? SPREADSHEET_MAX_BYTES : MAX_HISTORY_BYTES;
  if (size > max) throw new ApiError('invalid_argument', message({ key: 'calibration.problem.fileTooLarge', params: { size: (size / 1048576).toFixed(1), max: max / 1048576 } }));
  const bytes = readFileSync(path);
  if (xlsx) {
    const sheets = await readWorkbook(bytes);
    return sheets.find((s) => s.rows.length > 0)?.rows ?? [];
  }
  return parseCsvText(decodeTextBytes(bytes).text, DEAL_HISTORY_LIMITS).rows;
}

/** A problem's message in English, like the rest of the CLI. */
function message(p: Pick<CalibrationProblem, 'key' | 'params'>): string {
  return interpolate(catalogs.en[p.key], p.params, 'en');
}

function rangeText(r: Range | null, fmt: (n: number) => string): string {
  if (r === null) return '—';
  return typeof r === 'number' ? fmt(r) : `${fmt(r.min)} / ${fmt(r.mode)} / ${fmt(r.max)}`;
}

function formatter(s: Suggestion, currency: string): (n: number) => string {
  if (s.field === 'conversion') return (n) => formatPercent(n, 'en', 1);
  if (s.field === 'dealSize') return (n) => `${currency} ${formatNumber(n, 'en', 0)}`;
  return (n) => formatNumber(n, 'en', 1);
}

export const calibrateCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        history: { type: 'string' },
        funnel: { type: 'string' },
        segment: { type: 'string' },
        map: { type: 'string' },
        won: { type: 'string' },
        lost: { type: 'string' },
        open: { type: 'string' },
        dates: { type: 'string' },
        accept: { type: 'string' },
        json: { type: 'boolean' },
        apply: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    if (values.history === undefined) throw new UsageError('--history DEALS.csv is required');
    if (values.funnel === undefined) throw new UsageError('--funnel ID is required');
    if (values.map === undefined) throw new UsageError('--map created=COL,closed=COL,outcome=COL,value=COL is required');
    if (values.dates !== undefined && values.dates !== 'mdy' && values.dates !== 'dmy') throw new UsageError('--dates is mdy or dmy');
    const specs = parseMap(values.map);
    const outcomes: Record<string, Outcome> = {};
    for (const [o, v] of [['won', values.won], ['lost', values.lost], ['open', values.open]] as const) for (const w of list(v)) outcomes[w] = o;

    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const { plan } = await cli.call('plan.get', {});
    const funnel = plan.funnels.find((f) => f.id === values.funnel);
    if (!funnel) throw new ApiError('not_found', `the plan has no funnel "${values.funnel}" (funnels: ${plan.funnels.map((f) => f.id).join(', ')})`);
    const segment = values.segment === undefined ? null : (plan.segments.find((s) => s.id === values.segment) ?? null);
    if (values.segment !== undefined && !segment) throw new ApiError('not_found', `the plan has no segment "${values.segment}"`);
    if (segment && segment.funnelId !== funnel.id) throw new ApiError('invalid_argument', `segment "${segment.id}" uses funnel "${segment.funnelId}", not "${funnel.id}"`);

    const grid = await readHistory(cli.path(values.history));
    const header = grid[0] ?? [];
    const columns: Partial<Record<DealColumn, number>> = {};
    for (const [field, spec] of Object.entries(specs) as [DealColumn, string][]) {
      const c = resolveColumn(header, spec);
      if (c === null) throw new UsageError(`--map ${field}=${spec}: the history has no such column (columns: ${header.map((h) => `"${h}"`).join(', ')})`);
      columns[field] = c;
    }
    const result = calibrate(grid, { columns, outcomes, currency: plan.plan.currency, dateOrder: (values.dates as 'mdy' | 'dmy' | undefined) ?? null }, funnel, segment);
    const accepted = new Set(values.accept === undefined ? result.suggestions.map((s) => s.id) : list(values.accept));
    for (const id of accepted)
      if (values.accept !== undefined && !result.suggestions.some((s) => s.id === id))
        throw new UsageError(`--accept ${id}: no such suggestion (${result.suggestions.map((s) => s.id).join(', ') || 'none'})`);

    let applied = false;
    if (values.apply && result.ok) {
      const edits = calibrationEdits(funnel, segment, result.suggestions, accepted);
      if (edits.length > 0) {
        await cli.call('plan.batch', { edits, label: `Calibrate ${funnel.id} from deal history` });
        applied = true;
      }
    }
    const problems = result.problems.map((p) => ({ ...p, message: message(p) }));
    if (values.json) {
      cli.out(
        `${JSON.stringify({
          ok: result.ok,
          funnel: funnel.id,
          segment: segment?.id ?? null,
          dateFormats: result.read.dateFormats,
          used: result.used,
          figures: result.figures,
          suggestions: result.suggestions,
          problems,
          applied,
        })}\n`,
      );
      return result.ok ? 0 : 1;
    }
    for (const p of problems) (p.severity === 'error' ? cli.err : cli.out)(`${p.severity}: ${p.message}\n`);
    if (!result.ok) {
      cli.err('nothing was changed\n');
      return 1;
    }
    const f = result.figures!;
    const lines = [
      `Deal history of funnel ${funnel.id}${segment ? `, segment ${segment.id}` : ''}: ${f.deals.total} deals (${f.deals.won} won, ${f.deals.lost} lost, ${f.deals.open} open), ${f.span.from} – ${f.span.to}`,
    ];
    if (f.winRate)
      lines.push(
        `Win rate ${formatPercent(f.winRate.value, 'en', 1)} (90 % interval ${formatPercent(f.winRate.low, 'en', 1)}–${formatPercent(f.winRate.high, 'en', 1)}) from ${f.winRate.won} won and ${f.winRate.lost} lost`,
      );
    const q = (x: { p10: number; p50: number; p90: number }, d = 1) => `P10 ${formatNumber(x.p10, 'en', d)}, P50 ${formatNumber(x.p50, 'en', d)}, P90 ${formatNumber(x.p90, 'en', d)}`;
    if (f.cycle) lines.push(`Sales cycle (days, ${f.cycle.evidence.n} won): ${q(f.cycle)}`);
    if (f.dealSize) lines.push(`Deal size (${plan.plan.currency}, ${f.dealSize.evidence.n} won): ${q(f.dealSize, 0)}`);
    if (f.leadVolume) lines.push(`Deals created per month (${f.leadVolume.evidence.n} full months, ${f.leadVolume.evidence.from} – ${f.leadVolume.evidence.to}): ${q(f.leadVolume)}`);
    const rows = [['suggestion', 'today', 'suggested (min / mode / max)', 'n', 'from', 'to']];
    for (const s of result.suggestions) {
      const fmt = formatter(s, plan.plan.currency);
      rows.push([s.id, rangeText(s.current, fmt), rangeText(s.suggested, fmt), String(s.evidence.n), s.evidence.from ?? '', s.evidence.to ?? '']);
    }
    lines.push('', table(rows, 3), '', translate('en', 'calibration.modeNote'));
    lines.push(applied ? `Applied ${accepted.size} suggestion(s) as one edit (undo restores them).` : 'Nothing was changed (use --apply to accept).');
    cli.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
