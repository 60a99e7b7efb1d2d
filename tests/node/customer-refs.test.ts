// What customers refer to, read from the schema (electron/store/customer-refs.ts),
// and what customerChanges makes of edits elsewhere: on the real schema an id
// renamed in segments, people or phases reaches the customers that refer to
// the new id, and a delete there changes no customer; a schema whose
// reference would set customers' fields to NULL makes such a delete unknown
// (the readers then read the whole plan).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { customerChanges } from '../../electron/store';
import { customerRefs } from '../../electron/store/customer-refs';
import { demoJson, harness } from './store-helpers';

describe('customer references', () => {
  it('on the real schema: renames in segments, people and phases followable, no delete unknown', async () => {
    const h = await harness(demoJson());
    const refs = customerRefs(h.db());
    expect([...refs.byTable.keys()].sort()).toEqual(['people', 'phases', 'segments']);
    expect([...refs.deleteUnknown, ...refs.renameUnknown]).toEqual([]);
    const plan = (await h.plan()).plan;
    const segment = plan.segments[0]!;
    await h.call('segments.update', { id: segment.id, value: { ...segment, id: 'banks' } });
    const changes = customerChanges(h.db(), [
      { kind: 'segments', op: 'update', entityId: segment.id, afterId: 'banks' },
      { kind: 'people', op: 'delete', entityId: 'someone', afterId: null },
    ]);
    const reached = plan.customers.filter((c) => c.segmentId === segment.id).map((c) => c.id);
    expect(reached.length).toBeGreaterThan(0);
    expect(changes).toEqual({ ids: new Set(reached), reordered: false, moved: false });
  });

  it('a reference that would set customers to NULL on delete makes deletes there unknown', () => {
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE segments (id TEXT PRIMARY KEY);
      CREATE TABLE customers (id TEXT PRIMARY KEY, segment_id TEXT REFERENCES segments(id) ON UPDATE CASCADE ON DELETE SET NULL);
      CREATE TABLE customer_relationship_plan (customer_id TEXT REFERENCES customers(id) ON DELETE CASCADE, phase_id TEXT);`);
    expect([...customerRefs(db).deleteUnknown]).toEqual(['segments']);
    expect(customerChanges(db, [{ kind: 'segments', op: 'delete', entityId: 's1', afterId: null }])).toBeNull();
    expect(customerChanges(db, [{ kind: 'customers', op: 'delete', entityId: 'c1', afterId: null }])).toEqual({
      ids: new Set(['c1']),
      reordered: false,
      moved: true,
    });
    db.close();
  });
});
