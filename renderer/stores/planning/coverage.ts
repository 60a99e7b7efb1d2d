// How the phases cover the plan horizon: each phase's span in months, the
// months no phase covers (gaps), the months two phases share (overlaps), and
// why a proposed phase would be refused. Pure functions over plain values so
// the roadmap, its explanations and the unit tests agree.
//
// Order decision: phases must not overlap, so their dates already order them.
// The roadmap and every list show phases by start month, and the screen keeps
// the plan's array order equal to that date order (see PlanningStore).
import { addMonths, isMonth, monthIndex } from '../../../shared/plan/months';
import { PHASE_STAGES, type Phase, type PhaseStage, type PlanSettings } from '../../../shared/plan/types';

export interface MonthSpan {
  /** First and last month, inclusive ("YYYY-MM"). */
  start: string;
  end: string;
  /** The same as indexes from the plan's start month (0 = first month). */
  from: number;
  to: number;
}

export interface PhaseSpan extends MonthSpan {
  phase: Phase;
  /** 1-based position in date order. */
  number: number;
  months: number;
}

export interface Overlap extends MonthSpan {
  /** The two phases sharing these months (earlier first). */
  a: Phase;
  b: Phase;
}

export interface Coverage {
  horizonMonths: number;
  spans: PhaseSpan[];
  gaps: MonthSpan[];
  overlaps: Overlap[];
}

type Horizon = Pick<PlanSettings, 'startMonth' | 'horizonMonths'>;

function span(h: Horizon, from: number, to: number): MonthSpan {
  return { start: addMonths(h.startMonth, from), end: addMonths(h.startMonth, to), from, to };
}

/** Phases sorted by start month, then end month, then their array order. */
export function phasesByDate<P extends Pick<Phase, 'start' | 'end'>>(phases: readonly P[]): P[] {
  return phases
    .map((p, i) => ({ p, i }))
    .sort((x, y) => cmp(x.p.start, y.p.start) || cmp(x.p.end, y.p.end) || x.i - y.i)
    .map(({ p }) => p);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function computeCoverage(h: Horizon, phases: readonly Phase[]): Coverage {
  const sorted = phasesByDate(phases.filter((p) => isMonth(p.start) && isMonth(p.end)));
  const spans: PhaseSpan[] = sorted.map((phase, i) => {
    const from = monthIndex(h.startMonth, phase.start);
    const to = monthIndex(h.startMonth, phase.end);
    return { phase, number: i + 1, start: phase.start, end: phase.end, from, to, months: Math.max(0, to - from + 1) };
  });

  const covered = new Array<boolean>(h.horizonMonths).fill(false);
  for (const s of spans) for (let m = Math.max(0, s.from); m <= Math.min(h.horizonMonths - 1, s.to); m++) covered[m] = true;
  const gaps: MonthSpan[] = [];
  for (let m = 0; m < h.horizonMonths; m++) {
    if (covered[m]) continue;
    const from = m;
    while (m + 1 < h.horizonMonths && !covered[m + 1]) m++;
    gaps.push(span(h, from, m));
  }

  const overlaps: Overlap[] = [];
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      const from = Math.max(a.from, b.from);
      const to = Math.min(a.to, b.to);
      if (from <= to) overlaps.push({ ...span(h, from, to), a: a.phase, b: b.phase });
    }
  return { horizonMonths: h.horizonMonths, spans, gaps, overlaps };
}

export type PhaseProblem =
  | { kind: 'endBeforeStart' }
  | { kind: 'outsideHorizon'; first: string; last: string }
  | { kind: 'overlap'; other: Phase; start: string; end: string };

/** Why the store would refuse `candidate` (replacing the phase with the same
 * id, or `replacing`), or null when it fits. */
export function phaseProblem(h: Horizon, phases: readonly Phase[], candidate: Phase, replacing = candidate.id): PhaseProblem | null {
  const from = monthIndex(h.startMonth, candidate.start);
  const to = monthIndex(h.startMonth, candidate.end);
  if (to < from) return { kind: 'endBeforeStart' };
  if (from < 0 || to >= h.horizonMonths)
    return { kind: 'outsideHorizon', first: h.startMonth, last: addMonths(h.startMonth, h.horizonMonths - 1) };
  for (const other of phasesByDate(phases)) {
    if (other.id === replacing) continue;
    const start = candidate.start > other.start ? candidate.start : other.start;
    const end = candidate.end < other.end ? candidate.end : other.end;
    if (start <= end) return { kind: 'overlap', other, start, end };
  }
  return null;
}

export const DEFAULT_PHASE_MONTHS = 6;

/** The stage after `stage` in the method's order (the last one repeats). */
export function nextStage(stage: PhaseStage | undefined): PhaseStage {
  if (!stage) return PHASE_STAGES[0];
  return PHASE_STAGES[Math.min(PHASE_STAGES.indexOf(stage) + 1, PHASE_STAGES.length - 1)]!;
}

/** Where a new phase goes: the free months right after the last phase (up to
 * six), else the first gap in the horizon; null when every month is taken. */
export function newPhaseSlot(h: Horizon, phases: readonly Phase[]): { start: string; end: string; stage: PhaseStage } | null {
  const { spans, gaps } = computeCoverage(h, phases);
  const last = spans[spans.length - 1];
  const after = gaps.find((g) => !last || g.from > last.to) ?? gaps[0];
  if (!after) return null;
  const to = Math.min(after.to, after.from + DEFAULT_PHASE_MONTHS - 1);
  return { ...span(h, after.from, to), stage: nextStage(last?.phase.stage) };
}

/** The two phases' new months when `id` swaps places with its neighbour in
 * date order: each keeps its length, any gap between them stays between
 * them, and together they cover the same months as before. */
export function swapWithNeighbour(h: Horizon, phases: readonly Phase[], id: string, direction: -1 | 1): Phase[] | null {
  const sorted = phasesByDate(phases);
  const i = sorted.findIndex((p) => p.id === id);
  const j = i + direction;
  if (i < 0 || j < 0 || j >= sorted.length) return null;
  const [first, second] = direction < 0 ? [sorted[j]!, sorted[i]!] : [sorted[i]!, sorted[j]!];
  const idx = (m: string) => monthIndex(h.startMonth, m);
  const gap = idx(second.start) - idx(first.end) - 1;
  const secondLength = idx(second.end) - idx(second.start);
  const firstLength = idx(first.end) - idx(first.start);
  const movedStart = first.start;
  const movedEnd = addMonths(movedStart, secondLength);
  const followerStart = addMonths(movedEnd, gap + 1);
  return [
    { ...second, start: movedStart, end: movedEnd },
    { ...first, start: followerStart, end: addMonths(followerStart, firstLength) },
  ];
}

/** `base` if free, else `base-2`, `base-3`, … (ids are [A-Za-z0-9_.-], ≤ 64). */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  const clean = base.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'item';
  if (!taken(clean)) return clean;
  for (let n = 2; ; n++) if (!taken(`${clean}-${n}`)) return `${clean}-${n}`;
}
