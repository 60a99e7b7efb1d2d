// The People screen's writes: add, rename, change role, set or reset the
// customer limit, delete. Each answers a WriteOutcome (./refusals.ts): null
// when stored, else the refusal in words naming the person.
import type { Person, Role } from '../../shared/plan/types';
import { uniqueId } from './planning/coverage';
import type { PlanningStore } from './PlanningStore';
import type { PlanStore } from './PlanStore';
import { attemptNamed, type WriteOutcome } from './refusals';
import type { UiStore } from './UiStore';

export class PeopleStore {
  constructor(
    private readonly plan: PlanStore,
    private readonly planning: PlanningStore,
    private readonly ui: UiStore,
  ) {}

  addPerson(name: string, role: Role): Promise<WriteOutcome> {
    const people = this.plan.collections.people;
    const base = /[A-Za-z]/.test(name) ? name.toLowerCase() : `person-${people.size + 1}`;
    // A new person has the role default: the limit is a field of the person
    // (plan-format v2), gone with a deleted one.
    return attemptNamed(this.ui.tr, name, async () => {
      await this.plan.create('people', { id: uniqueId(base, (x) => people.get(x) !== undefined), name, role });
    });
  }

  updatePerson(person: Person, patch: Partial<Person>): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, person.name, () => this.plan.update('people', person.id, { ...person, ...patch }));
  }

  /** `null`: back to the role default. */
  setCustomerLimit(person: Person, limit: number | null): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, person.name, () => this.planning.setCustomerLimit(person.id, limit));
  }

  deletePerson(person: Person): Promise<WriteOutcome> {
    return attemptNamed(this.ui.tr, person.name, () => this.plan.remove('people', person.id));
  }
}
