// Create, update, delete and reorder on every collection, through the
// dispatcher: the plan changes as asked, the revision goes up by one, a
// plan-changed event is sent, and the change is recorded so it can be undone.
import { describe, expect, it } from 'vitest';
import { COLLECTION_KINDS, type CollectionKind, type EntityOf } from '../../shared/api/contract';
import { harness } from './store-helpers';

type Sample<K extends CollectionKind> = { created: EntityOf<K>; changed: (e: EntityOf<K>) => EntityOf<K> };
const SAMPLES: { [K in CollectionKind]: Sample<K> } = {
  phases: {
    created: { id: 'p3', name: 'Expansion', stage: 'expansion', start: '2028-01', end: '2028-12', intent: 'Scale out', focusSegmentIds: [], exitChecks: [] },
    changed: (p) => ({ ...p, name: 'Scale', exitCriteria: ['ten customers'] }),
  },
  funnels: {
    created: {
      id: 'mtc', name: 'MTC', process: 'mtc', stages: [{ key: 'visit', name: 'Store visit', conversion: 0.2, days: 3 }],
      dealSize: 5000, deliveryDays: 1, payments: [{ share: 1, days: 0 }],
    },
    changed: (f) => ({ ...f, stages: [...f.stages, { key: 'buy', name: 'Purchase', conversion: { min: 0.1, mode: 0.2, max: 0.3 }, days: 1 }] }),
  },
  segments: {
    created: { id: 'gov', name: 'Government', funnelId: 'ltc', leads: [] },
    changed: (s) => ({ ...s, leads: [{ phaseId: 'p1', perMonth: { min: 1, mode: 2, max: 4 } }] }),
  },
  people: { created: { id: 'li', name: 'Li Na', role: 'FR' }, changed: (p) => ({ ...p, role: 'other' }) },
  customers: {
    created: {
      id: 'c3', name: 'Provincial Bank', segmentId: 'fin', tier: 'A', relationship: { key: 2, broad: 1, organizational: 1 },
      potential: 300, owners: { AR: 'wang', SR: null, FR: null }, status: 'target',
    },
    changed: (c) => ({ ...c, tier: 'S', factors: { productValue: 5 }, firstDeal: { min: 10, mode: 20, max: 30 } }),
  },
  goals: {
    created: { id: 'g2', phaseId: 'p2', customerId: 'c2', title: 'Relationship level 3', metric: 'relationshipLevel', target: 3, due: '2027-12', ownerId: null, status: 'notStarted' },
    changed: (g) => ({ ...g, ownerId: 'zhao', target: 4 }),
  },
  targets: {
    created: { id: 't2', phaseId: 'p2', metric: 'revenue', value: 900, ownerId: null },
    changed: (t) => ({ ...t, value: 1200 }),
  },
  scenarios: {
    created: { id: 'high', name: 'Optimistic', adjust: { leads: 1.2 } },
    changed: (s) => ({ ...s, adjust: { ...s.adjust, stages: [{ funnelId: 'ltc', stageKey: 'lead', conversion: 1.1 }] } }),
  },
  decisions: {
    created: { id: 'd1', at: '2027-03-14T10:05:00+08:00', text: 'Move two SRs to banking', phaseId: 'p2' },
    changed: (d) => ({ ...d, byId: 'wang', text: 'Move two SRs to banking in phase 2' }),
  },
};

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe.each(COLLECTION_KINDS)('%s', (kind) => {
  const sample = SAMPLES[kind] as Sample<CollectionKind>;

  it('create appends, bumps the revision, sends plan-changed and records the change', async () => {
    const h = await harness();
    const before = (await h.plan()).plan[kind] as { id: string }[];
    const res = await h.call(`${kind}.create`, { value: sample.created } as never);
    expect(res).toEqual({ revision: 1, value: sample.created });
    const after = await h.plan();
    expect(after.revision).toBe(1);
    expect(after.plan[kind]).toEqual([...before, sample.created]);
    expect(h.events).toEqual([{ type: 'plan-changed', revision: 1, path: h.path }]);
    const [change] = h.changes();
    expect(change).toMatchObject({ revision: 1, actor: 'tester', method: `${kind}.create`, summary: expect.stringMatching(/^Added /) });
    expect(change!.items).toEqual([
      { kind, op: 'create', entityId: sample.created.id, prevId: before.at(-1)?.id ?? null, before: null, after: sample.created },
    ]);
  });

  it('create at an index puts it there; an index past the end appends', async () => {
    const h = await harness();
    const before = ids((await h.plan()).plan[kind] as { id: string }[]);
    await h.call(`${kind}.create`, { value: sample.created, index: 0 } as never);
    expect(ids((await h.plan()).plan[kind] as { id: string }[])).toEqual([sample.created.id, ...before]);
    expect(h.changes()[0]!.items[0]!.prevId).toBeNull();
    await h.call(`${kind}.delete`, { id: sample.created.id });
    await h.call(`${kind}.create`, { value: sample.created, index: 999 } as never);
    expect(ids((await h.plan()).plan[kind] as { id: string }[])).toEqual([...before, sample.created.id]);
  });

  it('update replaces the entity and records before and after', async () => {
    const h = await harness();
    await h.call(`${kind}.create`, { value: sample.created } as never);
    const changed = sample.changed(sample.created);
    const res = await h.call(`${kind}.update`, { id: sample.created.id, value: changed } as never);
    expect(res).toEqual({ revision: 2, value: changed });
    const list = (await h.plan()).plan[kind] as { id: string }[];
    expect(list.at(-1)).toStrictEqual(changed);
    expect(h.changes()[0]!.items).toEqual([{ kind, op: 'update', entityId: sample.created.id, prevId: null, before: sample.created, after: changed }]);
  });

  it('an update that changes nothing records nothing', async () => {
    const h = await harness();
    await h.call(`${kind}.create`, { value: sample.created } as never);
    expect(await h.call(`${kind}.update`, { id: sample.created.id, value: sample.created } as never)).toMatchObject({ revision: 1 });
    expect(h.changes()).toHaveLength(1);
    expect(h.events).toHaveLength(1);
  });

  it('delete removes it (keeping the rest in order) and records where it was', async () => {
    const h = await harness();
    const before = ids((await h.plan()).plan[kind] as { id: string }[]);
    await h.call(`${kind}.create`, { value: sample.created, index: 1 } as never);
    expect(await h.call(`${kind}.delete`, { id: sample.created.id })).toEqual({ revision: 2, value: null });
    expect(ids((await h.plan()).plan[kind] as { id: string }[])).toEqual(before);
    expect(h.changes()[0]!.items).toEqual([
      { kind, op: 'delete', entityId: sample.created.id, prevId: before[0] ?? null, before: sample.created, after: null },
    ]);
    // Positions stay dense: the next create at index 1 lands at index 1.
    await h.call(`${kind}.create`, { value: sample.created, index: 1 } as never);
    expect(ids((await h.plan()).plan[kind] as { id: string }[]).indexOf(sample.created.id)).toBe(Math.min(1, before.length));
  });

  it('reorder sets the order; a list that is not the collection is refused', async () => {
    const h = await harness();
    await h.call(`${kind}.create`, { value: sample.created } as never);
    const order = ids((await h.plan()).plan[kind] as { id: string }[]);
    const reversed = [...order].reverse();
    expect(await h.call(`${kind}.reorder`, { ids: reversed })).toEqual({ revision: 2, value: null });
    expect(ids((await h.plan()).plan[kind] as { id: string }[])).toEqual(reversed);
    expect(h.changes()[0]!.items).toEqual([{ kind, op: 'reorder', entityId: null, prevId: null, before: order, after: reversed }]);

    const missing = await h.fail(`${kind}.reorder`, { ids: reversed.slice(1) });
    expect(missing).toMatchObject({ code: 'conflict', message: expect.stringContaining(`missing "${reversed[0]}"`) });
    const twice = await h.fail(`${kind}.reorder`, { ids: [...reversed, reversed[0]] });
    expect(twice.message).toContain('some listed twice');
    const unknown = await h.fail(`${kind}.reorder`, { ids: [...reversed.slice(1), 'zzz'] });
    expect(unknown.message).toContain('unknown "zzz"');
    expect(ids((await h.plan()).plan[kind] as { id: string }[])).toEqual(reversed);
    expect((await h.plan()).revision).toBe(2);
  });

  it('update and delete of an id that does not exist: not_found', async () => {
    const h = await harness();
    expect(await h.fail(`${kind}.update`, { id: 'ghost', value: sample.created })).toMatchObject({ code: 'not_found', details: { kind, id: 'ghost' } });
    expect(await h.fail(`${kind}.delete`, { id: 'ghost' })).toMatchObject({ code: 'not_found' });
    expect(h.changes()).toEqual([]);
  });

  it('create with an id already taken: conflict, nothing written', async () => {
    const h = await harness();
    await h.call(`${kind}.create`, { value: sample.created } as never);
    const snapshot = await h.plan();
    const err = await h.fail(`${kind}.create`, { value: sample.changed(sample.created) });
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringContaining(`id "${sample.created.id}"`) });
    expect(err.details).toMatchObject({ issues: [{ message: `duplicate id "${sample.created.id}"` }] });
    expect(await h.plan()).toEqual(snapshot);
  });
});

describe('plan settings', () => {
  it('updateSettings merges the patch, records the change and returns the settings', async () => {
    const h = await harness();
    const res = await h.call('plan.updateSettings', { patch: { name: 'Renamed', description: 'Now with text', trials: 5000 } });
    expect(res).toEqual({
      revision: 1,
      value: { name: 'Renamed', description: 'Now with text', currency: 'CNY', startMonth: '2027-01', horizonMonths: 24, seed: 7, trials: 5000 },
    });
    expect((await h.plan()).plan.plan).toEqual(res.value);
    expect(h.changes()[0]).toMatchObject({ summary: 'Changed the plan settings', items: [{ kind: 'plan', op: 'update', after: res.value }] });
  });
});
