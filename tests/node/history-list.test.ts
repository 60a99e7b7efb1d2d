// The history list (paging, filters, size caps), and undo/redo state that
// lives in the file: it survives closing and reopening the plan. (Migration
// 003, which added that state, is tested in migrations/003.test.ts.)
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../shared/api/contract';
import { MAX_ENTITIES_PER_ENTRY } from '../../shared/api/methods/history';
import type { Customer } from '../../shared/plan/types';
import { appWithPlan, demoJson, startApp } from './store-helpers';

const plan = () => demoJson('en');

describe('history.list', () => {
  it('pages newest first and filters by kind and by person', async () => {
    const t = await appWithPlan(plan());
    const { customers, people } = (await t.call('plan.get', {})).plan;
    for (let i = 0; i < 5; i++) await t.call('customers.update', { id: customers[i]!.id, value: { ...customers[i]!, potential: i + 1 } });
    await t.call('people.update', { id: people[0]!.id, value: { ...people[0]!, name: 'Zhou Renamed' } });
    await t.call('plan.updateSettings', { patch: { trials: 500 } });
    t.app.close();
    // Someone else opens the same file and edits.
    const other = startApp({ dataDir: t.dataDir, openPath: t.path, actor: 'li.na' });
    await other.call('customers.update', { id: customers[9]!.id, value: { ...customers[9]!, tier: 'C' } });

    const first = await other.call('history.list', { limit: 3 });
    expect(first.entries.map((e) => [e.method, e.actor])).toEqual([
      ['customers.update', 'li.na'],
      ['plan.updateSettings', 'tester'],
      ['people.update', 'tester'],
    ]);
    expect(first.more).toBe(true);
    expect(first.actors).toEqual(['li.na', 'tester']);
    const second = await other.call('history.list', { limit: 3, before: first.entries.at(-1)!.id });
    expect(second.entries.map((e) => e.entities[0]!.id)).toEqual([customers[4]!.id, customers[3]!.id, customers[2]!.id]);
    const rest = await other.call('history.list', { limit: 3, before: second.entries.at(-1)!.id });
    expect(rest.entries).toHaveLength(2);
    expect(rest.more).toBe(false);

    const settings = await other.call('history.list', { kind: 'plan' });
    expect(settings.entries).toHaveLength(1);
    expect(settings.entries[0]!.entities[0]).toMatchObject({ kind: 'plan', op: 'update', id: null, after: { trials: 500 } });
    expect((await other.call('history.list', { kind: 'people' })).entries.map((e) => e.summary)).toEqual([`Changed person "Zhou Renamed"`]);
    const byLi = await other.call('history.list', { actor: 'li.na' });
    expect(byLi.entries).toHaveLength(1);
    expect(byLi.entries[0]!.entities[0]).toMatchObject({ before: { tier: customers[9]!.tier }, after: { tier: 'C' } });
  });

  it(`sends at most ${MAX_ENTITIES_PER_ENTRY} entities of a big batch with the full count, and no id lists of reorders`, async () => {
    const t = await appWithPlan(plan());
    const { customers } = (await t.call('plan.get', {})).plan;
    const added: Customer[] = Array.from({ length: 120 }, (_, i) => ({ ...customers[0]!, id: `n${i}`, name: `New ${i}` }));
    const edits: Edit[] = added.map((value) => ({ kind: 'customers', op: 'create', value }));
    await t.call('plan.batch', { edits, label: 'Paste 120 rows' });
    await t.call('customers.reorder', { ids: [...customers, ...added].map((c) => c.id).reverse() });
    const { entries } = await t.call('history.list', {});
    expect(entries[0]!.entities).toEqual([{ kind: 'customers', op: 'reorder', id: null, before: null, after: null }]);
    expect(entries[1]).toMatchObject({ summary: 'Paste 120 rows', entityCount: 120, tally: [{ kind: 'customers', op: 'create', count: 120 }] });
    expect(entries[1]!.entities).toHaveLength(MAX_ENTITIES_PER_ENTRY);
    expect(entries[1]!.entities[0]).toMatchObject({ op: 'create', id: 'n0', before: null, after: added[0] });
  });

  it('refuses a bad argument by name', async () => {
    const t = await appWithPlan(plan());
    const error = await t.fail('history.list', { limit: 0 });
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('limit');
    expect((await t.fail('history.list', { kind: 'planets' })).message).toContain('kind');
  });
});

describe('undo state in the file', () => {
  it('survives closing and reopening the plan: undo and redo carry on where they were', async () => {
    const t = await appWithPlan(plan());
    const start = (await t.call('plan.get', {})).plan;
    const c = start.customers[0]!;
    await t.call('customers.update', { id: c.id, value: { ...c, tier: 'C' } });
    const afterFirst = (await t.call('plan.get', {})).plan;
    await t.call('customers.update', { id: c.id, value: { ...c, tier: 'B' } });
    const afterSecond = (await t.call('plan.get', {})).plan;
    await t.call('history.undo', {});
    t.app.close();

    const again = startApp({ dataDir: t.dataDir, openPath: t.path });
    expect((await again.call('plan.get', {})).plan).toEqual(afterFirst);
    const state = await again.call('history.state', {});
    expect(state).toMatchObject({ canUndo: true, canRedo: true, redoLabel: `Redo: Changed customer "${c.name}"` });
    await again.call('history.redo', {});
    expect((await again.call('plan.get', {})).plan).toEqual(afterSecond);
    await again.call('history.undo', {});
    await again.call('history.undo', {});
    expect((await again.call('plan.get', {})).plan).toEqual(start);
  });
});
