// Readiness of a named customer: how much its relationship and deal-closing
// factors lift (or cut) the stage conversions of its breakthrough pursuit.
//
//   x_rel = (key + broad + organizational − 6) / 6            ∈ [−1, 1]
//   x_fac = (Σ of the seven factors − 21) / 14 (missing = 3)  ∈ [−1, 1]
//   r     = 2 ^ ((x_rel + x_fac) / 2)                          ∈ [0.5, 2]
//
// Neutral scores (relationship 2 on each layer, every factor 3) give exactly
// r = 1; r is strictly increasing in every score; a customer strong on every
// layer and factor doubles each stage's conversion (then capped at 1), one
// with no relationship and the worst factors halves it. Relationship layers
// and deal factors weigh the same: methodology.md treats both as
// preconditions of a signed contract. Scores outside their scales are
// clamped (0…4 and 1…5).

import type { Customer } from '../plan/types';
import { FACTORS, RELATIONSHIP_LAYERS } from '../plan/types';

export const READINESS_MIN = 0.5;
export const READINESS_MAX = 2;

// Module-local copies: under tsx (bench, tests) each read of an imported
// binding is a getter call, and readiness is scored for every pursuit.
const LAYERS = RELATIONSHIP_LAYERS;
const FACTOR_KEYS = FACTORS;

function clamp(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : (lo + hi) / 2;
}

export function readiness(customer: Pick<Customer, 'relationship' | 'factors'>): number {
  let rel = 0;
  for (const layer of LAYERS) rel += clamp(customer.relationship[layer], 0, 4);
  let fac = 0;
  for (const f of FACTOR_KEYS) fac += clamp(customer.factors?.[f] ?? 3, 1, 5);
  const xRel = (rel - 6) / 6;
  const xFac = (fac - 21) / 14;
  return Math.pow(2, (xRel + xFac) / 2);
}
