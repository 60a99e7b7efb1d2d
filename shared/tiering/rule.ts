// The tiering rule of plan-format v2 (`tiering`, shared/docs/plan-format.md):
// S/A/B are top shares of the customers by the ranking number (method
// "share") or its minimum for each tier (method "threshold"), over the whole
// list or within each segment; C is the rest. The type is the plan's own
// (shared/plan/types `Tiering`); the checks here name each problem for the user.
import type { MessageKey } from '../i18n';
import { formatPercent } from '../i18n';
import type { Tier, Tiering } from '../plan/types';

export type { TieringMethod, TieringScope } from '../plan/types';
export type TieringRule = Tiering;

export interface TieringProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

export const RULE_TIERS = ['S', 'A', 'B'] as const satisfies readonly Tier[];

/** The format's rules for a tiering rule, each with its own message (empty: valid). */
export function checkTieringRule(rule: TieringRule): TieringProblem[] {
  const out: TieringProblem[] = [];
  if (rule.method === 'share') {
    for (const t of RULE_TIERS) {
      const v = rule[t];
      if (!Number.isFinite(v) || v < 0 || v > 1) out.push({ key: 'tiering.problem.shareRange', params: { tier: t, value: formatPercent(v, 'en', 1) } });
    }
    const sum = rule.S + rule.A + rule.B;
    // 1e-9: 0.05 + 0.15 + 0.8 is 1.0000000000000002 in floating point.
    if (out.length === 0 && sum > 1 + 1e-9) out.push({ key: 'tiering.problem.sharesOver', params: { sum: formatPercent(sum, 'en', 1) } });
  } else {
    for (const t of RULE_TIERS) {
      const v = rule[t];
      if (!Number.isFinite(v) || v < 0) out.push({ key: 'tiering.problem.thresholdNegative', params: { tier: t, value: v } });
    }
    if (out.length === 0 && !(rule.S >= rule.A && rule.A >= rule.B)) out.push({ key: 'tiering.problem.thresholdOrder', params: { S: rule.S, A: rule.A, B: rule.B } });
  }
  return out;
}
