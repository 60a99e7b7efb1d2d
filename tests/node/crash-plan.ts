// The plan the crash test starts from and what each committed revision adds.
import type { Customer, Plan } from '../../shared/plan/types';
import { smallPlan } from './store-plans';

export const FILLERS_EVERY = 5;
export const FILLER_COUNT = 150;

export function crashCustomer(id: string): Customer {
  return {
    id,
    name: `Customer ${id} — 客户`,
    segmentId: 'fin',
    tier: 'B',
    relationship: { key: 1, broad: 1, organizational: 1 },
    potential: 12345.5,
    owners: { AR: 'wang', SR: null, FR: null },
    firstDeal: { min: 1, mode: 2, max: 3 },
    status: 'target',
  };
}

export function crashPlan(): Plan {
  return smallPlan();
}
