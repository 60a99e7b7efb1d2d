// Tiering by rule: the new tier of every customer, the counts and potential
// per tier (whole list and per segment), and the customers that change tier —
// the preview — then the changes as one plan.batch (one undoable edit).
//
// Method "share", per scope group of n customers ranked by the number,
// highest first: the first round(S·n) are S, up to round((S+A)·n) A, up to
// round((S+A+B)·n) B, the rest C. Customers with equal numbers never split
// across a boundary: a tie takes the higher tier (so a tier may hold a few
// more than its share). Method "threshold": number ≥ S → S, ≥ A → A, ≥ B → B, else C.
// Nothing is computed when the rule breaks the format's rules or a number
// cell is text: the problems name the customers or rows.
import type { Edit } from '../api/contract';
import type { Customer, Tier } from '../plan/types';
import { checkTieringRule, type TieringProblem, type TieringRule } from './rule';

export interface TieringItem {
  id: string;
  /** Shown in problems ("row 12" or the name). */
  label: string;
  segmentId: string;
  tier: Tier;
  potential: number;
  /** The ranking number, or the cell's text when it is not one (a problem). */
  value: number | string | null;
}

export interface TierTotals {
  counts: Record<Tier, number>;
  potential: Record<Tier, number>;
}

export interface TierChange {
  id: string;
  label: string;
  from: Tier;
  to: Tier;
}

export type TieringPreview =
  | { ok: true; tiers: Map<string, Tier>; totals: TierTotals; bySegment: Map<string, TierTotals>; changed: TierChange[] }
  | { ok: false; problems: TieringProblem[] };

const emptyTotals = (): TierTotals => ({ counts: { S: 0, A: 0, B: 0, C: 0 }, potential: { S: 0, A: 0, B: 0, C: 0 } });

const cut = (share: number, n: number) => Math.round(Number((share * n).toFixed(9)));

function tierByShare(group: { id: string; value: number }[], rule: TieringRule, out: Map<string, Tier>): void {
  const sorted = [...group].sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = sorted.length;
  const cS = cut(rule.S, n);
  const cA = cut(rule.S + rule.A, n);
  const cB = cut(rule.S + rule.A + rule.B, n);
  let prev: { value: number; tier: Tier } | null = null;
  sorted.forEach((item, r) => {
    let tier: Tier = r < cS ? 'S' : r < cA ? 'A' : r < cB ? 'B' : 'C';
    if (prev && prev.value === item.value) tier = prev.tier;
    out.set(item.id, tier);
    prev = { value: item.value, tier };
  });
}

export function previewTiering(items: readonly TieringItem[], rule: TieringRule): TieringPreview {
  const ruleProblems = checkTieringRule(rule);
  if (ruleProblems.length > 0) return { ok: false, problems: ruleProblems };
  const bad = items.filter((i) => typeof i.value !== 'number' || !Number.isFinite(i.value));
  if (bad.length > 0) {
    const examples = bad
      .slice(0, 5)
      .map((i) => `${i.label}: “${i.value ?? ''}”`)
      .join(', ');
    return { ok: false, problems: [{ key: 'tiering.problem.textValues', params: { count: bad.length, examples: bad.length > 5 ? `${examples} …` : examples } }] };
  }
  const tiers = new Map<string, Tier>();
  if (rule.method === 'threshold') {
    for (const i of items) {
      const v = i.value as number;
      tiers.set(i.id, v >= rule.S ? 'S' : v >= rule.A ? 'A' : v >= rule.B ? 'B' : 'C');
    }
  } else {
    const groups = new Map<string, { id: string; value: number }[]>();
    for (const i of items) {
      const key = rule.scope === 'segment' ? i.segmentId : '';
      const g = groups.get(key);
      const entry = { id: i.id, value: i.value as number };
      if (g) g.push(entry);
      else groups.set(key, [entry]);
    }
    for (const g of groups.values()) tierByShare(g, rule, tiers);
  }
  const totals = emptyTotals();
  const bySegment = new Map<string, TierTotals>();
  const changed: TierChange[] = [];
  for (const i of items) {
    const t = tiers.get(i.id)!;
    let seg = bySegment.get(i.segmentId);
    if (!seg) bySegment.set(i.segmentId, (seg = emptyTotals()));
    for (const tot of [totals, seg]) {
      tot.counts[t]++;
      tot.potential[t] += i.potential;
    }
    if (t !== i.tier) changed.push({ id: i.id, label: i.label, from: i.tier, to: t });
  }
  return { ok: true, tiers, totals, bySegment, changed };
}

/** The plan's customers as tiering items ranked by potential (the rule kept in the plan). */
export function itemsFromCustomers(customers: Iterable<Customer>): TieringItem[] {
  const out: TieringItem[] = [];
  for (const c of customers) out.push({ id: c.id, label: c.name, segmentId: c.segmentId, tier: c.tier, potential: c.potential, value: c.potential });
  return out;
}

/** The changed customers as updates for one plan.batch (an empty list when nothing changes). */
export function tieringEdits(customers: ReadonlyMap<string, Customer>, preview: TieringPreview): Edit[] {
  if (!preview.ok) throw new Error('the tiering rule has problems: nothing to apply');
  const edits: Edit[] = [];
  for (const ch of preview.changed) {
    const c = customers.get(ch.id);
    if (c) edits.push({ kind: 'customers', op: 'update', id: c.id, value: { ...c, tier: ch.to } });
  }
  return edits;
}
