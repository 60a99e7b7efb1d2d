// The history's own figures (simulation-model.md, "Calibration from deal
// history"): lead volume per month, win rate with its 90 % interval, sales
// cycle and deal size P10/P50/P90, and — when the last stage reached is
// known — each stage's conversion. Quantiles are type 7 (linear between
// order statistics), the same as the simulation's own P10/P50/P90.
import { normalizeLabel } from '../import/fields';
import type { Funnel, Segment } from '../plan/types';
import { quantiles3 } from '../simulation/stats';
import { betaQuantile } from './beta';
import { isoDate } from './dates';
import type { Deal } from './deals';
import { ProblemCollector, type CalibrationProblem } from './problems';

/** What a figure rests on: how many deals (or months) and the dates they span. */
export interface Evidence {
  n: number;
  from: string | null;
  to: string | null;
}

export interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
}

export interface StageConversion {
  stage: number;
  /** Deals that left the stage forward (advanced or won). */
  forward: number;
  /** Deals that left the stage: forward plus those lost there. */
  left: number;
  rate: number;
}

export interface HistoryFigures {
  deals: { total: number; won: number; lost: number; open: number };
  span: Evidence;
  /** Created deals per full calendar month of the span (null: no full month). */
  leadVolume: (Quantiles & { months: string[]; counts: number[]; evidence: Evidence }) | null;
  winRate: { value: number; low: number; high: number; won: number; lost: number; evidence: Evidence } | null;
  /** Won deals' days from created to closed. */
  cycle: (Quantiles & { evidence: Evidence }) | null;
  /** Won deals' values. */
  dealSize: (Quantiles & { evidence: Evidence }) | null;
  /** Per stage of the funnel, from the last stage reached (null: no stage column). */
  stages: (StageConversion | null)[] | null;
}

function q3(values: number[]): Quantiles {
  const [p10, p50, p90] = quantiles3(Float64Array.from(values), values.length);
  return { p10, p50, p90 };
}

function evidence(n: number, days: Iterable<number>): Evidence {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of days) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return { n, from: lo === Infinity ? null : isoDate(lo), to: hi === -Infinity ? null : isoDate(hi) };
}

/** The deals of one segment: by the segment column (id or name) when the file has one, else all. */
export function dealsOfSegment(deals: readonly Deal[], segment: Segment | null): Deal[] {
  if (!segment || deals.every((d) => d.segment === null)) return [...deals];
  const name = normalizeLabel(segment.name);
  return deals.filter((d) => d.segment !== null && (d.segment === segment.id || normalizeLabel(d.segment) === name));
}

/** A stage text as a stage index of the funnel: its index (0-based), key or name. */
export function stageIndex(funnel: Funnel, text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) {
    const i = Number(t);
    return i < funnel.stages.length ? i : null;
  }
  const key = normalizeLabel(t);
  const i = funnel.stages.findIndex((s) => s.key === t || normalizeLabel(s.key) === key || normalizeLabel(s.name) === key);
  return i === -1 ? null : i;
}

