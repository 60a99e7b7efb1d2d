// Undo and redo through the API: every kind of edit taken back returns the
// plan to exactly what plan.get showed before it, redo to exactly what it
// showed after; a new edit clears redo; refusals change nothing.
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../shared/api/contract';
import type { Customer, Plan } from '../../shared/plan/types';
import { MAX_INDEXED_CREATES } from '../../electron/services/history/edits';
import { CODECS } from '../../electron/store';
import { insertEntity } from '../../electron/store/entities/repository';
import { demoJson, harness, type Harness } from './store-helpers';

type PlanBody = Omit<Plan, 'format' | 'formatVersion'> & Pick<Plan, 'format' | 'formatVersion'>;

async function planOf(h: Harness): Promise<PlanBody> {
  return (await h.plan()).plan;
}

/** Makes the edit, then checks undo → before, redo → after, undo → before again. */
async function roundTrip(h: Harness, edit: () => Promise<unknown>): Promise<{ before: PlanBody; after: PlanBody }> {
  const before = await planOf(h);
  await edit();
  const after = await planOf(h);
  expect(after).not.toEqual(before);
  await h.call('history.undo', {});
  expect(await planOf(h)).toEqual(before);
  await h.call('history.redo', {});
  expect(await planOf(h)).toEqual(after);
  await h.call('history.undo', {});
  expect(await planOf(h)).toEqual(before);
  return { before, after };
}

const demo = () => demoJson('en');
function newCustomer(id: string, name: string) {
  return {
    id, name, segmentId: 'fin', tier: 'B', relationship: { key: 1, broad: 1, organizational: 0 }, potential: 1_000_000,
    owners: { AR: 'zhou', SR: null, FR: null }, status: 'target',
  } satisfies Customer;
}

describe('undo and redo of each kind of edit', () => {
  it('create, placed in the middle of the list', async () => {
    const h = await harness(demo());
    await roundTrip(h, () => h.call('customers.create', { value: newCustomer('new-1', 'New Bank'), index: 3 }));
    await roundTrip(h, () => h.call('scenarios.create', { value: { id: 'mid', name: 'Middle', adjust: { leads: 1.1 } }, index: 1 }));
    await roundTrip(h, () => h.call('people.create', { value: { id: 'first', name: 'First Person', role: 'AR' }, index: 0 }));
  });

  it('update of values, nested objects and owned lists', async () => {
    const h = await harness(demo());
    const plan = await planOf(h);
    const c = plan.customers[4]!;
    await roundTrip(h, () => h.call('customers.update', { id: c.id, value: { ...c, tier: 'A', relationship: { ...c.relationship, key: 4 }, region: undefined } }));
    const f = plan.funnels[0]!;
    const stages = f.stages.map((st, i) => (i === 1 ? { ...st, conversion: { min: 0.1, mode: 0.2, max: 0.3 } } : st));
    await roundTrip(h, () => h.call('funnels.update', { id: f.id, value: { ...f, stages, dealSize: 123 } }));
  });

  it('an id rename, with every reference that followed it', async () => {
    const h = await harness(demo());
    const plan = await planOf(h);
    const p1 = plan.phases[0]!;
    const { after } = await roundTrip(h, () => h.call('phases.update', { id: 'p1', value: { ...p1, id: 'phase-one' } }));
    // The rename reached customers, goals and targets; undo put every reference back.
    expect(after.customers.some((c) => c.breakthroughPhaseId === 'phase-one')).toBe(true);
    expect(after.goals.some((g) => g.phaseId === 'phase-one')).toBe(true);
    const person = plan.people[0]!;
    await roundTrip(h, () => h.call('people.update', { id: person.id, value: { ...person, id: 'renamed-person' } }));
  });

  it('delete, restored at its old position with everything it owned', async () => {
    const h = await harness(demo());
    const plan = await planOf(h);
    // A customer no goal refers to, from the middle of the list.
    const free = plan.customers.find((c, i) => i > 10 && i < plan.customers.length - 5 && !plan.goals.some((g) => g.customerId === c.id))!;
    await roundTrip(h, () => h.call('customers.delete', { id: free.id }));
    await roundTrip(h, () => h.call('scenarios.delete', { id: plan.scenarios[0]!.id }));
    // First in its list, with owned stage adjustments.
    await roundTrip(h, () => h.call('targets.delete', { id: plan.targets[0]!.id }));
  });

  it('reorder', async () => {
    const h = await harness(demo());
    const ids = (await planOf(h)).customers.map((c) => c.id);
    await roundTrip(h, () => h.call('customers.reorder', { ids: [...ids].reverse() }));
  });

  it('a batch across collections undoes as a whole', async () => {
    const h = await harness(demo());
    const plan = await planOf(h);
    const free = plan.customers.filter((c) => !plan.goals.some((g) => g.customerId === c.id));
    const edits: Edit[] = [
      { kind: 'customers', op: 'delete', id: free[2]!.id },
      { kind: 'customers', op: 'delete', id: free[3]!.id },
      { kind: 'customers', op: 'create', value: newCustomer('b-1', 'Batch Bank'), index: 0 },
      { kind: 'customers', op: 'update', id: 'b-1', value: { ...newCustomer('b-1', 'Batch Bank'), tier: 'S' } },
      { kind: 'goals', op: 'update', id: plan.goals[0]!.id, value: { ...plan.goals[0]!, target: 7 } },
      { kind: 'people', op: 'create', value: { id: 'new-p', name: 'New Person', role: 'SR' } },
    ];
    await roundTrip(h, () => h.call('plan.batch', { edits, label: 'Bulk edit' }));
    const state = await h.call('history.state', {});
    expect(state.redo?.summary).toBe('Bulk edit');
    expect(state.redoLabel).toBe('Redo: Bulk edit');
  });

  it(`a batch deleting more than ${MAX_INDEXED_CREATES} entities from all over the list comes back in order`, async () => {
    const plan = demo();
    const extra = Array.from({ length: plan.customers.length * 8 }, (_, i) => newCustomer(`x${i}`, `Extra ${i}`));
    plan.customers = plan.customers.flatMap((c, i) => [c, ...extra.slice(i * 8, i * 8 + 8)]);
    const h = await harness(plan);
    const edits: Edit[] = extra.filter((_, i) => i % 3 !== 0).map((c) => ({ kind: 'customers', op: 'delete', id: c.id }));
    expect(edits.length).toBeGreaterThan(MAX_INDEXED_CREATES);
    await roundTrip(h, () => h.call('plan.batch', { edits }));
  });

  it('settings, including a field that was absent before', async () => {
    const plan = demo();
    delete plan.plan.description;
    const h = await harness(plan);
    const { before } = await roundTrip(h, () => h.call('plan.updateSettings', { patch: { description: 'Now described', horizonMonths: 48 } }));
    expect(before.plan).not.toHaveProperty('description');
  });
});

