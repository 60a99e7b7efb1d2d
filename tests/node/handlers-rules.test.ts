// Edits that would break the plan are refused and change nothing; deleting
// what others refer to is refused with counts; renaming an id carries every
// reference along; a batch is all or nothing; a malformed argument never
// reaches a handler.
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/result';
import { createDispatcher } from '../../shared/api/dispatch';
import { validatePlan } from '../../shared/plan/parse';
import type { Customer, Funnel } from '../../shared/plan/types';
import { handlers } from '../../electron/services/handlers';
import { PlannerSession } from '../../electron/services/session';
import { harness, smallPlan, type Harness } from './store-helpers';

/** Runs a call that must fail, and checks the plan, its history and the events did not move. */
async function refusedUnchanged(h: Harness, method: string, arg: unknown): Promise<ApiErrorBody> {
  const before = await h.plan();
  const changes = h.changes().length;
  const events = h.events.length;
  const err = await h.fail(method, arg);
  expect(await h.plan()).toStrictEqual(before);
  expect(h.changes()).toHaveLength(changes);
  expect(h.events).toHaveLength(events);
  return err;
}

const issuesOf = (e: ApiErrorBody) => (e.details as { issues: { path: string; message: string }[] }).issues;
const base = smallPlan();
const c1 = base.customers[0]!;
const ltc = base.funnels[0]!;

describe('an edit that would break a plan-format rule is refused, and nothing changes', () => {
  const cases: [string, string, unknown, { path: string; message: RegExp }[]][] = [
    ['overlapping phases', 'phases.update', { id: 'p2', value: { ...base.phases[1]!, start: '2027-06' } }, [{ path: 'phases[1]', message: /overlaps phase "p1"/ }]],
    ['a phase outside the horizon', 'phases.create', { value: { id: 'p9', name: 'Late', stage: 'expansion', start: '2029-01', end: '2029-02' } },
      [{ path: 'phases[2].start', message: /outside the plan horizon/ }, { path: 'phases[2].end', message: /outside the plan horizon/ }]],
    ['payment shares not summing to 1', 'funnels.update', { id: 'ltc', value: { ...ltc, payments: [{ share: 0.5, days: 1 }, { share: 0.6, days: 2 }] } },
      [{ path: 'funnels[0].payments', message: /must sum to 1 \(they sum to 1\.1\)/ }]],
    ['a duplicate stage key', 'funnels.update', { id: 'ltc', value: { ...ltc, stages: [...ltc.stages, { ...ltc.stages[0]!, name: 'Again' }] } },
      [{ path: 'funnels[0].stages[2].key', message: /duplicate stage key "lead"/ }]],
    ['removing a stage a scenario and an entry stage rely on', 'funnels.update', { id: 'ltc', value: { ...ltc, stages: [ltc.stages[0]!] } }, [
      { path: 'scenarios[0].adjust.stages[0].stageKey', message: /funnel "ltc" has no stage "bid"/ },
      { path: 'customers[0].entryStage', message: /entry stage 1 does not exist/ },
    ]],
    ['two default lead entries', 'segments.update', { id: 'fin', value: { ...base.segments[0]!, leads: [{ perMonth: 1 }, { perMonth: 2 }] } },
      [{ path: 'segments[0].leads[1]', message: /only one default lead entry/ }]],
    ['an unknown segment', 'customers.create', { value: { ...c1, id: 'c3', segmentId: 'nope' } }, [{ path: 'customers[2].segmentId', message: /unknown segment "nope"/ }]],
    ['an unknown owner', 'customers.update', { id: 'c1', value: { ...c1, owners: { ...c1.owners, FR: 'ghost' } } }, [{ path: 'customers[0].owners.FR', message: /unknown person "ghost"/ }]],
    ['an unknown goal customer', 'goals.create', { value: { ...base.goals[0]!, id: 'g2', customerId: 'c9' } }, [{ path: 'goals[1].customerId', message: /unknown customer "c9"/ }]],
    ['an unknown target owner', 'targets.update', { id: 't1', value: { ...base.targets[0]!, ownerId: 'nobody' } }, [{ path: 'targets[0].ownerId', message: /unknown person "nobody"/ }]],
    ['an unknown scenario stage', 'scenarios.create', { value: { id: 's2', name: 'S2', adjust: { stages: [{ funnelId: 'ltc', stageKey: 'sign', conversion: 1 }] } } },
      [{ path: 'scenarios[1].adjust.stages[0].stageKey', message: /has no stage "sign"/ }]],
    ['a horizon that no longer holds the phases', 'plan.updateSettings', { patch: { horizonMonths: 9 } },
      [{ path: 'phases[1].end', message: /2027-12 is outside the plan horizon \(2027-01, 9 months\)/ }]],
  ];

  it.each(cases)('%s', async (_name, method, arg, expected) => {
    const h = await harness();
    const err = await refusedUnchanged(h, method, arg);
    expect(err.code).toBe('invalid_plan');
    expect(issuesOf(err)).toEqual(expected.map((e) => ({ path: e.path, message: expect.stringMatching(e.message) })));
    expect(err.message).toContain(`${expected[0]!.path}: `);
  });

  it('a segment moved to a funnel with fewer stages than its customers’ entry stages', async () => {
    const h = await harness();
    await h.call('funnels.create', { value: { ...ltc, id: 'short', stages: [ltc.stages[0]!] } });
    const err = await refusedUnchanged(h, 'segments.update', { id: 'fin', value: { ...base.segments[0]!, funnelId: 'short' } });
    expect(issuesOf(err)).toEqual([{ path: 'customers[0].entryStage', message: expect.stringContaining('the funnel has stages 0…0') }]);
  });

  it('renaming to an id that is taken: conflict', async () => {
    const h = await harness();
    const err = await refusedUnchanged(h, 'people.update', { id: 'wang', value: { id: 'zhao', name: 'Wang Li', role: 'AR' } });
    expect(err).toMatchObject({ code: 'conflict', message: 'There is already a person with id "zhao"' });
  });
});

