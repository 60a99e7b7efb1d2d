// The history's figures → suggested Ranges for one funnel (and segment),
// exactly as simulation-model.md "Calibration from deal history" says, and
// the accepted ones as one plan.batch (one undoable edit).
import type { Edit } from '../api/contract';
import type { Funnel, LeadEntry, Range, Segment, Stage } from '../plan/types';
import type { Evidence, HistoryFigures } from './estimate';

export type SuggestionField = 'leads' | 'conversion' | 'days' | 'dealSize';

export interface Suggestion {
  /** Stable id for accepting field by field: "leads", "dealSize", "stages.2.conversion", "stages.2.days". */
  id: string;
  field: SuggestionField;
  /** The stage index for conversion and days. */
  stage: number | null;
  current: Range | null;
  suggested: Range;
  evidence: Evidence;
}

type Triple = { min: number; mode: number; max: number };

function triple(r: Range): Triple {
  return typeof r === 'number' ? { min: r, mode: r, max: r } : r;
}

/** A triangle whose three points coincide is written as the plain number. */
function range(t: Triple): Range {
  return t.min === t.mode && t.mode === t.max ? t.mode : t;
}

/**
 * The common factor f with Π min(1, f·m_i) = w: a stage that would pass 1 is
 * held at 1 and f is found again for the others. null when it cannot be done
 * (a mode of 0 while w > 0).
 */
export function conversionFactor(modes: readonly number[], w: number): number | null {
  const held = new Set<number>();
  for (;;) {
    const free = modes.map((_, i) => i).filter((i) => !held.has(i));
    if (free.length === 0) return w === 1 ? 1 : null;
    let prod = 1;
    for (const i of free) prod *= modes[i]!;
    if (prod === 0) return w === 0 ? 0 : null;
    const f = Math.pow(w / prod, 1 / free.length);
    const over = free.filter((i) => f * modes[i]! >= 1);
    if (over.length === 0) return f;
    for (const i of over) held.add(i);
  }
}

/** A conversion Range with its mode moved to `mode`, min and max keeping their ratio to it (capped at 1). */
export function rescaleConversion(current: Range, mode: number): Range {
  const m = Math.min(1, mode);
  if (typeof current === 'number') return m;
  if (current.mode === 0) return m;
  const k = m / current.mode;
  return range({ min: Math.min(1, current.min * k), mode: m, max: Math.min(1, current.max * k) });
}

/**
 * Stage day Ranges scaled by one factor per point so that the sums of mins,
 * modes and maxes are the history's P10, median and P90; each stage keeps
 * its share of today's total; a mode outside its scaled min–max is clamped.
 * A point whose total is 0 today is shared equally.
 */
export function scaleStageDays(days: readonly Range[], p10: number, p50: number, p90: number): Range[] {
  const t = days.map(triple);
  const scale = (pick: (x: Triple) => number, target: number) => {
    const sum = t.reduce((s, x) => s + pick(x), 0);
    return t.map((x) => (sum > 0 ? (pick(x) * target) / sum : target / t.length));
  };
  const mins = scale((x) => x.min, p10);
  const modes = scale((x) => x.mode, p50);
  const maxes = scale((x) => x.max, p90);
  return t.map((_, i) => {
    // Not said by the doc: a stage whose scaled min passes its scaled max
    // (its share of today's mins is larger than of its maxes) swaps them.
    const lo = Math.min(mins[i]!, maxes[i]!);
    const hi = Math.max(mins[i]!, maxes[i]!);
    return range({ min: lo, mode: Math.min(hi, Math.max(lo, modes[i]!)), max: hi });
  });
}

/** The lead-plan entry a volume suggestion replaces: the segment's default (no phase), else its first. */
export function leadEntryIndex(segment: Segment): number {
  const i = segment.leads.findIndex((l) => l.phaseId === undefined);
  return i !== -1 ? i : segment.leads.length > 0 ? 0 : -1;
}

