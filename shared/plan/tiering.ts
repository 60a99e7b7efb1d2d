// The tiering rule of plan-format v2 (`tiering`) applied to a customer list:
// 根据战略规划对客户重要性实施分级管理. With method "share", S, A and B are the
// top shares of customers by potential (S = 0.05: the top 5 %); with
// "threshold", the minimum potential of each tier. C is the rest. Scope
// "segment" applies the rule within each segment, "all" over the whole list.
import type { Customer, Tier, Tiering } from './types';

/** The tier the rule gives each customer, by id. Equal potentials keep list order. */
export function tiersByRule(customers: readonly Pick<Customer, 'id' | 'segmentId' | 'potential'>[], rule: Tiering): Map<string, Tier> {
  const out = new Map<string, Tier>();
  if (rule.method === 'threshold') {
    for (const c of customers) out.set(c.id, c.potential >= rule.S ? 'S' : c.potential >= rule.A ? 'A' : c.potential >= rule.B ? 'B' : 'C');
    return out;
  }
  const groups = new Map<string, (typeof customers)[number][]>();
  for (const c of customers) {
    const key = rule.scope === 'segment' ? c.segmentId : '';
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  // Cumulative shares, with a little slack so 0.05 × 20 customers is exactly one.
  const bounds: [Tier, number][] = [
    ['S', rule.S],
    ['A', rule.S + rule.A],
    ['B', rule.S + rule.A + rule.B],
  ];
  for (const group of groups.values()) {
    const ranked = [...group].sort((a, b) => b.potential - a.potential);
    const n = ranked.length;
    ranked.forEach((c, rank) => {
      const tier = bounds.find(([, share]) => rank + 1 <= share * n + 1e-9)?.[0] ?? 'C';
      out.set(c.id, tier);
    });
  }
  return out;
}
