import { describe, expect, it } from 'vitest';
import { FACTORS, RELATIONSHIP_LAYERS } from '../../../shared/plan/types';
import type { Customer } from '../../../shared/plan/types';
import { readiness, READINESS_MAX, READINESS_MIN } from '../../../shared/simulation';
import { referenceReadiness } from './reference-sampler';

type Scores = Pick<Customer, 'relationship' | 'factors'>;
const neutral = (): Scores => ({ relationship: { key: 2, broad: 2, organizational: 2 }, factors: {} });

describe('readiness of a named customer', () => {
  it('is exactly 1 for neutral scores, with factors missing or given as 3', () => {
    expect(readiness(neutral())).toBe(1);
    const all3 = neutral();
    all3.factors = Object.fromEntries(FACTORS.map((f) => [f, 3]));
    expect(readiness(all3)).toBe(1);
  });

  it('is strictly increasing in every score and bounded by [0.5, 2]', () => {
    for (const layer of RELATIONSHIP_LAYERS) {
      let prev = -Infinity;
      for (let v = 0; v <= 4; v++) {
        const c = neutral();
        c.relationship[layer] = v;
        expect(readiness(c)).toBeGreaterThan(prev);
        prev = readiness(c);
      }
    }
    for (const f of FACTORS) {
      let prev = -Infinity;
      for (let v = 1; v <= 5; v++) {
        const c = neutral();
        c.factors = { [f]: v };
        expect(readiness(c)).toBeGreaterThan(prev);
        prev = readiness(c);
      }
    }
    const best: Scores = { relationship: { key: 4, broad: 4, organizational: 4 }, factors: Object.fromEntries(FACTORS.map((f) => [f, 5])) };
    const worst: Scores = { relationship: { key: 0, broad: 0, organizational: 0 }, factors: Object.fromEntries(FACTORS.map((f) => [f, 1])) };
    expect(readiness(best)).toBeCloseTo(READINESS_MAX, 12);
    expect(readiness(worst)).toBeCloseTo(READINESS_MIN, 12);
  });

  it('follows the documented formula', () => {
    const c = { relationship: { key: 1, broad: 3, organizational: 0 }, factors: { productValue: 5, salesSkill: 2 } } as Customer;
    expect(readiness(c)).toBeCloseTo(referenceReadiness(c), 14);
    expect(readiness(c)).toBeCloseTo(2 ** (((4 - 6) / 6 + (22 - 21) / 14) / 2), 14);
  });
});
