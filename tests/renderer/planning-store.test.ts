// PlanningStore over a scripted host: the team load counted from the plan
// (checked against a plain recount of the demo JSON), overload after a limit
// change, the coverage getter with a drag in progress, goal groups, and the
// writes that span several entities (add phase, move phase, refused edits).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOMER_LIMITS } from '../../shared/api/methods/team';
import type { ApiResult } from '../../shared/api/result';
import { TARGET_METRICS, type Plan } from '../../shared/plan/types';
import { cellKey } from '../../renderer/stores/PlanningStore';
import { demoPlan, fakeHost, ok, snapshot, type Arg } from './harness';
import { computeTeamLoad, NO_PHASE } from '../../renderer/stores/planning/load';

const demo = demoPlan;

/** A host double holding a plan, answering like the real handlers for what these tests use. */
function setup(plan: Plan = demo) {
  let current = structuredClone(plan);
  let revision = 1;
  let refuse: ((method: string, arg: Arg) => ApiResult<unknown> | null) | null = null;
  const { store, calls } = fakeHost((method, arg) => {
    const refused = refuse?.(method, arg);
    if (refused) return refused;
    switch (method) {
      case 'plan.load':
        return ok(snapshot(current, revision));
      case 'people.update':
        current.people = current.people.map((p) => (p.id === arg.id ? arg.value : p));
        return ok({ revision: ++revision, value: arg.value });
      case 'phases.create':
        current.phases.splice(arg.index ?? current.phases.length, 0, arg.value);
        return ok({ revision: ++revision, value: arg.value });
      case 'phases.update':
        current.phases = current.phases.map((p) => (p.id === arg.id ? arg.value : p));
        return ok({ revision: ++revision, value: arg.value });
      case 'phases.reorder':
        current.phases = arg.ids.map((id: string) => current.phases.find((p) => p.id === id)!);
        return ok({ revision: ++revision, value: null });
      case 'plan.batch':
        for (const e of arg.edits) current.phases = current.phases.map((p) => (p.id === e.id ? e.value : p));
        return ok({ revision: ++revision, value: null });
      default:
        throw new Error(`unexpected ${method}`);
    }
  });
  return {
    store,
    calls,
    setRefuse: (f: typeof refuse) => (refuse = f),
    replacePlan: (p: Plan) => (current = structuredClone(p)),
  };
}

/** The demo load recounted the plain way, one person at a time. */
function recount(personId: string) {
  const owns = (c: Plan['customers'][number]) => c.owners.AR === personId || c.owners.SR === personId || c.owners.FR === personId;
  const owned = demo.customers.filter(owns);
  const byPhase: Record<string, number> = {};
  for (const c of owned) byPhase[c.breakthroughPhaseId ?? NO_PHASE] = (byPhase[c.breakthroughPhaseId ?? NO_PHASE] ?? 0) + 1;
  return {
    byRole: {
      AR: demo.customers.filter((c) => c.owners.AR === personId).length,
      SR: demo.customers.filter((c) => c.owners.SR === personId).length,
      FR: demo.customers.filter((c) => c.owners.FR === personId).length,
    },
    byPhase,
    customers: owned.length,
    goals: demo.goals.filter((g) => g.ownerId === personId).length,
    targets: demo.targets.filter((t) => t.ownerId === personId).length,
  };
}

describe('team load', () => {
  it('matches a recount of the demo plan, person by person, with the role defaults', async () => {
    const { store } = setup();
    await store.start();
    const load = store.planning.teamLoad;
    expect(load.map((l) => l.person.id)).toEqual(demo.people.map((p) => p.id));
    for (const l of load) {
      const expected = recount(l.person.id);
      expect({ byRole: l.byRole, byPhase: l.byPhase, customers: l.customers, goals: l.goals, targets: l.targets }, l.person.id).toEqual(expected);
      expect(l.limit).toBe(DEFAULT_CUSTOMER_LIMITS[l.person.role]);
      expect(l.overloaded).toBe(expected.customers > l.limit);
    }
  });

  it('counts a customer once for a person holding two of its roles', () => {
    const [c] = demo.customers;
    const twice = { ...c!, owners: { AR: 'x', SR: 'x', FR: null } };
    const [row] = computeTeamLoad([{ id: 'x', name: 'X', role: 'AR' }], [twice], [], [], { x: 0 });
    expect(row).toMatchObject({ byRole: { AR: 1, SR: 1, FR: 0 }, customers: 1, limit: 0, ownLimit: true, overloaded: true });
  });

  it('flags overload once a lower limit is stored, and clears it when the default comes back', async () => {
    const { store, calls } = setup();
    await store.start();
    const person = store.planning.teamLoad.find((l) => l.customers > 0 && !l.overloaded)!;
    await store.planning.setCustomerLimit(person.person.id, person.customers - 1);
    // The limit is a field of the person (plan-format v2): one people.update with it.
    expect(calls.filter((c) => c.method.endsWith('.update')).at(-1)).toEqual({ method: 'people.update', arg: { id: person.person.id, value: { ...person.person, customerLimit: person.customers - 1 } } });
    const after = store.planning.teamLoad.find((l) => l.person.id === person.person.id)!;
    expect(after).toMatchObject({ overloaded: true, ownLimit: true, limit: person.customers - 1 });
    await store.planning.setCustomerLimit(person.person.id, null);
    expect(store.planning.teamLoad.find((l) => l.person.id === person.person.id)).toMatchObject({ overloaded: false, ownLimit: false });
  });
});

