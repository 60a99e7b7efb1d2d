// The readiness × potential chart's points after edits: the changed
// customer's point moves (to another tier's series when its tier changed),
// nothing else does, and whatever sequence of edits came before, the chart
// holds what a chart drawn afresh from the same customers holds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIERS, type Customer, type Plan, type Tier } from '../../shared/plan/types';
import { readiness } from '../../shared/simulation';
import { toRows } from '../../renderer/stores/customers/rows';
import { ScatterPoints } from '../../renderer/views/customers/charts/scatterPoints';

const demo = JSON.parse(readFileSync(new URL('../../resources/demo/demo.en.plan.json', import.meta.url), 'utf8')) as Plan;

/** Each tier's points as "id x y", sorted: what the chart shows, whatever the order inside a series. */
function shown(points: ScatterPoints): Record<Tier, string[]> {
  const out = {} as Record<Tier, string[]>;
  for (const tier of TIERS) {
    const xy = points.data(tier);
    const list: string[] = [];
    for (let i = 0; i < xy.length / 2; i++) list.push(`${points.rowAt(tier, i)!.id} ${xy[2 * i]} ${xy[2 * i + 1]}`);
    out[tier] = list.sort();
  }
  return out;
}

function fresh(customers: readonly Customer[]): ScatterPoints {
  const p = new ScatterPoints();
  p.sync(toRows(customers));
  return p;
}

/** The customers with customer `i` replaced (a new plain object, as the store makes on a change). */
function edited(customers: readonly Customer[], i: number, patch: Partial<Customer>): Customer[] {
  const next = [...customers];
  next[i] = { ...customers[i]!, ...patch };
  return next;
}

describe('ScatterPoints', () => {
  it('puts every customer in its tier with its readiness and potential', () => {
    const points = fresh(demo.customers);
    const expected = Object.fromEntries(
      TIERS.map((t) => [t, demo.customers.filter((c) => c.tier === t).map((c) => `${c.id} ${readiness(c)} ${c.potential}`).sort()]),
    );
    expect(shown(points)).toEqual(expected);
    expect(points.count).toBe(demo.customers.length);
    expect(points.log).toBe(true);
  });

  it('moves only the edited point after a potential edit, without a rebuild', () => {
    const points = fresh(demo.customers);
    const layout = points.layout;
    const c = demo.customers[3]!;
    const before = shown(points);
    points.sync(toRows(edited(demo.customers, 3, { potential: 123_456 })));
    expect(points.layout).toBe(layout);
    expect(points.takeChanged()).toEqual([c.tier]);
    expect(points.takeChanged()).toEqual([]);
    const after = shown(points);
    for (const tier of TIERS) if (tier !== c.tier) expect(after[tier]).toEqual(before[tier]);
    expect(after[c.tier]).toContain(`${c.id} ${readiness(c)} 123456`);
    expect(after[c.tier]).not.toContain(`${c.id} ${readiness(c)} ${c.potential}`);
    expect(after[c.tier]).toHaveLength(before[c.tier].length);
  });

  it('moves a point to the new tier’s series when the tier changes', () => {
    const points = fresh(demo.customers);
    const i = demo.customers.findIndex((c) => c.tier === 'A');
    const c = demo.customers[i]!;
    const next = edited(demo.customers, i, { tier: 'S' });
    points.sync(toRows(next));
    expect(points.takeChanged()).toEqual(['S', 'A']);
    expect(shown(points)).toEqual(shown(fresh(next)));
    expect(shown(points).S).toContain(`${c.id} ${readiness(c)} ${c.potential}`);
  });

  it('follows a readiness change (relationship layers) and a rename, which changes no point', () => {
    const points = fresh(demo.customers);
    const c = demo.customers[0]!;
    const stronger = edited(demo.customers, 0, { relationship: { ...c.relationship, key: c.relationship.key === 4 ? 0 : 4 } });
    points.sync(toRows(stronger));
    expect(points.takeChanged()).toEqual([c.tier]);
    expect(shown(points)).toEqual(shown(fresh(stronger)));
    // A new name: the tooltip (rowAt) shows it, the points stay.
    const renamed = edited(stronger, 0, { name: 'Renamed Bank' });
    points.sync(toRows(renamed));
    expect(points.takeChanged()).toEqual([]);
    const tier = c.tier;
    const at = [...Array(points.data(tier).length / 2).keys()].find((k) => points.rowAt(tier, k)!.id === c.id)!;
    expect(points.rowAt(tier, at)!.customer.name).toBe('Renamed Bank');
  });

  it('rebuilds when customers come or go, and when the y axis must leave log scale', () => {
    const points = fresh(demo.customers);
    let layout = points.layout;
    const fewer = demo.customers.slice(1);
    points.sync(toRows(fewer));
    expect(points.layout).toBe(++layout);
    expect(points.count).toBe(fewer.length);
    expect(shown(points)).toEqual(shown(fresh(fewer)));

    const zero = edited(fewer, 2, { potential: 0 });
    points.sync(toRows(zero));
    expect(points.layout).toBe(++layout);
    expect(points.log).toBe(false);
    expect(points.extent().min.p).toBe(0);
    const back = edited(zero, 2, { potential: 10 });
    points.sync(toRows(back));
    expect(points.layout).toBe(layout + 1);
    expect(points.log).toBe(true);
    expect(points.takeChanged()).toEqual([]);
  });

  it('after many random edits holds what a chart drawn afresh holds', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Some hundreds of customers, so tiers grow past their first capacity.
    let customers: Customer[] = Array.from({ length: 300 }, (_, k) => ({ ...demo.customers[k % demo.customers.length]!, id: `c${k}` }));
    const points = fresh(customers);
    const layout = points.layout;
    for (let step = 0; step < 500; step++) {
      const i = Math.floor(rand() * customers.length);
      const u = rand();
      const patch: Partial<Customer> =
        u < 0.4
          ? { tier: TIERS[Math.floor(rand() * 4)]! }
          : u < 0.8
            ? { potential: 1 + Math.floor(rand() * 1e7) }
            : { relationship: { key: Math.floor(rand() * 5), broad: Math.floor(rand() * 5), organizational: Math.floor(rand() * 5) } };
      customers = edited(customers, i, patch);
      points.sync(toRows(customers));
    }
    expect(points.layout).toBe(layout);
    expect(shown(points)).toEqual(shown(fresh(customers)));
    const all = customers.map((c) => c.potential);
    expect(points.extent().max.p).toBe(Math.max(...all));
    expect(points.extent().min.p).toBe(Math.min(...all));
  });
});
