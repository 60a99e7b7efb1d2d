// The open plan read once per revision (electron/services/plan-cache.ts):
// reused while nothing changed, read again after an edit, an undo, a write the
// session did not make, another connection's write while the session had the
// file closed, and a file switch; handed out frozen (under the tests), so a
// caller that changed it would fail here.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan/types';
import type { ExpectedResult } from '../../shared/simulation/types';
import { commitEdits } from '../../electron/services/edits/commit';
import { handlers } from '../../electron/services/handlers';
import { planOf } from '../../electron/services/plan-cache';
import { readPlan } from '../../electron/store';
import { PlannerSession } from '../../electron/services/session';
import { harness, smallPlan } from './store-helpers';

const leadsOf = (r: ExpectedResult) => r.phases.reduce((sum, p) => sum + p.totals.leads.mean, 0);

/** The plan's one segment with its lead volumes ×`factor`. */
function scaledLeads(plan: Plan, factor: number) {
  const seg = plan.segments[0]!;
  // The small plan's volumes are plain numbers.
  return { ...seg, leads: seg.leads.map((l) => ({ ...l, perMonth: (l.perMonth as number) * factor })) };
}

describe('the plan kept per revision', () => {
  it('is the same object while nothing changed, and frozen', async () => {
    const h = await harness();
    const first = await h.plan();
    await h.call('simulation.expected', {});
    const second = await h.plan();
    expect(second.plan).toBe(first.plan);
    expect(planOf(h.session.requireFile()).plan).toBe(first.plan);
    expect(Object.isFrozen(first.plan.customers[0]!.relationship)).toBe(true);
    expect(() => {
      (first.plan.customers[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });

  it('is read again after an edit and after its undo: the what-if follows both', async () => {
    const h = await harness();
    const before = leadsOf(await h.call('simulation.expected', {}));
    const { plan } = await h.plan();
    await h.call('plan.batch', { edits: [{ kind: 'segments', op: 'update', id: 'fin', value: scaledLeads(plan, 2) }] });
    expect(leadsOf(await h.call('simulation.expected', {}))).toBeCloseTo(before * 2, 6);
    expect((await h.plan()).plan.segments[0]!.leads[0]!.perMonth).toBe(10);
    await h.call('history.undo', {});
    expect(leadsOf(await h.call('simulation.expected', {}))).toBeCloseTo(before, 6);
    expect((await h.plan()).plan).toStrictEqual(plan);
  });

  it('after customers changed in place reads only them again, and equals a whole read; undo too', async () => {
    const h = await harness();
    const { plan } = await h.plan();
    const [c1, c2] = plan.customers;
    const renamed = { ...c1!, name: 'City Bank (renamed)', relationshipPlan: { p2: { key: 3, broad: 2, organizational: 1 }, p1: { key: 2, broad: 2, organizational: 1 } } };
    await h.call('plan.batch', { edits: [{ kind: 'customers', op: 'update', id: 'c1', value: renamed }] });
    const after = (await h.plan()).plan;
    expect(after.customers[1]).toBe(c2); // shared with the kept plan: not read again
    expect(after.goals).toStrictEqual(plan.goals);
    expect(after.customers[0]).toStrictEqual(renamed);
    expect(JSON.stringify(after)).toBe(JSON.stringify(readPlan(h.db())));
    await h.call('history.undo', {});
    const undone = (await h.plan()).plan;
    expect(undone.customers[1]).toBe(c2);
    expect(JSON.stringify(undone)).toBe(JSON.stringify(plan));
  });

  it('after an edit elsewhere keeps the customers and reads the rest', async () => {
    const h = await harness();
    const { plan } = await h.plan();
    await h.call('plan.updateSettings', { patch: { name: 'Renamed plan' } });
    await h.call('plan.batch', { edits: [{ kind: 'segments', op: 'update', id: 'fin', value: scaledLeads(plan, 2) }] });
    const after = (await h.plan()).plan;
    expect(after.customers[0]).toBe(plan.customers[0]);
    expect(after.plan.name).toBe('Renamed plan');
    expect(after.segments[0]!.leads[0]!.perMonth).toBe(10);
    expect(JSON.stringify(after)).toBe(JSON.stringify(readPlan(h.db())));
  });

  it('after an id rename, or a customer created, sees the references that followed and keeps the customers untouched', async () => {
    const h = await harness();
    const { plan } = await h.plan();
    await h.call('plan.batch', { edits: [{ kind: 'customers', op: 'update', id: 'c1', value: { ...plan.customers[0]!, id: 'c1-new' } }] });
    expect((await h.plan()).plan.goals[0]!.customerId).toBe('c1-new');
    await h.call('plan.batch', { edits: [{ kind: 'segments', op: 'update', id: 'fin', value: { ...plan.segments[0]!, id: 'banks' } }] });
    expect((await h.plan()).plan.customers.map((c) => c.segmentId)).toEqual(['banks', 'banks']);
    const kept = (await h.plan()).plan;
    await h.call('plan.batch', { edits: [{ kind: 'customers', op: 'create', index: 0, value: { ...plan.customers[1]!, id: 'c0', segmentId: 'banks' } }] });
    const after = (await h.plan()).plan;
    expect(after.customers.map((c) => c.id)).toEqual(['c0', 'c1-new', 'c2']);
    expect(after.customers[1]).toBe(kept.customers[0]); // moved one place on, not read again
    expect(JSON.stringify(after)).toBe(JSON.stringify(readPlan(h.db())));
  });

  it('is not changed by a refused edit', async () => {
    const h = await harness();
    const { plan, revision } = await h.plan();
    await h.fail('plan.batch', { edits: [{ kind: 'segments', op: 'update', id: 'fin', value: { ...scaledLeads(plan, 2), funnelId: 'nope' } }] });
    const after = await h.plan();
    expect(after.revision).toBe(revision);
    expect(after.plan).toBe(plan);
  });

  it('follows the revision in the file, not the session: a write the session did not make is seen', async () => {
    const h = await harness();
    const file = h.session.requireFile();
    const before = leadsOf(await h.call('simulation.expected', {}));
    const { plan } = await h.plan();
    // Straight through the store, as another writer of this file would: no session event.
    commitEdits(file, [{ kind: 'segments', op: 'update', id: 'fin', value: scaledLeads(plan, 3) }], { actor: 'other', method: 'plan.batch' });
    expect(h.events).toEqual([]);
    expect(leadsOf(await h.call('simulation.expected', {}))).toBeCloseTo(before * 3, 6);
    expect(JSON.parse((await h.call('file.exportJson', {})).json).segments[0].leads[0].perMonth).toBe(15);
  });

  it('sees what another connection (the CLI) wrote while the file was closed here', async () => {
    const h = await harness();
    const before = leadsOf(await h.call('simulation.expected', {}));
    const { plan } = await h.plan();
    h.session.closeFile();

    const cli = new PlannerSession({ lang: 'en', actor: 'cli', appVersion: 'test' });
    try {
      cli.open(h.path);
      await handlers['plan.batch']({ edits: [{ kind: 'segments', op: 'update', id: 'fin', value: scaledLeads(plan, 4) }] }, cli);
    } finally {
      cli.close();
    }

    await h.call('file.open', { path: h.path });
    expect(leadsOf(await h.call('simulation.expected', {}))).toBeCloseTo(before * 4, 6);
  });

  it('belongs to the open file: switching files and back reads each one', async () => {
    const h = await harness();
    const mine = (await h.plan()).plan;
    const other = { ...smallPlan(), plan: { ...smallPlan().plan, name: 'The other plan' } };
    const otherPath = `${h.path}.other.salesplan`;
    await h.call('file.importJson', { json: JSON.stringify(other), path: otherPath });
    expect((await h.plan()).plan.plan.name).toBe('The other plan');
    await h.call('file.open', { path: h.path });
    const again = (await h.plan()).plan;
    expect(again).not.toBe(mine);
    expect(again).toStrictEqual(mine);
  });
});
