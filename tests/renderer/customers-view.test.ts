// The Customers view store over a scripted host: the rows it derives, sort
// cycling, selection, keyboard movement, cell writes and refusals, bulk edit,
// delete and its undo — each checked by what it shows and what it sends.
import { autorun, runInAction } from 'mobx';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import type { Customer } from '../../shared/plan/types';
import { CustomersViewStore } from '../../renderer/stores/CustomersViewStore';
import { RootStore } from '../../renderer/stores/RootStore';
import { toRows } from '../../renderer/stores/customers/rows';
import { demoPlan, fakeHost, ok, snapshot, type Arg } from './harness';

const demo = demoPlan;

/** A host double that keeps a revision, answers writes like the real one, and can be told to refuse. */
function setup(refuse?: (method: string, arg: Arg) => ApiResult<never> | undefined) {
  let revision = 1;
  const { store, calls } = fakeHost((method, arg): ApiResult<unknown> => {
    const refusal = refuse?.(method, arg);
    if (refusal) return refusal;
    if (method === 'plan.load') return ok(snapshot(demo, revision, { path: '/p.salesplan', name: 'p' }));
    if (method === 'plan.batch') return ok({ revision: ++revision, value: null });
    if (method.endsWith('.update') || method.endsWith('.create')) return ok({ revision: ++revision, value: arg.value });
    if (method.endsWith('.delete')) return ok({ revision: ++revision, value: null });
    // Reads of other screens' stores (history state and the like): nothing to report.
    return { ok: false, error: { code: 'unknown_method', message: `not scripted: ${method}` } };
  });
  return { store, view: store.customers, calls };
}

const customer = (store: RootStore, id: string) => store.plan.collections.customers.plain(id)!;

