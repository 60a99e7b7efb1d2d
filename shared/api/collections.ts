// The plan's collections that are edited entity by entity, and what an edit
// answers. The contract (contract.ts) builds `<kind>.create/update/delete/
// reorder` from this map; method files import it from here, not from the
// contract, so the contract and its method files do not import each other.
import {
  customerSchema,
  decisionSchema,
  funnelSchema,
  goalSchema,
  personSchema,
  phaseSchema,
  scenarioSchema,
  segmentSchema,
  targetSchema,
} from '../plan/schema';
import type { Customer, Decision, Funnel, Goal, Person, Phase, Scenario, Segment, Target } from '../plan/types';
import { returns } from './define';

export interface EditResult<T> {
  revision: number;
  value: T;
}

// The collections of a plan that are edited entity by entity. Each gets
// `<kind>.create`, `<kind>.update`, `<kind>.delete` and `<kind>.reorder`.
export const COLLECTIONS = {
  phases: { schema: phaseSchema, entity: returns<Phase>() },
  funnels: { schema: funnelSchema, entity: returns<Funnel>() },
  segments: { schema: segmentSchema, entity: returns<Segment>() },
  people: { schema: personSchema, entity: returns<Person>() },
  customers: { schema: customerSchema, entity: returns<Customer>() },
  goals: { schema: goalSchema, entity: returns<Goal>() },
  targets: { schema: targetSchema, entity: returns<Target>() },
  scenarios: { schema: scenarioSchema, entity: returns<Scenario>() },
  decisions: { schema: decisionSchema, entity: returns<Decision>() },
} as const;
export type CollectionKind = keyof typeof COLLECTIONS;
export const COLLECTION_KINDS = Object.keys(COLLECTIONS) as CollectionKind[];
export type EntityOf<K extends CollectionKind> = (typeof COLLECTIONS)[K]['entity'];
