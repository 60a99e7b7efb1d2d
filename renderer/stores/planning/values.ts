// How target and goal values are typed (how they read, and each metric's
// kind: shared/plan/value-kinds.ts). Parsing accepts what planners type or
// paste from Excel: grouping commas, a currency sign, 万/亿 or k/M/B
// multipliers, a % sign.
import type { ValueKind } from '../../../shared/plan/value-kinds';
import { RATIO_TARGET_METRICS, type Target } from '../../../shared/plan/types';

/** The text an editor starts from: the plain number (a rate as its percent). */
export function editText(kind: ValueKind, value: number): string {
  return kind === 'rate' ? String(Math.round(value * 100 * 1e6) / 1e6) : String(value);
}

export type ParseProblem = 'empty' | 'notANumber' | 'negative' | 'overHundred';
export type Parsed = { ok: true; value: number } | { ok: false; problem: ParseProblem };

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, k: 1e3, m: 1e6, b: 1e9 };

/** Reads typed text as a value of `kind`; a rate is typed as a percentage ("40" or "40%" → 0.4). */
export function parseValue(kind: ValueKind, text: string): Parsed {
  let s = text.trim().replace(/[\s,，_]/g, '');
  if (s === '') return { ok: false, problem: 'empty' };
  let factor = 1;
  if (kind === 'money') {
    s = s.replace(/^(?:[A-Z]{2,3})?[¥$€£￥]|^[A-Z]{3}/, '');
    const unit = /(万|亿|[kKmMbB])$/.exec(s);
    if (unit) {
      factor = MULTIPLIERS[unit[1]!.toLowerCase()]!;
      s = s.slice(0, -unit[1]!.length);
    }
  }
  if (kind === 'rate') s = s.replace(/[%％]$/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false, problem: 'notANumber' };
  const n = Number(s) * factor;
  if (!Number.isFinite(n)) return { ok: false, problem: 'notANumber' };
  if (n < 0) return { ok: false, problem: 'negative' };
  if (kind === 'rate') {
    if (n > 100) return { ok: false, problem: 'overHundred' };
    return { ok: true, value: Math.round(n * 1e6) / 1e8 };
  }
  return { ok: true, value: Math.round(n * 1e6) / 1e6 };
}

/** A target's scope: every funnel (null), one funnel, or one segment (plan-format v2). */
export type TargetScope = { funnelId: string } | { segmentId: string } | null;

export function scopeOf(t: Pick<Target, 'funnelId' | 'segmentId'>): TargetScope {
  if (t.funnelId !== undefined) return { funnelId: t.funnelId };
  if (t.segmentId !== undefined) return { segmentId: t.segmentId };
  return null;
}

/** A select's value for a scope: '' every funnel, 'f:id' a funnel, 's:id' a segment. */
export function scopeKey(scope: TargetScope): string {
  if (scope === null) return '';
  return 'funnelId' in scope ? `f:${scope.funnelId}` : `s:${scope.segmentId}`;
}

export function scopeFromKey(key: string): TargetScope {
  if (key.startsWith('f:')) return { funnelId: key.slice(2) };
  if (key.startsWith('s:')) return { segmentId: key.slice(2) };
  return null;
}

/** An unscoped ratio or cycle target on a plan of several funnels: it mixes deals of
 * different kinds (e.g. a B2C purchase step swamping B2B win rates), so the grid flags it. */
export function isPooledRatio(t: Pick<Target, 'metric' | 'funnelId' | 'segmentId'>, funnelCount: number): boolean {
  return (RATIO_TARGET_METRICS as readonly string[]).includes(t.metric) && scopeOf(t) === null && funnelCount > 1;
}