describe('phases', () => {
  it('shows a drag in progress in the coverage, not in the stored coverage', async () => {
    const { store } = setup();
    await store.start();
    store.planning.setDraft({ id: 'p1', start: '2027-01', end: '2027-08' });
    expect(store.planning.coverage.overlaps.map((o) => [o.a.id, o.b.id, o.start, o.end])).toEqual([['p1', 'p2', '2027-07', '2027-08']]);
    expect(store.planning.storedCoverage.overlaps).toEqual([]);
    store.planning.setDraft({ id: 'p1', start: '2027-01', end: '2027-04' });
    expect(store.planning.coverage.gaps.map((g) => [g.start, g.end])).toEqual([['2027-05', '2027-06']]);
  });

  it('records why an overlapping edit was refused, and keeps the stored phase', async () => {
    const { store, setRefuse } = setup();
    await store.start();
    setRefuse((method) =>
      method === 'phases.update' ? { ok: false, error: { code: 'invalid_plan', message: 'The change was not made: phases[1]: overlaps phase "p1"' } } : null,
    );
    const p1 = store.plan.collections.phases.get('p1')!;
    expect(await store.planning.tryUpdatePhase('p1', { ...p1, end: '2027-09' })).toBe(false);
    const refusal = store.planning.phaseRefusal!;
    expect(refusal.phaseId).toBe('p1');
    expect(refusal.error.code).toBe('invalid_plan');
    expect(refusal.problem).toMatchObject({ kind: 'overlap', other: { id: 'p2' }, start: '2027-07', end: '2027-09' });
    expect(store.plan.collections.phases.get('p1')!.end).toBe(demo.phases[0]!.end);
  });

  it('moves a phase earlier in one batch, then keeps the plan order by date', async () => {
    const { store, calls } = setup();
    await store.start();
    await store.planning.movePhase('p2', -1);
    const batch = calls.find((c) => c.method === 'plan.batch')!;
    expect(batch.arg.edits.map((e: { id: string; value: { start: string; end: string } }) => [e.id, e.value.start, e.value.end])).toEqual([
      ['p2', '2027-01', '2027-06'],
      ['p1', '2027-07', '2027-12'],
    ]);
    expect(calls.find((c) => c.method === 'phases.reorder')!.arg.ids).toEqual(['p2', 'p1', 'p3', 'p4']);
    expect(store.planning.phasesByDate.map((p) => p.id)).toEqual(['p2', 'p1', 'p3', 'p4']);
    expect(store.plan.collections.phases.ids).toEqual(['p2', 'p1', 'p3', 'p4']);
  });

  it('adds a phase in the first free months with the next stage, or answers null when there are none', async () => {
    const shorter = structuredClone(demo);
    shorter.phases[3]!.end = '2029-04';
    const { store, calls } = setup(shorter);
    await store.start();
    const created = await store.planning.addPhase((stage) => `New ${stage}`);
    expect(created).toEqual({ id: 'p5', name: 'New consolidation', stage: 'consolidation', start: '2029-05', end: '2029-10' });
    expect(calls.find((c) => c.method === 'phases.create')!.arg.index).toBe(4);
    expect(store.planning.selectedPhaseId).toBe('p5');
    const again = await store.planning.addPhase((stage) => stage);
    expect(again).toMatchObject({ start: '2029-11', end: '2029-12' });
    expect(await store.planning.addPhase((stage) => stage)).toBeNull();
  });

  it('groups goals by phase in date order', async () => {
    const { store } = setup();
    await store.start();
    expect(store.planning.goalGroups.map((g) => [g.phase.id, g.goals.map((x) => x.id)])).toEqual(
      [...demo.phases].sort((a, b) => a.start.localeCompare(b.start)).map((p) => [p.id, demo.goals.filter((g) => g.phaseId === p.id).map((g) => g.id)]),
    );
  });
});

describe('the write convention: store actions answer the refusal in words, or null', () => {
  it('a person still owning customers is not deleted, and the answer says who refers to them', async () => {
    const { store, calls, setRefuse } = setup();
    await store.start();
    const person = store.plan.collections.people.list[0]!;
    setRefuse((method) =>
      method === 'people.delete'
        ? { ok: false, error: { code: 'in_use', message: 'referenced', details: { references: [{ kind: 'customers', count: 3 }] } } }
        : null,
    );
    expect(await store.people.deletePerson(person)).toBe(`“${person.name}” was not deleted: 3 customers still refer to it. Change or delete those first.`);
    expect(store.plan.collections.people.get(person.id)).toBeDefined();
    setRefuse((method, arg) => (method === 'people.update' ? ok({ revision: 9, value: arg.value }) : null));
    expect(await store.people.updatePerson(person, { name: 'Renamed' })).toBeNull();
    expect(calls.find((c) => c.method === 'people.update')).toMatchObject({ method: 'people.update', arg: { id: person.id, value: { name: 'Renamed' } } });
    expect(store.plan.collections.people.get(person.id)!.name).toBe('Renamed');
  });

  it('a refused target names its cell; clearing an empty cell sends nothing', async () => {
    const { store, calls, setRefuse } = setup();
    await store.start();
    // A cell of the grid with no target yet.
    const [metric, phase] = TARGET_METRICS.flatMap((m) => store.planning.phasesByDate.map((p) => [m, p] as const)).find(
      ([m, p]) => !store.planning.targetCells.has(cellKey(p.id, m)),
    )!;
    setRefuse((method) => (method === 'targets.create' ? { ok: false, error: { code: 'invalid_plan', message: 'value too large' } } : null));
    expect(await store.goals.setTarget(metric, phase, 1e30, null)).toBe(`${store.ui.tr.t(`metric.${metric}`)}, ${phase.name}: Not saved: value too large`);
    const before = calls.length;
    expect(await store.goals.setTarget(metric, phase, null, null)).toBeNull();
    expect(calls.length).toBe(before);
  });
});
