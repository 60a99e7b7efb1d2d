// The HistoryStore over the real services (a PlannerApp on a temporary data
// folder as the transport): labels worded in both languages from what an
// edit touched, undo/redo reaching the plan store, the notices, old → new
// per field formatted as the screens show values, and the Customers screen's
// "Undo" of a delete going through the global undo.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { realHost } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function start(lang: 'en' | 'zh-CN' = 'en') {
  const dataDir = mkdtempSync(join(tmpdir(), 'history-store-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const { store } = realHost(app, { events: true });
  store.ui.setLang(lang);
  await store.start();
  await store.history.refreshState();
  return { app, store, jn: store.plan.collections.customers.plain('jn-bank')! };
}

describe('HistoryStore', () => {
  it('words the undo label from the edit, in English and in Chinese', async () => {
    const { store, jn } = await start();
    expect(store.history.undoText).toBeNull();
    await store.plan.update('customers', jn.id, { ...jn, tier: 'A' });
    await store.history.refreshState();
    expect(store.history.undoText).toBe(`Undo: Changed tier of customer “${jn.name}”`);
    store.ui.setLang('zh-CN');
    expect(store.history.undoText).toBe(`撤销：修改客户“${jn.name}”的分级`);
  });

  it('undo and redo reach the plan store, with a notice offering the way back', async () => {
    const { store, jn } = await start();
    await store.plan.update('customers', jn.id, { ...jn, tier: 'C', potential: jn.potential + 5_000_000 });
    await store.history.undo();
    expect(store.plan.collections.customers.plain(jn.id)).toEqual(jn);
    const notice = store.ui.toasts.at(-1)!;
    expect(notice.text).toBe(`Undone: Changed tier and potential of customer “${jn.name}”`);
    expect(notice.action?.label).toBe('Redo');
    expect(store.history.state.canRedo).toBe(true);
    notice.action!.run();
    await new Promise((r) => setTimeout(r, 50));
    while (store.history.busy) await new Promise((r) => setTimeout(r, 10));
    expect(store.plan.collections.customers.plain(jn.id)?.tier).toBe('C');
    expect(store.ui.toasts.at(-1)!.text).toMatch(/^Redone: /);
    // The notice of the undo made way for the redo's: one at a time.
    expect(store.ui.toasts.filter((t) => /^(Undone|Redone): /.test(t.text))).toHaveLength(1);
  });

  it('with nothing to undo, says so quietly instead of raising an error', async () => {
    const { store } = await start();
    await store.history.undo();
    expect(store.ui.errors).toEqual([]);
    expect(store.ui.toasts.at(-1)?.text).toBe('Nothing to undo');
  });

  it('shows old → new per field as the screens show values', async () => {
    const { store, jn } = await start();
    const person = store.plan.collections.people.plainList.find((p) => p.id !== jn.owners.AR)!;
    await store.plan.update('customers', jn.id, {
      ...jn,
      potential: 65_000_000,
      tier: 'A',
      owners: { ...jn.owners, AR: person.id },
      relationship: { ...jn.relationship, key: 4 },
    });
    store.history.watch()();
    await store.history.reload();
    const [row] = store.history.rows;
    // Fields in plan-format order; past three, a count.
    expect(row!.what).toBe(`Changed tier, relationship layers, potential and 1 more of customer “${jn.name}”`);
    const { entities } = store.history.details(row!.entry);
    const table = entities[0]!.changes.map((c) => [c.label, c.before, c.after]);
    const arName = store.plan.collections.people.get(jn.owners.AR!)!.name;
    expect(table).toEqual([
      ['tier', 'S strategic', 'A core'],
      ['relationship layers › Key relationship', '2', '4'],
      ['potential', 'CN¥60,000,000', 'CN¥65,000,000'],
      ['iron triangle › AR', arName, person.name],
    ]);
    expect(entities[0]!.title).toBe(`Customer “${jn.name}”`);

    store.ui.setLang('zh-CN');
    const zh = store.history.details(store.history.rows[0]!.entry).entities[0]!.changes;
    expect(zh[0]).toMatchObject({ label: '分级', before: 'S 战略', after: 'A 核心' });
    expect(zh[1]).toMatchObject({ label: '客户关系层次 › 关键客户关系', before: '2', after: '4' });
    expect(zh[2]).toMatchObject({ label: '潜在规模', before: '¥60,000,000', after: '¥65,000,000' });
  });

  it('puts deleted customers back through the global undo, only while the delete is the newest edit', async () => {
    const { store } = await start();
    const customers = store.customers;
    const ids = store.plan.collections.customers.ids.slice(20, 23);
    const before = store.plan.collections.customers.plainList;
    // Rows no goal refers to, so the delete is allowed.
    const free = ids.filter((id) => !store.plan.collections.goals.list.some((g) => g.customerId === id));
    expect(free.length).toBeGreaterThan(0);
    for (const id of free) customers.toggleSelected(id);
    expect(await customers.writes.deleteSelected()).toBeNull();
    expect(store.plan.collections.customers.size).toBe(before.length - free.length);
    const removed = before.flatMap((c, index) => (free.includes(c.id) ? [{ customer: c, index }] : []));
    // What the notice's Undo button runs.
    expect(await customers.writes.undoDelete(removed)).toBeNull();
    expect(store.plan.collections.customers.plainList).toEqual(before);
    expect(store.history.state.canRedo).toBe(true);
    store.history.watch()();
    await store.history.reload();
    expect(store.history.rows.slice(0, 2).map((r) => [r.what, r.entry.undone])).toEqual([
      [`Undo: ${free.length} customers deleted`, false],
      [`${free.length} customers deleted`, true],
    ]);

    await store.history.redo();
    const jn = store.plan.collections.customers.plain('jn-bank')!;
    await store.plan.update('customers', jn.id, { ...jn, tier: 'C' });
    const refusal = await customers.writes.undoDelete(removed);
    expect(refusal).toMatch(/other edits were made since/);
    expect(store.plan.collections.customers.plain('jn-bank')?.tier).toBe('C');
  });
});
