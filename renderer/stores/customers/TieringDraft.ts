// The tiering rule as the user types it (shared by the import's tiering step
// and the Customers screen's "Tier by rule"): method, scope and the S/A/B
// texts — shares in percent ("5" = the top 5 %), thresholds as amounts with
// units (120万, 1.2M). The rule itself and its checks are shared/tiering; a
// text that is not a number is named here, before the rule is checked.
import { action, computed, makeObservable, observable } from 'mobx';
import { parseAmount } from '../../../shared/import';
import { RULE_TIERS, checkTieringRule, type TieringMethod, type TieringProblem, type TieringRule, type TieringScope } from '../../../shared/tiering';

type RuleTier = (typeof RULE_TIERS)[number];

/** The rule of the method's example in the issue: top 5 % S, next 15 % A, next 30 % B. */
const DEFAULT_SHARES: Record<RuleTier, string> = { S: '5', A: '15', B: '30' };

export class TieringDraft {
  method: TieringMethod = 'share';
  scope: TieringScope = 'all';
  texts: Record<RuleTier, string> = { ...DEFAULT_SHARES };

  constructor(
    private readonly currency: () => string,
    initial?: TieringRule | null,
  ) {
    if (initial) this.load(initial);
    makeObservable(this, {
      method: observable,
      scope: observable,
      texts: observable,
      parsed: computed,
      rule: computed,
      problems: computed,
      setMethod: action,
      setScope: action,
      setText: action,
      load: action,
    });
  }

  /** The rule's numbers, or the tiers whose text is not a number. */
  get parsed(): { rule: TieringRule } | { bad: RuleTier[] } {
    const values = {} as Record<RuleTier, number>;
    const bad: RuleTier[] = [];
    for (const t of RULE_TIERS) {
      const v = this.method === 'share' ? parsePercent(this.texts[t]) : parseThreshold(this.texts[t], this.currency());
      if (v === null) bad.push(t);
      else values[t] = v;
    }
    if (bad.length > 0) return { bad };
    return { rule: { method: this.method, scope: this.scope, ...values } };
  }

  /** The rule when every text is a number (it may still break the format's rules: see problems). */
  get rule(): TieringRule | null {
    const p = this.parsed;
    return 'rule' in p ? p.rule : null;
  }

  /** What stops the rule: texts that are no number, or the format's rules (shares over 100 %…). */
  get problems(): TieringProblem[] {
    const p = this.parsed;
    if ('bad' in p)
      return p.bad.map((tier) => ({
        key: this.method === 'share' ? 'tiering.problem.shareText' : 'tiering.problem.thresholdText',
        params: { tier, value: this.texts[tier] },
      }));
    return checkTieringRule(p.rule);
  }

  setMethod(method: TieringMethod): void {
    if (method === this.method) return;
    this.method = method;
    // Shares and amounts do not translate into each other: start from the example again.
    this.texts = method === 'share' ? { ...DEFAULT_SHARES } : { S: '', A: '', B: '' };
  }

  setScope(scope: TieringScope): void {
    this.scope = scope;
  }

  setText(tier: RuleTier, text: string): void {
    this.texts = { ...this.texts, [tier]: text };
  }

  /** Shows a stored rule (the plan's) in the fields. */
  load(rule: TieringRule): void {
    this.method = rule.method;
    this.scope = rule.scope;
    const text = (v: number) => (rule.method === 'share' ? String(Number((v * 100).toFixed(6))) : String(v));
    this.texts = { S: text(rule.S), A: text(rule.A), B: text(rule.B) };
  }
}

/** Two rules that tier alike (the texts may differ: "5" and "5 %"). */
export function sameRule(a: TieringRule, b: TieringRule): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return a.method === b.method && a.scope === b.scope && close(a.S, b.S) && close(a.A, b.A) && close(a.B, b.B);
}

/** "5", "5 %", "５％", "12.5" → 0.05, 0.125; null when not a number. */
function parsePercent(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/\s*%$/, '');
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(t)) return null;
  return Number(t) / 100;
}

/** An amount as the import reads it (units 万/亿, K/M; the plan's currency). */
function parseThreshold(text: string, currency: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const v = parseAmount(t, { currency });
  return v.ok ? v.value : null;
}
