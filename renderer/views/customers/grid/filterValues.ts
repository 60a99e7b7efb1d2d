// Narrowing what a select or a chart hands back to the plan's enums.
import { CUSTOMER_STATUSES, TIERS, type CustomerStatus, type Tier } from '../../../../shared/plan/types';
import { GROUP_BYS, type GroupBy } from '../../../stores/customers/rows';

export function isTier(v: string): v is Tier {
  return (TIERS as readonly string[]).includes(v);
}

export function isStatus(v: string): v is CustomerStatus {
  return (CUSTOMER_STATUSES as readonly string[]).includes(v);
}

export function isGroupBy(v: string): v is GroupBy {
  return (GROUP_BYS as readonly string[]).includes(v);
}