function monthKey(day: number): number {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function leadVolume(deals: readonly Deal[]): HistoryFigures['leadVolume'] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of deals) {
    lo = Math.min(lo, d.created);
    hi = Math.max(hi, d.created, d.closed ?? -Infinity);
  }
  if (lo === Infinity) return null;
  // Full months: a month is in the span from its first day to its last.
  const first = new Date(lo * 86_400_000).getUTCDate() === 1 ? monthKey(lo) : monthKey(lo) + 1;
  const last = new Date((hi + 1) * 86_400_000).getUTCDate() === 1 ? monthKey(hi) : monthKey(hi) - 1;
  if (last < first) return null;
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const d of deals) {
    const m = monthKey(d.created) - first;
    if (m >= 0 && m < counts.length) counts[m]!++;
  }
  const months = counts.map((_, i) => {
    const k = first + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
  const firstDay = Date.UTC(Math.floor(first / 12), first % 12, 1) / 86_400_000;
  const lastDay = Date.UTC(Math.floor((last + 1) / 12), (last + 1) % 12, 1) / 86_400_000 - 1;
  return { ...q3(counts), months, counts, evidence: { n: counts.length, from: isoDate(firstDay), to: isoDate(lastDay) } };
}

function stageConversions(deals: readonly Deal[], funnel: Funnel, problems: ProblemCollector, column: string): (StageConversion | null)[] {
  const k = funnel.stages.length;
  const forward = new Array<number>(k).fill(0);
  const lostAt = new Array<number>(k).fill(0);
  let won = 0;
  for (const d of deals) {
    if (d.outcome === 'won') {
      won++;
      continue;
    }
    if (d.stage === null) {
      if (d.outcome === 'lost') problems.add('error', 'calibration.problem.lostWithoutStage', column, d.line);
      continue;
    }
    const s = stageIndex(funnel, d.stage);
    if (s === null) {
      problems.add('error', 'calibration.problem.unknownStage', column, d.line, { example: d.stage, funnel: funnel.name });
      continue;
    }
    // The deal left every stage before s forward.
    for (let i = 0; i < s; i++) forward[i]!++;
    if (d.outcome === 'lost') lostAt[s]!++;
  }
  return forward.map((f, i) => {
    const fw = f + won;
    const left = fw + lostAt[i]!;
    return left === 0 ? null : { stage: i, forward: fw, left, rate: fw / left };
  });
}

export interface FigureOptions {
  /** The stage column's header, when the file has one (for messages). */
  stageColumn?: string;
}

export function estimateFigures(
  deals: readonly Deal[],
  funnel: Funnel,
  opts: FigureOptions = {},
): { figures: HistoryFigures; problems: CalibrationProblem[] } {
  const problems = new ProblemCollector();
  let won = 0, lost = 0, open = 0;
  const cycleDays: number[] = [];
  const values: number[] = [];
  const wonDates: number[] = [];
  const decidedDates: number[] = [];
  for (const d of deals) {
    if (d.outcome === 'won') {
      won++;
      if (d.closed !== null) {
        cycleDays.push(d.closed - d.created);
        wonDates.push(d.created, d.closed);
        decidedDates.push(d.created, d.closed);
      }
      if (d.value !== null) values.push(d.value);
    } else if (d.outcome === 'lost') {
      lost++;
      decidedDates.push(d.created);
      if (d.closed !== null) decidedDates.push(d.closed);
    } else open++;
  }
  if (deals.length === 0) problems.general('error', 'calibration.problem.noDeals');
  else if (won + lost === 0) problems.general('error', 'calibration.problem.allOpen', { count: open });
  else if (won === 0) problems.general('error', 'calibration.problem.noWon', { count: lost });
  else if (lost === 0) problems.general('error', 'calibration.problem.noLost', { count: won });

  const allDates: number[] = [];
  for (const d of deals) {
    allDates.push(d.created);
    if (d.closed !== null) allDates.push(d.closed);
  }
  const figures: HistoryFigures = {
    deals: { total: deals.length, won, lost, open },
    span: evidence(deals.length, allDates),
    leadVolume: leadVolume(deals),
    winRate:
      won + lost === 0
        ? null
        : {
            value: won / (won + lost),
            low: betaQuantile(0.05, won + 1, lost + 1),
            high: betaQuantile(0.95, won + 1, lost + 1),
            won,
            lost,
            evidence: evidence(won + lost, decidedDates),
          },
    cycle: cycleDays.length === 0 ? null : { ...q3(cycleDays), evidence: evidence(cycleDays.length, wonDates) },
    dealSize: values.length === 0 ? null : { ...q3(values), evidence: evidence(values.length, wonDates) },
    stages: opts.stageColumn === undefined ? null : stageConversions(deals, funnel, problems, opts.stageColumn),
  };
  if (deals.length > 0 && figures.leadVolume === null) problems.general('warning', 'calibration.problem.noFullMonth');
  return { figures, problems: problems.list() };
}
