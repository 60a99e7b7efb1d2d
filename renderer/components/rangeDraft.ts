// The editing logic behind RangeInput, kept free of React so it can be unit
// tested: what the user typed (a draft of strings, in display units) ↔ the
// stored Range (a number or a triangular {min, mode, max}), with the checks
// the plan format applies (bounds per unit, min ≤ mode ≤ max) reported per
// field so the screen can point at the offending input.
import type { Range } from '../../shared/plan/types';

/**
 * What a value measures, which fixes how it is shown and its bounds:
 * - ratio:   stored 0…1, shown and typed as a percentage (45 → 0.45)
 * - percent: a non-negative multiplier shown as a percentage without upper
 *            bound (scenario multipliers: 80 → 0.8, 120 → 1.2)
 * - days, count: ≥ 0, shown as is
 * - money:   ≥ 0, in the plan currency; 万 / 亿 suffixes are accepted
 */
export type RangeUnit = 'ratio' | 'percent' | 'days' | 'money' | 'count';
export type RangeShape = 'fixed' | 'range';
export type DraftField = 'fixed' | 'min' | 'mode' | 'max';

export interface RangeDraft {
  shape: RangeShape;
  fixed: string;
  min: string;
  mode: string;
  max: string;
}

export type RangeProblem =
  | { code: 'required'; fields: [DraftField] }
  | { code: 'notNumber'; fields: [DraftField]; text: string }
  /** `bound` in display units (a ratio's upper bound is 100). */
  | { code: 'belowLow'; fields: [DraftField]; bound: number }
  | { code: 'aboveHigh'; fields: [DraftField]; bound: number }
  /** min ≤ mode ≤ max fails; `fields` are the pair out of order. */
  | { code: 'order'; fields: DraftField[] };

export type DraftResult = { ok: true; value: Range } | { ok: false; problems: RangeProblem[] };

/** Stored bounds per unit (the plan format's). */
export function boundsOf(unit: RangeUnit): { lo: number; hi: number } {
  return unit === 'ratio' ? { lo: 0, hi: 1 } : { lo: 0, hi: Number.POSITIVE_INFINITY };
}

function isPercentUnit(unit: RangeUnit): boolean {
  return unit === 'ratio' || unit === 'percent';
}

// 12 significant digits: enough for any planning figure, and it removes the
// binary noise of ×100 / ÷100 (0.07 × 100 = 7.000000000000001).
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

export function toDisplay(stored: number, unit: RangeUnit): number {
  return isPercentUnit(unit) ? clean(stored * 100) : stored;
}

export function fromDisplay(shown: number, unit: RangeUnit): number {
  return isPercentUnit(unit) ? clean(shown / 100) : shown;
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A number as people type it, in either UI language: "45", "45.5", "45%",
 * "1,200,000", "1 200 000", full-width "４５％", "120万", "1.5亿" (万/亿 only
 * for money and counts, % only for percentages). `null` for empty text,
 * NaN for text that is not a number.
 */
export function parseNumberText(text: string, unit: RangeUnit): number | null {
  let s = text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/％/g, '%');
  if (s === '') return null;
  if (isPercentUnit(unit)) s = s.replace(/\s*%$/, '');
  let factor = 1;
  const suffix = s.slice(-1);
  if ((unit === 'money' || unit === 'count') && suffix in MULTIPLIERS) {
    factor = MULTIPLIERS[suffix]!;
    s = s.slice(0, -1).trim();
  }
  // Group separators: commas (ASCII or Chinese) and spaces between digits.
  s = s.replace(/(\d)[,，\s](?=\d)/g, '$1');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number.NaN;
  return clean(Number(s) * factor);
}

/** How a number is written into an input: plain digits, no grouping, so editing it is easy. */
export function formatForInput(stored: number, unit: RangeUnit): string {
  return String(toDisplay(stored, unit));
}

export function draftOf(value: Range, unit: RangeUnit): RangeDraft {
  if (typeof value === 'number') {
    const s = formatForInput(value, unit);
    return { shape: 'fixed', fixed: s, min: s, mode: s, max: s };
  }
  return {
    shape: 'range',
    fixed: formatForInput(value.mode, unit),
    min: formatForInput(value.min, unit),
    mode: formatForInput(value.mode, unit),
    max: formatForInput(value.max, unit),
  };
}

/** Switching fixed → range starts from min = mode = max = the fixed value; range → fixed keeps the mode. */
export function withShape(draft: RangeDraft, shape: RangeShape): RangeDraft {
  if (shape === draft.shape) return draft;
  if (shape === 'range') return { ...draft, shape, min: draft.fixed, mode: draft.fixed, max: draft.fixed };
  return { ...draft, shape, fixed: draft.mode };
}

/** One field's text → its stored number, or the problem with it. */
export function parseField(
  text: string,
  field: DraftField,
  unit: RangeUnit,
): { ok: true; value: number } | { ok: false; problem: RangeProblem } {
  const shown = parseNumberText(text, unit);
  if (shown === null) return { ok: false, problem: { code: 'required', fields: [field] } };
  if (!Number.isFinite(shown)) return { ok: false, problem: { code: 'notNumber', fields: [field], text: text.trim() } };
  const stored = fromDisplay(shown, unit);
  const { lo, hi } = boundsOf(unit);
  if (stored < lo) return { ok: false, problem: { code: 'belowLow', fields: [field], bound: toDisplay(lo, unit) } };
  if (stored > hi) return { ok: false, problem: { code: 'aboveHigh', fields: [field], bound: toDisplay(hi, unit) } };
  return { ok: true, value: stored };
}

export function parseDraft(draft: RangeDraft, unit: RangeUnit): DraftResult {
  if (draft.shape === 'fixed') {
    const r = parseField(draft.fixed, 'fixed', unit);
    return r.ok ? { ok: true, value: r.value } : { ok: false, problems: [r.problem] };
  }
  const problems: RangeProblem[] = [];
  const parsed = {} as Record<'min' | 'mode' | 'max', number>;
  for (const field of ['min', 'mode', 'max'] as const) {
    const r = parseField(draft[field], field, unit);
    if (r.ok) parsed[field] = r.value;
    else problems.push(r.problem);
  }
  if (problems.length > 0) return { ok: false, problems };
  const { min, mode, max } = parsed;
  if (min > mode || mode > max || min > max) {
    const fields: DraftField[] = [];
    if (min > mode || min > max) fields.push('min');
    if (min > mode || mode > max) fields.push('mode');
    if (mode > max || min > max) fields.push('max');
    return { ok: false, problems: [{ code: 'order', fields }] };
  }
  return { ok: true, value: { min, mode, max } };
}

export function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.min === b.min && a.mode === b.mode && a.max === b.max;
}

/** Fields named by any problem, for aria-invalid. */
export function invalidFields(problems: readonly RangeProblem[]): Set<DraftField> {
  return new Set(problems.flatMap((p) => p.fields));
}
