// plan.load sends customers in columns: what arrives must be the very
// customers that were sent, field for field, with absent fields still absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCustomers, encodeCustomers } from '../../shared/api/customer-columns';
import type { Customer, Plan } from '../../shared/plan/types';
import { customers50kPlan } from '../../bench/plans/customers-50k';

const roundTrip = (cs: Customer[]) => decodeCustomers(JSON.parse(JSON.stringify(encodeCustomers(cs))));

describe('customers in columns', () => {
  it('bring back the demo plans’ customers exactly (en and zh-CN)', () => {
    for (const name of ['demo.en.plan.json', 'demo.zh-CN.plan.json']) {
      const plan = JSON.parse(readFileSync(new URL(`../../resources/demo/${name}`, import.meta.url), 'utf8')) as Plan;
      expect(plan.customers.length).toBeGreaterThan(10);
      expect(roundTrip(plan.customers)).toStrictEqual(plan.customers);
    }
  });

  it('bring back 2,000 varied customers exactly, in order', () => {
    const { customers } = customers50kPlan(2000);
    expect(roundTrip(customers)).toStrictEqual(customers);
  });

  it('keep every optional field, partial factors, null owners, and a field they do not know', () => {
    const full: Customer = {
      id: 'x1',
      name: '华东电力 “Grid”',
      segmentId: 'gov',
      tier: 'S',
      relationship: { key: 0, broad: 4, organizational: 2 },
      potential: 0,
      region: '',
      industry: 'Energy',
      owners: { AR: null, SR: 'p1', FR: null },
      factors: { transactionPath: 5 },
      breakthroughPhaseId: 'ph1',
      entryStage: 3,
      firstDeal: { min: 1, mode: 2, max: 3 },
      status: 'won',
      needs: 'x'.repeat(10_000),
      relationshipPlan: { ph1: { key: 1, broad: 1, organizational: 1 } },
    };
    const bare: Customer = { id: 'x2', name: 'B', segmentId: 'gov', tier: 'C', relationship: { key: 1, broad: 1, organizational: 1 }, potential: 5, owners: { AR: 'p1', SR: null, FR: null }, factors: {}, status: 'target' };
    const future = { ...bare, id: 'x3', scoreCard: { a: 1 } } as unknown as Customer;
    const back = roundTrip([full, bare, future]);
    expect(back).toStrictEqual([full, bare, future]);
    expect(Object.keys(back[1]!).sort()).toEqual(Object.keys(bare).sort());
  });

  it('is much smaller than the customers as JSON objects', () => {
    const { customers } = customers50kPlan(2000);
    expect(JSON.stringify(encodeCustomers(customers)).length).toBeLessThan(JSON.stringify(customers).length / 2);
  });
});