describe('deleting what others refer to is refused with code in_use', () => {
  const cases: [string, string, string, { kind: string; count: number }[], RegExp][] = [
    ['a phase with goals, targets and a breakthrough customer', 'phases', 'p1',
      [{ kind: 'customers', count: 1 }, { kind: 'goals', count: 1 }, { kind: 'targets', count: 1 }],
      /^Cannot delete phase "Entry" \(p1\): 1 customer, 1 goal and 1 target still refer to it\. Change or delete them first\.$/],
    ['a phase with a segment lead entry', 'phases', 'p2', [{ kind: 'segments', count: 1 }], /1 segment still refers to it\. Change or delete it first\./],
    ['a person owning customers and goals', 'people', 'wang', [{ kind: 'customers', count: 1 }, { kind: 'goals', count: 1 }], /person "Wang Li" \(wang\)/],
    ['a person owning customers and targets', 'people', 'zhao', [{ kind: 'customers', count: 1 }, { kind: 'targets', count: 1 }], /1 customer and 1 target/],
    ['a segment with customers', 'segments', 'fin', [{ kind: 'customers', count: 2 }], /2 customers still refer to it/],
    ['a funnel used by a segment and a scenario', 'funnels', 'ltc', [{ kind: 'segments', count: 1 }, { kind: 'scenarios', count: 1 }], /1 segment and 1 scenario/],
    ['a customer with goals', 'customers', 'c1', [{ kind: 'goals', count: 1 }], /customer "City Bank" \(c1\): 1 goal/],
  ];

  it.each(cases)('%s', async (_name, kind, id, references, message) => {
    const h = await harness();
    const err = await refusedUnchanged(h, `${kind}.delete`, { id });
    expect(err).toMatchObject({ code: 'in_use', details: { kind, id, references } });
    expect(err.message).toMatch(message);
  });

  it('counts a customer once even when the person fills several of its roles', async () => {
    const h = await harness();
    const c2 = base.customers[1]!;
    await h.call('customers.update', { id: 'c2', value: { ...c2, owners: { AR: 'wang', SR: 'wang', FR: 'wang' } } });
    const err = await h.fail('people.delete', { id: 'wang' });
    expect(err.details).toMatchObject({ references: [{ kind: 'customers', count: 2 }, { kind: 'goals', count: 1 }] });
  });

  it('deletes once nothing refers any more', async () => {
    const h = await harness();
    await h.call('goals.delete', { id: 'g1' });
    await h.call('customers.delete', { id: 'c1' });
    expect((await h.plan()).plan.customers.map((c) => c.id)).toEqual(['c2']);
  });
});

