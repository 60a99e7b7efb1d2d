// App-only planning data (person limits, goal statuses): kept in the plan
// file across reopening, validated against the plan, outside the plan
// revision and the JSON interchange format, and never inherited by a new
// entity that reuses a deleted id.
import { describe, expect, it } from 'vitest';
import { harness, smallPlan, startApp } from './store-helpers';

describe('team.* app-only data', () => {
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
    const rows = h.db().prepare("SELECT count(*) FROM meta WHERE key LIKE 'team.%' OR key LIKE 'goal.%'").pluck().get();
    expect(rows).toBe(0);
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

  it('does not touch the plan revision, the history or the exported JSON', async () => {
    const h = await harness();
    const before = await h.plan();
    await h.call('team.setCustomerLimit', { personId: 'wang', limit: 1 });
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'missed' });
    const after = await h.plan();
    expect(after.revision).toBe(before.revision);
    expect(h.changes()).toHaveLength(0);
    expect(h.events).toEqual([]);
    const { json } = await h.call('file.exportJson', {});
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(smallPlan())));
  });

  it('forgets the values of deleted entities, so a re-created id starts from the default', async () => {
    const h = await harness();
    await h.call('team.setGoalStatus', { goalId: 'g1', status: 'achieved' });
    const g1 = (await h.plan()).plan.goals.find((g) => g.id === 'g1')!;
    await h.call('goals.delete', { id: 'g1' });
    expect((await h.call('team.get', {})).goalStatuses).toEqual({});
    // Any later write sweeps the stale row; the re-created goal is not started.
    await h.call('team.setCustomerLimit', { personId: 'zhao', limit: 5 });
    await h.call('goals.create', { value: g1 } as never);
    expect((await h.call('team.get', {})).goalStatuses).toEqual({});
  });
});
