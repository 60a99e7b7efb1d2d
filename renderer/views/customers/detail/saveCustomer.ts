// How the detail panel's sections save: change a draft of the customer;
// answers null when stored, else the refusal in words. Its own file so the
// panel and its sections (PursuitFields) both use it without importing each other.
import type { Customer } from '../../../../shared/plan/types';

export type SaveCustomer = (change: (draft: Customer) => void) => Promise<string | null>;
