// Each person's load: the customers they own in each iron-triangle role,
// the same customers by breakthrough phase, their goals and targets, and
// whether they own more customers than their limit, and the funnel stages
// they own (stage owners, plan-format v2). One pass over the
// customers, so it stays cheap on a 50,000-customer plan.
import { DEFAULT_CUSTOMER_LIMITS } from '../../../shared/api/methods/team';
import { OWNER_ROLES, type Customer, type Funnel, type Goal, type OwnerRole, type Person, type Target } from '../../../shared/plan/types';

/** The key of the "no breakthrough phase" column. */
export const NO_PHASE = '';

export interface PersonLoad {
  person: Person;
  /** Customers where this person is the AR / SR / FR. */
  byRole: Record<OwnerRole, number>;
  /** Distinct customers owned, by breakthrough phase id (NO_PHASE: none). */
  byPhase: Record<string, number>;
  /** Distinct customers owned in any role (what the limit counts). */
  customers: number;
  goals: number;
  targets: number;
  /** Funnel stages this person owns (is measured by), in plan order. */
  stages: OwnedStage[];
  limit: number;
  /** True when the person has a limit of their own rather than the role default. */
  ownLimit: boolean;
  overloaded: boolean;
}

export interface OwnedStage {
  funnelId: string;
  funnelName: string;
  stageKey: string;
  stageName: string;
}

export function limitOf(person: Person, limits: Readonly<Record<string, number>>): { limit: number; own: boolean } {
  const own = limits[person.id];
  return own === undefined ? { limit: DEFAULT_CUSTOMER_LIMITS[person.role], own: false } : { limit: own, own: true };
}

export function computeTeamLoad(
  people: readonly Person[],
  customers: readonly Customer[],
  goals: readonly Goal[],
  targets: readonly Target[],
  limits: Readonly<Record<string, number>>,
  funnels: readonly Funnel[] = [],
): PersonLoad[] {
  const rows = new Map<string, PersonLoad>();
  for (const person of people) {
    const { limit, own } = limitOf(person, limits);
    rows.set(person.id, {
      person,
      byRole: { AR: 0, SR: 0, FR: 0 },
      byPhase: {},
      customers: 0,
      goals: 0,
      targets: 0,
      stages: [],
      limit,
      ownLimit: own,
      overloaded: false,
    });
  }
  for (const c of customers) {
    const seen = new Set<string>();
    for (const role of OWNER_ROLES) {
      const id = c.owners[role];
      const row = id ? rows.get(id) : undefined;
      if (!row) continue;
      row.byRole[role] += 1;
      // One customer counts once per person, even with two roles on it.
      if (seen.has(row.person.id)) continue;
      seen.add(row.person.id);
      row.customers += 1;
      const phase = c.breakthroughPhaseId ?? NO_PHASE;
      row.byPhase[phase] = (row.byPhase[phase] ?? 0) + 1;
    }
  }
  for (const g of goals) if (g.ownerId) bump(rows.get(g.ownerId), 'goals');
  for (const t of targets) if (t.ownerId) bump(rows.get(t.ownerId), 'targets');
  for (const f of funnels)
    for (const s of f.stages) {
      const row = s.ownerId ? rows.get(s.ownerId) : undefined;
      if (row) row.stages.push({ funnelId: f.id, funnelName: f.name, stageKey: s.key, stageName: s.name });
    }
  for (const row of rows.values()) row.overloaded = row.customers > row.limit;
  return [...rows.values()];
}

function bump(row: PersonLoad | undefined, key: 'goals' | 'targets'): void {
  if (row) row[key] += 1;
}
