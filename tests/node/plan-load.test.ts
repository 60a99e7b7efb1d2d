// plan.load over the real services and a real plan file: the whole plan with
// its customers in columns, only the customers that changed since the
// revision a window shows, the whole list whenever the change log cannot
// tell, and a plan too large for a window refused with its limits named.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { customers50kPlan } from '../../bench/plans/customers-50k';
import { growCustomers } from '../../bench/plans/grow-customers';
import { decodeCustomers } from '../../shared/api/customer-columns';
import { MAX_LOADED_CUSTOMERS, type PlanLoad } from '../../shared/api/methods/plan-load';
import { demoJson, sha256, startApp, tempDir, type TestApp } from './store-helpers';

async function openDemo(): Promise<{ t: TestApp; path: string }> {
  const t = startApp();
  const path = join(t.dataDir, 'demo.salesplan');
  await t.call('file.importJson', { json: JSON.stringify(demoJson()), path });
  return { t, path };
}

const load = (t: TestApp, since?: { path: string; revision: number }) => t.call('plan.load', since ? { since } : {}) as Promise<PlanLoad>;
const changes = (l: PlanLoad) => {
  if (l.customers.kind !== 'changes') throw new Error(`expected changes, got ${l.customers.kind}`);
  return l.customers;
};

describe('plan.load', () => {
  it('gives the plan as plan.get does, the customers in columns', async () => {
    const { t } = await openDemo();
    const got = await t.call('plan.get', {});
    const loaded = await load(t);
    expect(loaded.revision).toBe(got.revision);
    expect(loaded.file).toEqual(got.file);
    expect(loaded.customers.kind).toBe('all');
    if (loaded.customers.kind !== 'all') return;
    expect(decodeCustomers(loaded.customers.columns)).toStrictEqual(got.plan.customers);
    expect({ ...loaded.plan, customers: got.plan.customers }).toStrictEqual(got.plan);
  });

  it('after another window edits one customer, gives that customer alone, as it is now', async () => {
    const { t, path } = await openDemo();
    const shown = await load(t);
    const before = (await t.call('plan.get', {})).plan.customers[3]!;
    await t.call('customers.update', { id: before.id, value: { ...before, potential: 123_456 } });
    const next = await load(t, { path, revision: shown.revision });
    expect(next.revision).toBe(shown.revision + 1);
    expect(changes(next)).toStrictEqual({ kind: 'changes', upsert: [{ ...before, potential: 123_456 }], remove: [] });
    // The rest of the plan as plan.get has it, read without the customers.
    expect(next.plan).toStrictEqual({ ...(await t.call('plan.get', {})).plan, customers: [] });
    // Nothing changed since: nothing to apply.
    expect(changes(await load(t, { path, revision: next.revision }))).toStrictEqual({ kind: 'changes', upsert: [], remove: [] });
  });

  it('gives the new order after a create and the removed id after a delete; undo is a change like any other', async () => {
    const { t, path } = await openDemo();
    const shown = await load(t);
    const plan = (await t.call('plan.get', {})).plan;
    const added = { ...plan.customers[0]!, id: 'new-one', name: 'New One' };
    const gone = plan.customers.find((c) => !plan.goals.some((g) => g.customerId === c.id))!;
    await t.call('customers.create', { value: added, index: 1 });
    await t.call('customers.delete', { id: gone.id });
    const next = changes(await load(t, { path, revision: shown.revision }));
    expect(next.upsert).toStrictEqual([added]);
    expect(next.remove).toEqual([gone.id]);
    const ids = (await t.call('plan.get', {})).plan.customers.map((c) => c.id);
    expect(next.order).toEqual(ids);
    expect(ids[1]).toBe('new-one');
    const afterDelete = (await load(t)).revision;
    await t.call('history.undo', {});
    const undone = changes(await load(t, { path, revision: afterDelete }));
    expect(undone.upsert.map((c) => c.id)).toEqual([gone.id]);
  });

  it('gives the customers a renamed segment reached (their references followed it) as changes', async () => {
    const { t, path } = await openDemo();
    const shown = await load(t);
    const segment = (await t.call('plan.get', {})).plan.segments[0]!;
    await t.call('segments.update', { id: segment.id, value: { ...segment, id: `${segment.id}-2` } });
    const renamed = changes(await load(t, { path, revision: shown.revision }));
    const now = (await t.call('plan.get', {})).plan.customers;
    const reached = now.filter((c) => c.segmentId === `${segment.id}-2`);
    expect(reached.length).toBeGreaterThan(0);
    expect(renamed).toStrictEqual({ kind: 'changes', upsert: reached, remove: [] });
  });

  it('gives the whole list for another file or a revision ahead', async () => {
    const { t, path } = await openDemo();
    const renamed = await load(t);
    expect((await load(t, { path: join(t.dataDir, 'other.salesplan'), revision: renamed.revision })).customers.kind).toBe('all');
    expect((await load(t, { path, revision: renamed.revision + 5 })).customers.kind).toBe('all');
  });

  it('loads customers with long needs notes whole (the bench loads 10 MB of them)', async () => {
    const t = startApp();
    const plan = customers50kPlan(100);
    for (const c of plan.customers) c.needs = `${c.name} 客户需求 `.repeat(800).slice(0, 10_000);
    await t.call('file.importJson', { json: JSON.stringify(plan), path: join(t.dataDir, 'notes.salesplan') });
    const loaded = await load(t);
    if (loaded.customers.kind !== 'all') throw new Error('expected the whole list');
    expect(decodeCustomers(loaded.customers.columns)).toStrictEqual((await t.call('plan.get', {})).plan.customers);
    expect(decodeCustomers(loaded.customers.columns)[99]!.needs).toHaveLength(10_000);
  });

  it('refuses a plan with more customers than a window opens, naming both numbers, and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.salesplan');
    const maker = startApp({ dataDir: dir });
    await maker.call('file.importJson', { json: JSON.stringify(demoJson()), path });
    maker.app.close();
    growCustomers(path, MAX_LOADED_CUSTOMERS + 1);
    const hash = sha256(path);
    const t = startApp({ dataDir: dir });
    await t.call('file.open', { path });
    // Refused from a count, before reading the customers (the bench times it for a million).
    const refusal = await t.fail('plan.load', {});
    expect(refusal).toMatchObject({ code: 'too_large', details: { what: 'customers', count: MAX_LOADED_CUSTOMERS + 1, limit: MAX_LOADED_CUSTOMERS } });
    expect(refusal.message).toBe('The plan has 250,001 customers; a window opens plans of up to 250,000.');
    t.app.close();
    expect(sha256(path)).toBe(hash);
  });
});
