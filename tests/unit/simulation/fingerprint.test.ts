import { describe, expect, it } from 'vitest';
import { inputsFingerprint } from '../../../shared/simulation';
import { smallPlan } from './helpers';

describe('inputs fingerprint', () => {
  it('is stable, ignores key order and non-simulation fields, and changes with any input', () => {
    const plan = smallPlan();
    const fp = inputsFingerprint(plan);
    expect(fp).toMatch(/^v2-[0-9a-f]{26}$/);
    expect(inputsFingerprint(structuredClone(plan))).toBe(fp);

    const reordered = structuredClone(plan);
    reordered.funnels[0]!.dealSize = { max: 900, mode: 300, min: 100 };
    expect(inputsFingerprint(reordered)).toBe(fp);

    const cosmetic = structuredClone(plan);
    cosmetic.plan.name = 'Renamed';
    cosmetic.funnels[0]!.name = 'Renamed funnel';
    cosmetic.people.push({ id: 'x', name: 'X', role: 'SR' });
    cosmetic.customers[3]!.tier = 'A';
    expect(inputsFingerprint(cosmetic)).toBe(fp);

    const changes: ((p: ReturnType<typeof smallPlan>) => void)[] = [
      (p) => (p.funnels[0]!.stages[1]!.conversion = 0.61),
      (p) => (p.segments[0]!.leads[0]!.perMonth = 7),
      (p) => (p.plan.seed = 43),
      (p) => (p.plan.horizonMonths = 16),
      (p) => (p.customers[0]!.relationship.key = 3),
      (p) => (p.targets[0]!.value = 2600),
      (p) => (p.phases[1]!.end = '2027-11'),
    ];
    for (const change of changes) {
      const p = structuredClone(plan);
      change(p);
      expect(inputsFingerprint(p)).not.toBe(fp);
    }
    expect(inputsFingerprint(plan, 'slow')).not.toBe(fp);
  });

  it('kept per shared customer: after a customer edit (a new array, the others reused) as a fresh one', () => {
    const plan = smallPlan();
    const shared = { sharedCustomers: true };
    const fp = inputsFingerprint(plan, null, shared);
    expect(fp).toBe(inputsFingerprint(structuredClone(plan)));
    const customers = plan.customers.slice();
    customers[1] = { ...customers[1]!, relationship: { ...customers[1]!.relationship, key: 0 } };
    const edited = { ...plan, customers };
    const after = inputsFingerprint(edited, null, shared);
    expect(after).not.toBe(fp);
    expect(after).toBe(inputsFingerprint(structuredClone(edited)));
    // The same array under other settings: the plan's part is hashed again.
    expect(inputsFingerprint({ ...edited, plan: { ...edited.plan, seed: 7 } }, null, shared)).not.toBe(after);
    // Customers in another order are other inputs (their order decides the draws).
    expect(inputsFingerprint({ ...edited, customers: [...customers].reverse() }, null, shared)).not.toBe(after);
  });
});