export function suggestRanges(figures: HistoryFigures, funnel: Funnel, segment: Segment | null): Suggestion[] {
  const out: Suggestion[] = [];
  const lv = figures.leadVolume;
  if (segment && lv) {
    const i = leadEntryIndex(segment);
    out.push({
      id: 'leads',
      field: 'leads',
      stage: null,
      current: i === -1 ? null : segment.leads[i]!.perMonth,
      suggested: range({ min: lv.p10, mode: lv.p50, max: lv.p90 }),
      evidence: lv.evidence,
    });
  }

  const stages = funnel.stages;
  if (figures.stages) {
    figures.stages.forEach((s, i) => {
      if (!s) return;
      out.push({
        id: `stages.${i}.conversion`,
        field: 'conversion',
        stage: i,
        current: stages[i]!.conversion,
        suggested: rescaleConversion(stages[i]!.conversion, s.rate),
        evidence: { n: s.left, from: figures.winRate?.evidence.from ?? null, to: figures.winRate?.evidence.to ?? null },
      });
    });
  } else if (figures.winRate && stages.length > 1) {
    const later = stages.slice(1);
    const f = conversionFactor(later.map((s) => triple(s.conversion).mode), figures.winRate.value);
    if (f !== null)
      later.forEach((s, j) => {
        out.push({
          id: `stages.${j + 1}.conversion`,
          field: 'conversion',
          stage: j + 1,
          current: s.conversion,
          suggested: rescaleConversion(s.conversion, f * triple(s.conversion).mode),
          evidence: figures.winRate!.evidence,
        });
      });
  }

  const cycle = figures.cycle;
  if (cycle && stages.length > 0) {
    const scaled = scaleStageDays(stages.map((s) => s.days), cycle.p10, cycle.p50, cycle.p90);
    scaled.forEach((r, i) => out.push({ id: `stages.${i}.days`, field: 'days', stage: i, current: stages[i]!.days, suggested: r, evidence: cycle.evidence }));
  }

  const size = figures.dealSize;
  if (size) out.push({ id: 'dealSize', field: 'dealSize', stage: null, current: funnel.dealSize, suggested: range({ min: size.p10, mode: size.p50, max: size.p90 }), evidence: size.evidence });
  return out;
}

/**
 * The accepted suggestions as edits for one plan.batch: at most one funnel
 * update and one segment update (full entities, as the API takes them).
 */
export function calibrationEdits(funnel: Funnel, segment: Segment | null, suggestions: readonly Suggestion[], accepted: ReadonlySet<string>): Edit[] {
  const chosen = suggestions.filter((s) => accepted.has(s.id));
  const edits: Edit[] = [];
  const funnelPart = chosen.filter((s) => s.field !== 'leads');
  if (funnelPart.length > 0) {
    const stagesCopy: Stage[] = funnel.stages.map((s) => ({ ...s }));
    let dealSize = funnel.dealSize;
    for (const s of funnelPart) {
      if (s.field === 'dealSize') dealSize = s.suggested;
      else if (s.field === 'conversion') stagesCopy[s.stage!]!.conversion = s.suggested;
      else stagesCopy[s.stage!]!.days = s.suggested;
    }
    edits.push({ kind: 'funnels', op: 'update', id: funnel.id, value: { ...funnel, stages: stagesCopy, dealSize } });
  }
  const leads = chosen.find((s) => s.field === 'leads');
  if (leads && segment) {
    const i = leadEntryIndex(segment);
    const entries: LeadEntry[] = segment.leads.map((l) => ({ ...l }));
    if (i === -1) entries.push({ perMonth: leads.suggested });
    else entries[i] = { ...entries[i]!, perMonth: leads.suggested };
    edits.push({ kind: 'segments', op: 'update', id: segment.id, value: { ...segment, leads: entries } });
  }
  return edits;
}