describe('the undo and redo stacks', () => {
  it('steps back and forth through several edits in order, with a revision and a plan-changed event each', async () => {
    const h = await harness(demo());
    const states = [await planOf(h)];
    const c = states[0]!.customers[0]!;
    for (const tier of ['A', 'B', 'C'] as const) {
      await h.call('customers.update', { id: c.id, value: { ...c, tier } });
      states.push(await planOf(h));
    }
    h.events.length = 0;
    for (let i = 2; i >= 0; i--) {
      const res = await h.call('history.undo', {});
      expect(await planOf(h)).toEqual(states[i]);
      expect(res.revision).toBe((await h.plan()).revision);
      expect(h.events.at(-1)).toEqual({ type: 'plan-changed', revision: res.revision, path: h.path });
    }
    expect((await h.call('history.state', {})).canUndo).toBe(false);
    for (let i = 1; i <= 3; i++) {
      await h.call('history.redo', {});
      expect(await planOf(h)).toEqual(states[i]);
    }
    expect(await h.call('history.state', {})).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('a new edit after an undo clears redo; undo then skips the edit left undone', async () => {
    const h = await harness(demo());
    const start = await planOf(h);
    const [a, b] = start.customers;
    await h.call('customers.update', { id: a!.id, value: { ...a!, potential: 1 } });
    const afterA = await planOf(h);
    await h.call('customers.update', { id: b!.id, value: { ...b!, potential: 2 } });
    await h.call('history.undo', {});
    expect((await h.call('history.state', {})).canRedo).toBe(true);
    await h.call('customers.update', { id: a!.id, value: { ...afterA.customers[0]!, name: 'Renamed' } });
    expect(await h.call('history.state', {})).toMatchObject({ canRedo: false, redo: null });
    const refusal = await h.fail('history.redo', {});
    expect(refusal).toMatchObject({ code: 'conflict', details: { reason: 'nothing-to-redo' } });
    await h.call('history.undo', {});
    expect(await planOf(h)).toEqual(afterA);
    await h.call('history.undo', {});
    expect(await planOf(h)).toEqual(start);
  });

  it('with nothing to undo, says so and changes nothing', async () => {
    const h = await harness(demo());
    const before = await h.plan();
    const error = await h.fail('history.undo', {});
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'nothing-to-undo' } });
    expect(error.message).toMatch(/nothing to undo/i);
    expect(await h.plan()).toEqual(before);
    expect(h.events).toEqual([]);
    expect(await h.call('history.state', {})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, undo: null, redo: null });
  });

  it('with a revision named, undoes only if that edit is the newest in effect', async () => {
    const h = await harness(demo());
    const [a, b] = (await planOf(h)).customers;
    const first = await h.call('customers.update', { id: a!.id, value: { ...a!, potential: 1 } });
    await h.call('customers.update', { id: b!.id, value: { ...b!, potential: 2 } });
    const before = await h.plan();
    const error = await h.fail('history.undo', { revision: first.revision });
    expect(error).toMatchObject({ code: 'conflict', details: { reason: 'not-latest', revision: first.revision + 1 } });
    expect(await h.plan()).toEqual(before);
    await h.call('history.undo', { revision: first.revision + 1 });
    expect((await planOf(h)).customers[1]).toEqual(b);
  });

  it('refuses, changing nothing, when the plan no longer matches the history', async () => {
    const h = await harness(demo());
    const c = (await planOf(h)).customers[0]!;
    await h.call('customers.update', { id: c.id, value: { ...c, tier: 'C' } });
    // A write that bypassed the history (it never happens through the API).
    h.db().prepare("UPDATE customers SET name = 'Changed behind its back' WHERE id = ?").run(c.id);
    const before = await h.plan();
    const error = await h.fail('history.undo', {});
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ reason: 'history-mismatch', kind: 'customers', id: c.id });
    expect(error.message).toContain('nothing was changed');
    expect(await h.plan()).toEqual(before);
    expect((await h.call('history.state', {})).canUndo).toBe(true);
  });

  it('an undo that would break a plan rule is refused with the issues, and changes nothing', async () => {
    const h = await harness(demo());
    const plan = await planOf(h);
    await h.call('plan.updateSettings', { patch: { horizonMonths: plan.plan.horizonMonths + 12 } });
    // A phase in the added year, written past the history (never done through the API).
    const late = { id: 'late', name: 'Late', stage: 'consolidation' as const, start: '2030-01', end: '2030-06' };
    insertEntity(h.db(), CODECS.phases, late, plan.phases.length);
    const before = await h.plan();
    const error = await h.fail('history.undo', {});
    expect(error.code).toBe('invalid_plan');
    expect(error.message).toMatch(/^Undo of “Changed the plan settings” was refused; nothing was changed\. /);
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(`phases[${plan.phases.length}].end`);
    expect(await h.plan()).toEqual(before);
    expect((await h.call('history.state', {})).canUndo).toBe(true);
  });

  it('records undo and redo as entries of their own and marks the undone edit', async () => {
    const h = await harness(demo());
    const c = (await planOf(h)).customers[0]!;
    await h.call('customers.update', { id: c.id, value: { ...c, tier: 'C' } });
    const undone = await h.call('history.undo', {});
    expect(undone.value.target).toMatchObject({ method: 'customers.update', undone: true, type: 'edit' });
    expect(undone.value.recorded).toMatchObject({
      method: 'history.undo',
      type: 'undo',
      undoOf: undone.value.target.id,
      actor: 'tester',
      summary: `Undo: Changed customer "${c.name}"`,
      entities: [{ kind: 'customers', op: 'update', id: c.id, before: { ...c, tier: 'C' }, after: c }],
      // What the undone edit touched, to word the entry after it.
      target: { entityCount: 1, tally: [{ kind: 'customers', op: 'update', count: 1 }], entities: [{ id: c.id, after: { ...c, tier: 'C' } }] },
    });
    const redone = await h.call('history.redo', {});
    expect(redone.value.target.undone).toBe(false);
    expect(redone.value.recorded).toMatchObject({ type: 'redo', undoOf: undone.value.target.id });
    const { entries } = await h.call('history.list', {});
    expect(entries.map((e) => e.type)).toEqual(['redo', 'undo', 'edit']);
  });
});