describe('CustomersViewStore', () => {
  it('cycles a header sort ascending, descending, off, and starts again from the first row', async () => {
    const { store, view } = setup();
    await store.start();
    view.setActive({ key: 'wy-bank', column: 'tier' });
    view.toggleSort('potential');
    expect(view.sort).toEqual({ column: 'potential', desc: false });
    expect(view.active).toBeNull();
    const asc = view.items.map((i) => i.key);
    expect(asc).toEqual([...demo.customers].sort((a, b) => a.potential - b.potential).map((c) => c.id));
    view.toggleSort('potential');
    expect(view.items[0]!.key).toBe([...demo.customers].sort((a, b) => b.potential - a.potential)[0]!.id);
    view.toggleSort('potential');
    expect(view.sort).toBeNull();
    expect(view.items.map((i) => i.key)).toEqual(demo.customers.map((c) => c.id));
  });

  it('selects a range in the order shown, all filtered rows, and reports partial selection', async () => {
    const { store, view } = setup();
    await store.start();
    view.setFilter({ tiers: ['A'] });
    const shown = view.items.map((i) => i.key);
    view.toggleSelected(shown[1]!);
    view.selectRange(shown[4]!);
    expect([...view.selected].sort()).toEqual(shown.slice(1, 5).sort());
    expect(view.filteredSelection).toBe('some');
    view.selectAllFiltered();
    expect(view.selectedCount).toBe(demo.customers.filter((c) => c.tier === 'A').length);
    expect(view.filteredSelection).toBe('all');
    view.clearSelection();
    expect(view.filteredSelection).toBe('none');
  });

  it('moves the active cell with the keys and stays inside the grid', async () => {
    const { store, view } = setup();
    await store.start();
    view.moveActive(0, 0);
    expect(view.active).toEqual({ key: demo.customers[0]!.id, column: 'select' });
    view.moveActive(2, 4);
    expect(view.active).toEqual({ key: demo.customers[2]!.id, column: 'tier' });
    view.moveActive(-10, -10);
    expect(view.active).toEqual({ key: demo.customers[0]!.id, column: 'select' });
    view.moveActive(Infinity, Infinity);
    expect(view.active).toEqual({ key: demo.customers.at(-1)!.id, column: 'needs' });
  });

  it('edits a cell: the draft starts from the stored text or the typed key, and Enter sends the whole customer', async () => {
    const { store, view, calls } = setup();
    await store.start();
    view.setActive({ key: 'jn-bank', column: 'potential' });
    expect(view.startEdit()).toBe(true);
    expect(view.draft).toBe(String(customer(store, 'jn-bank').potential));
    view.cancelEdit();
    view.startEdit('7');
    view.setDraft('75,000,000');
    expect(await view.commitEdit()).toBeNull();
    const sent = calls.find((c) => c.method === 'customers.update')!.arg;
    expect(sent.id).toBe('jn-bank');
    expect(sent.value).toEqual({ ...demo.customers[0], potential: 75_000_000 });
    expect(customer(store, 'jn-bank').potential).toBe(75_000_000);
    expect(view.draft).toBeNull();
    // Read-only columns do not open an editor.
    view.setActive({ key: 'jn-bank', column: 'readiness' });
    expect(view.startEdit()).toBe(false);
  });

  it('a refused edit keeps the stored value and remembers the reason at the cell', async () => {
    const { store, view, calls } = setup((method) =>
      method === 'customers.update'
        ? { ok: false, error: { code: 'conflict', message: 'There is already a customer with id "hz-data"' } }
        : undefined,
    );
    await store.start();
    const outcome = await view.writes.writeCell('jn-bank', 'id', 'hz-data');
    expect(outcome).toBe('There is already a customer with id "hz-data"');
    expect(customer(store, 'jn-bank').id).toBe('jn-bank');
    expect(view.writes.refusalAt('jn-bank', 'id')?.message).toBe(outcome);
    expect(view.writes.lastRefusal).toMatchObject({ id: 'jn-bank', column: 'id' });

    // Not a number: refused here, nothing sent.
    const before = calls.length;
    const notNumber = await view.writes.writeCell('jn-bank', 'potential', 'lots');
    expect(notNumber).toBe('“lots” is not a number.');
    expect(calls.length).toBe(before);
    expect(customer(store, 'jn-bank').potential).toBe(demo.customers[0]!.potential);
  });

  it('bulk-edits the selected customers in one batch, leaving out those already so', async () => {
    const { store, view, calls } = setup();
    await store.start();
    const targets = demo.customers.filter((c) => c.tier === 'B').slice(0, 3);
    const already = demo.customers.find((c) => c.tier === 'A')!;
    for (const c of [...targets, already]) view.toggleSelected(c.id);
    expect(await view.writes.bulkEdit({ tier: 'A', owners: { FR: null } })).toBeNull();
    const batches = calls.filter((c) => c.method === 'plan.batch');
    expect(batches).toHaveLength(1);
    const edits = batches[0]!.arg.edits as { op: string; id: string; value: Customer }[];
    const changed = [...targets, already].filter((c) => c.tier !== 'A' || c.owners.FR !== null).map((c) => c.id);
    expect(edits.map((e) => e.id).sort()).toEqual(changed.sort());
    for (const e of edits) expect(e.value).toMatchObject({ tier: 'A', owners: { FR: null } });
    for (const c of targets) expect(customer(store, c.id).tier).toBe('A');
    // Applied from the batch itself: no second read of the whole plan.
    expect(calls.filter((c) => c.method === 'plan.load')).toHaveLength(1);
  });

  it('deletes the selection in one batch and offers Undo, which takes back exactly that delete', async () => {
    const picked = [demo.customers[1]!, demo.customers[7]!, demo.customers[30]!];
    let deletedAt = -1;
    // The host's history: the newest edit is our delete, until something else is done.
    const { store, view, calls } = setup((method, arg) => {
      if (method === 'plan.batch' && arg.edits[0].op === 'delete') deletedAt = calls.length - 1;
      if (method !== 'history.state') return undefined;
      const entities = picked.map((c) => ({ kind: 'customers', op: 'delete', id: c.id, before: c, after: null }));
      const undo = { id: 9, revision: 2, at: '', actor: 'me', method: 'plan.batch', summary: '', type: 'edit', undoOf: null, undone: false, entities, entityCount: 3, tally: [{ kind: 'customers', op: 'delete', count: 3 }] };
      return { ok: true, value: { canUndo: true, canRedo: false, undoLabel: null, redoLabel: null, undo, redo: null } } as never;
    });
    await store.start();
    for (const c of picked) view.toggleSelected(c.id);
    expect(await view.writes.deleteSelected()).toBeNull();
    expect(calls[deletedAt]!.arg.edits).toEqual(picked.map((c) => ({ kind: 'customers', op: 'delete', id: c.id })));
    expect(store.plan.collections.customers.size).toBe(demo.customers.length - 3);
    expect(view.selectedCount).toBe(0);
    const toast = store.ui.toasts.at(-1)!;
    expect(toast.text).toBe('Deleted 3 customers');
    expect(toast.action?.label).toBe('Undo');

    toast.action!.run();
    await new Promise((r) => setTimeout(r, 10));
    // The global undo, pinned to the delete's revision so it cannot take back a later edit.
    expect(calls.find((c) => c.method === 'history.undo')?.arg).toEqual({ revision: 2 });
  });

  it('without the global history, undo re-creates the deleted rows where they stood, in one batch', async () => {
    const { store, calls } = setup();
    await store.start();
    const view = new CustomersViewStore(store.plan, store.ui);
    const picked = [demo.customers[1]!, demo.customers[7]!, demo.customers[30]!];
    for (const c of picked) view.toggleSelected(c.id);
    await view.writes.deleteSelected();
    expect(store.plan.collections.customers.size).toBe(demo.customers.length - 3);
    expect(await view.writes.undoDelete(picked.map((customer, i) => ({ customer, index: [1, 7, 30][i]! })))).toBeNull();
    const restore = calls.filter((c) => c.method === 'plan.batch').at(-1)!.arg.edits;
    expect(restore).toEqual([
      { kind: 'customers', op: 'create', value: picked[0], index: 1 },
      { kind: 'customers', op: 'create', value: picked[1], index: 7 },
      { kind: 'customers', op: 'create', value: picked[2], index: 30 },
    ]);
    expect(store.plan.collections.customers.ids).toEqual(demo.customers.map((c) => c.id));
  });

  it('groups by tier with counts that follow an edit of one customer', async () => {
    const { store, view } = setup();
    await store.start();
    view.setGroupBy('tier');
    const count = (tier: string) => view.items.find((i) => i.key === `group:${tier}`) as { count: number } | undefined;
    const s = demo.customers.filter((c) => c.tier === 'S').length;
    expect(count('S')!.count).toBe(s);
    const first = demo.customers.find((c) => c.tier === 'C')!;
    await view.writes.writeCell(first.id, 'tier', 'S');
    expect(count('S')!.count).toBe(s + 1);
  });

  it('after edits, additions, deletions, sorting and regrouping derives the rows, items and item index a fresh derivation gives', async () => {
    const { store, view } = setup();
    await store.start();
    const customers = store.plan.collections.customers;
    // Observed, as the grid observes them: each derivation starts from the last one.
    const stop = autorun(() => void view.itemIndex);
    const check = () => {
      const fresh = toRows(customers.plainList);
      expect(view.allRows).toHaveLength(fresh.length);
      view.allRows.forEach((row, i) => expect(row).toBe(fresh[i]));
      expect(view.allRows.map((r) => r.customer)).toEqual(customers.ids.map((id) => customers.plain(id)));
      if (view.groupBy === 'none') view.items.forEach((item, i) => expect(item.kind === 'customer' && item.row).toBe(view.sorted[i]));
      expect(view.itemIndex.size).toBe(view.items.length);
      view.items.forEach((item, i) => expect(view.itemIndex.get(item.key)).toBe(i));
    };
    const ids = demo.customers.map((c) => c.id);
    const edit = (id: string, patch: Partial<Customer>) => runInAction(() => customers.upsert({ ...customer(store, id), ...patch }));
    check();
    edit(ids[3]!, { potential: 123_456 });
    check();
    edit(ids[5]!, { tier: 'S', name: 'Renamed' });
    check();
    view.toggleSort('potential');
    check();
    edit(ids[4]!, { potential: 1 });
    check();
    view.setSort(null);
    view.setGroupBy('tier');
    edit(ids[7]!, { tier: 'C' });
    check();
    view.setGroupBy('none');
    check();
    runInAction(() => customers.remove(ids[2]!));
    check();
    runInAction(() => customers.upsert({ ...customer(store, ids[0]!), id: 'new-one', name: 'New one' }, 1));
    check();
    edit('new-one', { potential: 1 });
    check();
    stop();
  });
});
