// Person limits and goal statuses set by id (team.*): since plan-format v2
// they are plan fields (person customerLimit, goal status), so each call is an
// edit like any other — kept in the file, validated, in the history and
// undoable, in the JSON export — and a deleted entity takes its value along.
import { describe, expect, it } from 'vitest';
import { harness, smallPlan, startApp } from './store-helpers';

describe('team.* person limits and goal statuses', () => {
  it('starts empty, stores a limit and a status, and reads them back after reopening the file', async () => {
    const h = await harness();
    expect(await h.call('team.get', {})).toEqual({ customerLimits: {}, goalStatuses: {} });
    expect(await h.call('team.setCustomerLimit', { personId: 'wang', limit: 3 })).toEqual({
      customerLimits: { wang: 3 },
      goalStatuses: {},
    });
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'inProgress' });
    // Reopen the same file in a fresh app: the values are in the file itself.
    h.session.close();
    const other = startApp();
    await other.call('file.open', { path: h.path });
    expect(await other.call('team.get', {})).toEqual({ customerLimits: { wang: 3 }, goalStatuses: { g1: 'inProgress' } });
  });

  it('null limit and the default status remove the stored value', async () => {
    const h = await harness();
    await h.call('team.setCustomerLimit', { personId: 'wang', limit: 3 });
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'achieved' });
    await h.call('team.setCustomerLimit', { personId: 'wang', limit: null });
    expect(await h.call('team.setGoalStatus', { goalId: 'g1', status: 'notStarted' })).toEqual({ customerLimits: {}, goalStatuses: {} });
    const { plan } = await h.plan();
    expect(plan.people.find((p) => p.id === 'wang')).not.toHaveProperty('customerLimit');
    expect(plan.goals.find((g) => g.id === 'g1')!.status).toBe('notStarted');
  });

  it('refuses unknown people and goals, and bad limits, naming what is wrong', async () => {
    const h = await harness();
    const missing = await h.fail('team.setCustomerLimit', { personId: 'nobody', limit: 2 });
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('"nobody"');
    expect((await h.fail('team.setGoalStatus', { goalId: 'g9', status: 'missed' })).code).toBe('not_found');
    const negative = await h.fail('team.setCustomerLimit', { personId: 'wang', limit: -1 });
    expect(negative.code).toBe('invalid_argument');
    expect(negative.message).toContain('limit');
    expect((await h.fail('team.setGoalStatus', { goalId: 'g1', status: 'done' })).code).toBe('invalid_argument');
  });

  it('is an edit: revision, history, plan-changed, JSON export, and undo', async () => {
    const h = await harness();
    const before = await h.plan();
    await h.call('team.setCustomerLimit', { personId: 'wang', limit: 1 });
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'missed' });
    const after = await h.plan();
    expect(after.revision).toBe(before.revision + 2);
    // Newest first.
    expect(h.changes().map((c) => [c.method, c.summary])).toEqual([
      ['team.setGoalStatus', 'Changed goal "First contract"'],
      ['team.setCustomerLimit', 'Changed person "Wang Li"'],
    ]);
    expect(h.events).toHaveLength(2);
    const exported = JSON.parse((await h.call('file.exportJson', {})).json) as ReturnType<typeof smallPlan>;
    expect(exported.people[0]).toEqual({ id: 'wang', name: 'Wang Li', role: 'AR', customerLimit: 1 });
    expect(exported.goals[0]!.status).toBe('missed');
    await h.call('history.undo', {});
    expect(await h.call('team.get', {})).toEqual({ customerLimits: { wang: 1 }, goalStatuses: {} });
    await h.call('history.undo', {});
    expect(await h.call('team.get', {})).toEqual({ customerLimits: {}, goalStatuses: {} });
  });

  it('setting the value a field already has records nothing', async () => {
    const h = await harness();
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'notStarted' });
    await h.call('team.setCustomerLimit', { personId: 'wang', limit: null });
    expect(h.changes()).toHaveLength(0);
    expect((await h.plan()).revision).toBe(0);
  });

  it('a deleted goal takes its status along, so a re-created id starts from what it is given', async () => {
    const h = await harness();
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'achieved' });
    const g1 = (await h.plan()).plan.goals.find((g) => g.id === 'g1')!;
    await h.call('goals.delete', { id: 'g1' });
    expect((await h.call('team.get', {})).goalStatuses).toEqual({});
    const { status: _status, ...withoutStatus } = g1;
    await h.call('goals.create', { value: withoutStatus });
    expect((await h.call('team.get', {})).goalStatuses).toEqual({});
  });
});
