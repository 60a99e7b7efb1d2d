// EntityCollection's plain values after any sequence of changes: plainList
// (which patches its last list when only a few entities changed, and looks
// every id up otherwise) always lists what the collection holds, in its order,
// and an unchanged entity keeps its plain object.
import { autorun, runInAction } from 'mobx';
import { describe, expect, it } from 'vitest';
import { EntityCollection } from '../../renderer/stores/EntityCollection';
import { seeded } from '../node/proofs/rng';

interface Item {
  id: string;
  v: number;
}

describe('EntityCollection.plainList', () => {
  it('after many random changes, lists what the collection holds in its order, keeping unchanged objects', () => {
    const rand = seeded(7);
    const c = new EntityCollection<Item>();
    c.replaceAll(Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, v: i })));
    // Observed, as the Customers screen observes it: the computed list is kept between changes.
    let observed: Item[] = [];
    const stop = autorun(() => (observed = c.plainList));
    let next = 200;
    for (let step = 0; step < 500; step++) {
      const before = new Map(c.plainList.map((x) => [x.id, x]));
      const pick = () => c.ids[Math.floor(rand() * c.ids.length)]!;
      const u = rand();
      if (u < 0.5) c.upsert({ id: pick(), v: Math.floor(rand() * 1000) });
      else if (u < 0.6) c.upsert({ ...c.plain(pick())! }); // unchanged
      else if (u < 0.7) c.upsert({ id: `e${next++}`, v: 0 }, Math.floor(rand() * c.ids.length));
      else if (u < 0.75) c.remove(pick());
      else if (u < 0.8) c.appendMany([{ id: `e${next++}`, v: 1 }, { id: pick(), v: -1 }]);
      else if (u < 0.85) c.setOrder([...c.ids].reverse());
      else if (u < 0.95) {
        // Many changes at once (more than plainList patches), the id order kept.
        const many = c.ids.map((id) => (rand() < 0.5 ? { id, v: Math.floor(rand() * 1000) } : c.plain(id)!));
        c.replaceAll(many);
      } else
        runInAction(() => {
          // A few in one action: the list is not read in between.
          for (let k = 0; k < 3; k++) c.upsert({ id: pick(), v: step * 10 + k });
        });
      const list = c.plainList;
      expect(list.map((x) => x.id)).toEqual(c.ids);
      list.forEach((x) => expect(x).toBe(c.plain(x.id)));
      for (const x of list) if (before.get(x.id) && before.get(x.id)!.v === x.v) expect(x).toBe(before.get(x.id));
      expect(observed).toBe(list);
    }
    stop();
  });
});