describe('renaming an id carries every reference along', () => {
  it('a person: customer owners and goal owners follow', async () => {
    const h = await harness();
    await h.call('people.update', { id: 'wang', value: { id: 'wang.li', name: 'Wang Li', role: 'AR' } });
    const { plan } = await h.plan();
    expect(plan.customers[0]!.owners).toEqual({ AR: 'wang.li', SR: 'zhao', FR: null });
    expect(plan.goals[0]!.ownerId).toBe('wang.li');
    expect(h.changes()[0]!.items).toMatchObject([{ op: 'update', entityId: 'wang', before: { id: 'wang' }, after: { id: 'wang.li' } }]);
  });

  it('a phase: breakthrough customers, goals, targets and segment lead entries follow', async () => {
    const h = await harness();
    await h.call('phases.update', { id: 'p1', value: { ...base.phases[0]!, id: 'entry' } });
    await h.call('phases.update', { id: 'p2', value: { ...base.phases[1]!, id: 'break' } });
    const { plan } = await h.plan();
    expect(plan.customers[0]!.breakthroughPhaseId).toBe('entry');
    expect(plan.goals[0]!.phaseId).toBe('entry');
    expect(plan.targets[0]!.phaseId).toBe('entry');
    expect(plan.segments[0]!.leads).toEqual([{ perMonth: 5 }, { phaseId: 'break', perMonth: 8 }]);
    expect(plan.phases.map((p) => p.id)).toEqual(['entry', 'break']);
  });

  it('a funnel (segments, scenario adjustments), a segment (customers), a customer (goals)', async () => {
    const h = await harness();
    await h.call('funnels.update', { id: 'ltc', value: { ...ltc, id: 'ltc-2' } });
    await h.call('segments.update', { id: 'fin', value: { ...base.segments[0]!, id: 'banks', funnelId: 'ltc-2' } });
    await h.call('customers.update', { id: 'c1', value: { ...c1, id: 'city-bank', segmentId: 'banks' } });
    const { plan } = await h.plan();
    expect(plan.segments[0]!.funnelId).toBe('ltc-2');
    expect(plan.scenarios[0]!.adjust.stages![0]!.funnelId).toBe('ltc-2');
    expect(plan.customers.map((c) => c.segmentId)).toEqual(['banks', 'banks']);
    expect(plan.goals[0]!.customerId).toBe('city-bank');
    // The funnel's own stages and payments came along too, and the plan is still valid.
    expect(plan.funnels[0]!.stages).toEqual(ltc.stages);
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe('plan.batch', () => {
  const c3: Customer = { ...c1, id: 'c3', name: 'Third', breakthroughPhaseId: 'p2' };

  it('applies all edits as one change', async () => {
    const h = await harness();
    const res = await h.call('plan.batch', {
      edits: [
        { kind: 'customers', op: 'create', value: c3 },
        { kind: 'customers', op: 'update', id: 'c2', value: { ...base.customers[1]!, tier: 'A' } },
        { kind: 'targets', op: 'delete', id: 't1' },
      ],
    });
    expect(res).toEqual({ revision: 1, value: null });
    const { plan } = await h.plan();
    expect(plan.customers.map((c) => `${c.id}:${c.tier}`)).toEqual(['c1:S', 'c2:A', 'c3:S']);
    expect(plan.targets).toEqual([]);
    const changes = h.changes();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.summary).toBe('3 edits: 1 customer added, 1 customer changed, 1 target deleted');
    expect(changes[0]!.items.map((i) => `${i.op} ${i.entityId}`)).toEqual(['create c3', 'update c2', 'delete t1']);
    expect(h.events).toEqual([{ type: 'plan-changed', revision: 1, path: h.path }]);
  });

  it('keeps the label as the summary', async () => {
    const h = await harness();
    await h.call('plan.batch', { edits: [{ kind: 'customers', op: 'create', value: c3 }], label: 'Pasted 1 row' });
    expect(h.changes()[0]!.summary).toBe('Pasted 1 row');
  });

  it('is all or nothing: one bad edit at the end undoes the good ones before it', async () => {
    const h = await harness();
    const err = await refusedUnchanged(h, 'plan.batch', {
      edits: [
        { kind: 'customers', op: 'create', value: c3 },
        { kind: 'people', op: 'update', id: 'zhao', value: { id: 'zhao', name: 'Zhao', role: 'FR' } },
        { kind: 'goals', op: 'create', value: { ...base.goals[0]!, id: 'g9', customerId: 'nobody' } },
      ],
    });
    expect(err.code).toBe('invalid_plan');
    expect(issuesOf(err)).toEqual([{ path: 'goals[1].customerId', message: 'refers to unknown customer "nobody"' }]);
  });

  it('says which edit of the batch failed', async () => {
    const h = await harness();
    const err = await refusedUnchanged(h, 'plan.batch', {
      edits: [
        { kind: 'customers', op: 'create', value: c3 },
        { kind: 'customers', op: 'delete', id: 'c42' },
      ],
    });
    expect(err).toMatchObject({ code: 'not_found', message: 'Edit 2 of 2: There is no customer with id "c42"', details: { edit: 1 } });
  });

  it('accepts edits in any order: references are checked when the batch ends', async () => {
    const h = await harness();
    await h.call('plan.batch', {
      edits: [
        { kind: 'customers', op: 'create', value: { ...c3, segmentId: 'gov', owners: { AR: 'li', SR: null, FR: null } } },
        { kind: 'segments', op: 'create', value: { id: 'gov', name: 'Government', funnelId: 'ltc', leads: [] } },
        { kind: 'people', op: 'create', value: { id: 'li', name: 'Li', role: 'AR' } },
        // Delete a person and hand their customer to someone else, in that order.
        { kind: 'people', op: 'delete', id: 'zhao' },
        { kind: 'customers', op: 'update', id: 'c1', value: { ...c1, owners: { AR: 'wang', SR: 'li', FR: null } } },
        { kind: 'targets', op: 'update', id: 't1', value: { ...base.targets[0]!, ownerId: null } },
      ],
    });
    const { plan } = await h.plan();
    expect(plan.people.map((p) => p.id)).toEqual(['wang', 'li']);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('may delete and re-create the same id', async () => {
    const h = await harness();
    await h.call('plan.batch', {
      edits: [
        { kind: 'goals', op: 'delete', id: 'g1' },
        { kind: 'customers', op: 'delete', id: 'c1' },
        { kind: 'customers', op: 'create', value: { ...c1, name: 'City Bank (new)' }, index: 0 },
        { kind: 'goals', op: 'create', value: base.goals[0]! },
      ],
    });
    const { plan } = await h.plan();
    expect(plan.customers.map((c) => c.name)).toEqual(['City Bank (new)', 'Rural Bank']);
  });

  it('handles 5,000 customer creates in one commit', async () => {
    const h = await harness();
    const edits = Array.from({ length: 5000 }, (_, i) => ({ kind: 'customers' as const, op: 'create' as const, value: { ...c3, id: `bulk-${i}`, name: `Bulk ${i}` } }));
    await h.call('plan.batch', { edits });
    const { plan, revision } = await h.plan();
    expect(revision).toBe(1);
    expect(plan.customers).toHaveLength(5002);
    expect(plan.customers[4999 + 2]!.id).toBe('bulk-4999');
    expect(h.changes()[0]!.items).toHaveLength(5000);
  });
});

describe('the argument is checked against the contract before any handler runs', () => {
  const bad: [string, string, unknown][] = [
    ['a value missing a required field', 'customers.create', { value: { ...c1, name: undefined } }],
    ['a value with an unknown key', 'people.create', { value: { id: 'x', name: 'X', role: 'AR', email: 'x@example.com' } }],
    ['a wrong type', 'funnels.update', { id: 'ltc', value: { ...ltc, payments: 'none' } as unknown as Funnel }],
    ['an id with spaces', 'phases.delete', { id: 'p 1' }],
    ['an unknown edit kind in a batch', 'plan.batch', { edits: [{ kind: 'deals', op: 'create', value: {} }] }],
    ['an empty batch', 'plan.batch', { edits: [] }],
    ['a reorder without a list', 'goals.reorder', { ids: 'g1' }],
    ['a settings patch with an unknown key', 'plan.updateSettings', { patch: { colour: 'red' } }],
    ['no argument at all', 'customers.update', undefined],
  ];

  it.each(bad)('%s', async (_name, method, arg) => {
    const h = await harness();
    const err = await refusedUnchanged(h, method, arg);
    expect(err.code).toBe('invalid_argument');
    expect(err.message).toContain(`Invalid argument for ${method}`);
    // Only the test's own plan.get reads went through: the method's handler never ran.
    expect(h.reached.filter((m) => m !== 'plan.get')).toEqual([]);
  });

  it('(control) a valid call does reach its handler', async () => {
    const h = await harness();
    await h.call('people.delete', { id: 'zhao' }).catch(() => undefined);
    expect(h.reached).toEqual(['people.delete']);
  });

  it('an unknown method', async () => {
    const h = await harness();
    expect(await h.fail('customers.merge', {})).toMatchObject({ code: 'unknown_method' });
    expect(h.reached).toEqual([]);
  });
});

describe('without an open plan', () => {
  it('plan and edit methods answer no_plan_open', async () => {
    const session = new PlannerSession({ lang: 'en', actor: 't', appVersion: 'test' });
    const dispatch = createDispatcher(handlers);
    for (const [m, a] of [['plan.get', {}], ['people.delete', { id: 'x' }], ['file.exportJson', {}]] as const) {
      const res = await dispatch(m, a, session);
      expect(res).toMatchObject({ ok: false, error: { code: 'no_plan_open' } });
    }
    expect(await dispatch('file.current', {}, session)).toEqual({ ok: true, value: null });
  });
});
