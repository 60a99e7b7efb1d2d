// Jumps from the planning screens to the screen that holds the rest of the
// story (hash routing: the address says which screen): a phase's goals and
// targets, the customers of a phase or of a person (through the Customers
// screen's own filter, cleared first so nothing else hides rows).
import type { RootStore } from '../../stores/RootStore';
import type { PlanningStore } from '../../stores/PlanningStore';

export function openGoalsOf(planning: PlanningStore, phaseId: string): void {
  planning.showGoalsOf(phaseId);
  window.location.hash = '#/goals';
}

export function openCustomersOfPhase(root: RootStore, phaseId: string): void {
  root.customers.clearFilter();
  root.customers.setFilter({ phases: [phaseId] });
  window.location.hash = '#/customers';
}

export function openCustomersOfPerson(root: RootStore, personId: string): void {
  root.customers.clearFilter();
  root.customers.setFilter({ owner: personId });
  window.location.hash = '#/customers';
}
