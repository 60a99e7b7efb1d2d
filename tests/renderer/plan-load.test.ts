// A window over the real services: after another window's edit it fetches
// only the changed customers (plan.load with the revision it shows), keeps
// its observables and the rows of every other customer, and never loses an
// edit that landed between two of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import type { Customer } from '../../shared/plan/types';
import { loadErrorText } from '../../renderer/stores/refusals';
import { createTranslator } from '../../shared/i18n';
import { demoPlan, fakeHost, flush, realHost, refusal } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function twoWindows(opts: Parameters<typeof realHost>[1] = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-load-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang: 'en' });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const res = await app.dispatch('file.importJson', { json: JSON.stringify(demoPlan), path: join(dataDir, 'demo.salesplan') });
  if (!res.ok) throw new Error(res.error.message);
  const a = realHost(app, opts);
  const b = realHost(app);
  await a.store.start();
  await b.store.start();
  return { app, a, b };
}

const edit = (c: Customer, patch: Partial<Customer>): Customer => ({ ...c, ...patch });
const loads = (calls: { method: string; arg: Record<string, unknown> }[]) => calls.filter((c) => c.method === 'plan.load');

describe('plan loading in a window', () => {
  it('after another window edits one customer, asks only for what changed and keeps the other rows and the observable', async () => {
    const { a, b } = await twoWindows();
    const customers = a.store.plan.collections.customers;
    const [first, second] = customers.plainList;
    const observed = customers.get(first!.id)!;
    const rowsBefore = a.store.customers.allRows;
    const loadsBefore = loads(a.calls).length;
    await b.store.plan.update('customers', first!.id, edit(first!, { potential: 4_321 }));
    a.emit({ type: 'plan-changed', revision: b.store.plan.revision, path: b.store.plan.file!.path });
    await flush();
    await a.store.plan.load();
    const asked = loads(a.calls)[loadsBefore]!;
    expect(asked.arg).toEqual({ since: { path: b.store.plan.file!.path, revision: b.store.plan.revision - 1 } });
    // What the user sees: the new value, in the same observable the detail panel holds.
    expect(customers.get(first!.id)).toBe(observed);
    expect(observed.potential).toBe(4_321);
    const rowsAfter = a.store.customers.allRows;
    expect(rowsAfter[0]!.customer.potential).toBe(4_321);
    // The other 50-odd rows are the very rows of before: nothing re-derived for them.
    expect(rowsAfter[1]).toBe(rowsBefore[1]);
    expect(rowsAfter.slice(1).every((r, i) => r === rowsBefore[i + 1])).toBe(true);
    expect(customers.plain(second!.id)).toBe(second);
  });

  it('does not lose another window’s edit that landed between its load and its own edit', async () => {
    const { a, b } = await twoWindows();
    const [x, y, z] = a.store.plan.collections.customers.plainList;
    // B edits x; A hears nothing yet (the event is late), then edits y itself.
    await b.store.plan.update('customers', x!.id, edit(x!, { name: 'Changed by B' }));
    await a.store.plan.update('customers', y!.id, edit(y!, { name: 'Changed by A' }));
    // A's own answer carries a revision past B's edit: a later event must still bring B's x.
    await b.store.plan.update('customers', z!.id, edit(z!, { name: 'Changed by B again' }));
    a.emit({ type: 'plan-changed', revision: b.store.plan.revision, path: b.store.plan.file!.path });
    await a.store.plan.load();
    const names = a.store.plan.collections.customers.plainList.slice(0, 3).map((c) => c.name);
    expect(names).toEqual(['Changed by B', 'Changed by A', 'Changed by B again']);
  });

  it('does not re-read the plan for the echo of its own edit, and fetches one that landed between', async () => {
    // The host announces each of A's writes before its answer arrives, as over HTTP with server-sent events.
    const { a, b } = await twoWindows({
      after: (method, res, emit) => {
        if (method === 'customers.update' && res.ok) emit({ type: 'plan-changed', revision: (res.value as { revision: number }).revision, path: a.store.plan.file!.path });
      },
    });
    const [x, y, z] = a.store.plan.collections.customers.plainList;
    const loadsBefore = loads(a.calls).length;
    await a.store.plan.update('customers', x!.id, edit(x!, { potential: 1_234 }));
    await new Promise((r) => setTimeout(r, 20));
    expect(loads(a.calls).length).toBe(loadsBefore);
    expect(a.store.plan.collections.customers.plain(x!.id)!.potential).toBe(1_234);
    expect(a.store.customers.allRows[0]!.customer.potential).toBe(1_234);

    // B edits y and A hears nothing of it yet; A's next edit is answered past it: A fetches y once.
    await b.store.plan.update('customers', y!.id, edit(y!, { name: 'Changed by B' }));
    await a.store.plan.update('customers', z!.id, edit(z!, { name: 'Changed by A' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(loads(a.calls).length).toBe(loadsBefore + 1);
    const names = a.store.plan.collections.customers.plainList.slice(0, 3).map((c) => c.name);
    expect(names).toEqual([x!.name, 'Changed by B', 'Changed by A']);
  });

  it('shows a customer another window added, in its place, and drops one it deleted', async () => {
    const { a, b } = await twoWindows();
    const list = a.store.plan.collections.customers.plainList;
    const goals = a.store.plan.collections.goals.plainList;
    const gone = list.find((c) => !goals.some((g) => g.customerId === c.id))!;
    await b.store.plan.create('customers', { ...list[0]!, id: 'from-b', name: 'From B' }, 2);
    await b.store.plan.remove('customers', gone.id);
    await a.store.plan.load();
    const ids = a.store.plan.collections.customers.ids;
    expect(ids[2]).toBe('from-b');
    expect(ids).not.toContain(gone.id);
    expect(ids).toEqual(b.store.plan.collections.customers.ids);
    expect(a.store.customers.allRows.length).toBe(list.length);
  });
});

describe('a plan too large for a window', () => {
  it('says so in the user’s language with both numbers, after the host refused it', async () => {
    const details = { what: 'customers', count: 1_000_000, limit: 250_000 };
    const { store } = fakeHost(() => refusal('too_large', 'The plan has 1,000,000 customers; a window opens plans of up to 250,000.', details));
    await store.start();
    expect(store.plan.status).toBe('error');
    const en = loadErrorText(store.plan.loadError, createTranslator('en'));
    expect(en).toBe(createTranslator('en').t('app.tooLarge.customers', { count: 1_000_000, limit: 250_000 }));
    expect(en).toContain('1,000,000');
    expect(en).toContain('250,000');
    const zh = loadErrorText(store.plan.loadError, createTranslator('zh-CN'));
    expect(zh).toBe(createTranslator('zh-CN').t('app.tooLarge.customers', { count: 1_000_000, limit: 250_000 }));
    expect(zh).toMatch(/客户/);
  });

  it('names the megabytes of text when the customers’ notes are what is too large', async () => {
    const details = { what: 'text', count: 70 * 1024 * 1024, limit: 64 * 1024 * 1024 };
    const { store } = fakeHost(() => refusal('too_large', 'too much text', details));
    await store.start();
    expect(loadErrorText(store.plan.loadError, createTranslator('en'))).toBe(createTranslator('en').t('app.tooLarge.text', { size: 70, limit: 64 }));
    expect(loadErrorText(store.plan.loadError, createTranslator('zh-CN'))).toContain('70 MB');
  });
});
