// The breakthrough customers (those pursued in a phase), in phase order, then
// by tier and potential: the Target customers and Iron triangles steps' list.
import type { Customer, Phase } from '../../../shared/plan/types';

const TIER_ORDER = { S: 0, A: 1, B: 2, C: 3 } as const;

export function breakthroughCustomers(customers: readonly Customer[], phases: readonly Phase[]): Customer[] {
  const order = new Map(phases.map((p, i) => [p.id, i]));
  return customers
    .filter((c) => c.breakthroughPhaseId !== undefined && order.has(c.breakthroughPhaseId))
    .sort(
      (a, b) =>
        order.get(a.breakthroughPhaseId!)! - order.get(b.breakthroughPhaseId!)! ||
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        b.potential - a.potential,
    );
}
