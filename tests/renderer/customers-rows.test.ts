// The Customers table's filter, sort and group logic over the demo plans,
// checked against answers worked out independently from the demo JSON.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readiness } from '../../shared/simulation';
import type { Customer, Plan } from '../../shared/plan/types';
import { CollationIndex } from '../../renderer/stores/customers/collation';
import {
  EMPTY_FILTER,
  NO_PHASE,
  filterRows,
  groupRows,
  sortKeys,
  sortRows,
  tierStats,
  toRows,
  type CustomerRow,
  type SortColumn,
  type SortContext,
} from '../../renderer/stores/customers/rows';

const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../resources/demo/demo.${lang}.plan.json`, import.meta.url), 'utf8')) as Plan;
const demo = load('en');
const zhDemo = load('zh-CN');

function context(plan: Plan, lang = 'en'): SortContext {
  return {
    collator: new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }),
    personName: (id) => plan.people.find((p) => p.id === id)?.name,
    segmentName: (id) => plan.segments.find((s) => s.id === id)?.name,
    phaseOrder: (id) => plan.phases.findIndex((p) => p.id === id),
  };
}

function sorted(plan: Plan, column: SortColumn, desc = false, lang = 'en'): CustomerRow[] {
  const rows = toRows(plan.customers);
  const keys = sortKeys(rows, column, context(plan, lang));
  return sortRows(rows, { column, desc }, (r) => keys[rows.indexOf(r)]!);
}

const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);

describe('customer rows', () => {
  it('keeps a row per customer, with its readiness and the same row object while the customer is unchanged', () => {
    const rows = toRows(demo.customers);
    expect(ids(rows)).toEqual(ids(demo.customers));
    expect(rows[0]!.readiness).toBe(readiness(demo.customers[0]!));
    expect(toRows(demo.customers)[3]).toBe(rows[3]);
    const changed: Customer = { ...demo.customers[3]!, name: 'Renamed' };
    expect(toRows([changed])[0]).not.toBe(rows[3]);
  });
});

describe('filterRows', () => {
  const rows = toRows(demo.customers);

  it('filters by tier, segment, status and breakthrough phase (including none)', () => {
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, tiers: ['S'] }))).toEqual(ids(demo.customers.filter((c) => c.tier === 'S')));
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, segments: ['gov'], statuses: ['target'] }))).toEqual(
      ids(demo.customers.filter((c) => c.segmentId === 'gov' && c.status === 'target')),
    );
    const noPhase = demo.customers.filter((c) => c.breakthroughPhaseId === undefined);
    expect(noPhase.length).toBeGreaterThan(0);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, phases: [NO_PHASE] }))).toEqual(ids(noPhase));
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, phases: ['p1', NO_PHASE] }))).toEqual(
      ids(demo.customers.filter((c) => c.breakthroughPhaseId === 'p1' || c.breakthroughPhaseId === undefined)),
    );
  });

  it('finds a person in any iron-triangle role', () => {
    const person = 'wu'; // an SR in the demo
    const expected = demo.customers.filter((c) => Object.values(c.owners).includes(person));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, owner: person }))).toEqual(ids(expected));
  });

  it('searches every word in id, name, region and industry, ignoring case', () => {
    const hits = filterRows(rows, { ...EMPTY_FILTER, text: '  BANK  shanghai ' });
    const expected = demo.customers.filter((c) => {
      const text = `${c.id} ${c.name} ${c.region ?? ''} ${c.industry ?? ''}`.toLowerCase();
      return text.includes('bank') && text.includes('shanghai');
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(hits)).toEqual(ids(expected));
    expect(filterRows(rows, { ...EMPTY_FILTER, text: 'no such customer anywhere' })).toEqual([]);
  });

  it('filters by picked ids and by readiness and potential ranges', () => {
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, ids: ['hz-data', 'jn-bank'] }))).toEqual(['jn-bank', 'hz-data']);
    const inBox = filterRows(rows, { ...EMPTY_FILTER, readiness: { min: 0.9, max: 1.1 }, potential: { min: 5e6, max: 4e7 } });
    const expected = demo.customers.filter((c) => {
      const r = readiness(c);
      return r >= 0.9 && r <= 1.1 && c.potential >= 5e6 && c.potential <= 4e7;
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(inBox)).toEqual(ids(expected));
  });
});

describe('sortRows', () => {
  it('sorts numbers both ways, ties in plan order', () => {
    const byPotential = [...demo.customers].sort((a, b) => a.potential - b.potential);
    expect(ids(sorted(demo, 'potential'))).toEqual(ids(byPotential));
    const desc = [...demo.customers].sort((a, b) => b.potential - a.potential);
    expect(ids(sorted(demo, 'potential', true))).toEqual(ids(desc));
  });

  it('sorts names by the collator of the UI language', () => {
    const en = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    expect(ids(sorted(demo, 'name'))).toEqual(ids([...demo.customers].sort((a, b) => en.compare(a.name, b.name))));
    // Chinese names in pinyin order, as a Chinese user expects.
    const zh = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });
    const zhOrder = ids([...zhDemo.customers].sort((a, b) => zh.compare(a.name, b.name)));
    expect(ids(sorted(zhDemo, 'name', false, 'zh-CN'))).toEqual(zhOrder);
    expect(zhOrder).not.toEqual(ids([...zhDemo.customers].sort((a, b) => (a.name < b.name ? -1 : 1))));
  });

  it('orders tiers S…C, phases in plan order with none last, and owners by name', () => {
    const tiers = sorted(demo, 'tier').map((r) => r.customer.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => 'SABC'.indexOf(a) - 'SABC'.indexOf(b)));
    const phases = sorted(demo, 'phase').map((r) => r.customer.breakthroughPhaseId);
    const firstNone = phases.indexOf(undefined);
    expect(phases.slice(firstNone).every((p) => p === undefined)).toBe(true);
    const order = phases.slice(0, firstNone).map((p) => demo.phases.findIndex((x) => x.id === p));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Customers without an FR come last, ascending or descending.
    for (const desc of [false, true]) {
      const fr = sorted(demo, 'ownerFR', desc).map((r) => r.customer.owners.FR);
      const firstNull = fr.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(fr.slice(firstNull).every((x) => x === null)).toBe(true);
    }
  });

  it('without a sort, shows the plan order', () => {
    const rows = toRows(demo.customers);
    expect(ids(sortRows(rows, null, () => 0))).toEqual(ids(demo.customers));
  });
});

describe('groupRows', () => {
  it('groups by tier with counts and summed potential from the demo', () => {
    const items = groupRows(toRows(demo.customers), 'tier', ['S', 'A', 'B', 'C'], new Set());
    const groups = items.filter((i) => i.kind === 'group');
    expect(groups.map((g) => g.value)).toEqual(['S', 'A', 'B', 'C']);
    for (const g of groups) {
      const members = demo.customers.filter((c) => c.tier === g.value);
      expect(g.count, g.value).toBe(members.length);
      expect(g.potential, g.value).toBe(members.reduce((s, c) => s + c.potential, 0));
    }
    // Each header is followed by its members.
    const aAt = items.findIndex((i) => i.key === 'group:A');
    expect(items.slice(1, aAt).every((i) => i.kind === 'customer' && i.row.customer.tier === 'S')).toBe(true);
    expect(items).toHaveLength(demo.customers.length + 4);
  });

  it('hides the members of a collapsed group but keeps its header and figures', () => {
    const items = groupRows(toRows(demo.customers), 'tier', ['S', 'A', 'B', 'C'], new Set(['B']));
    const b = items.find((i) => i.key === 'group:B');
    expect(b).toMatchObject({ kind: 'group', collapsed: true, count: demo.customers.filter((c) => c.tier === 'B').length });
    expect(items.some((i) => i.kind === 'customer' && i.row.customer.tier === 'B')).toBe(false);
  });

  it('groups by phase with the customers without one last', () => {
    const items = groupRows(toRows(demo.customers), 'phase', [...demo.phases.map((p) => p.id), NO_PHASE], new Set());
    const groups = items.flatMap((i) => (i.kind === 'group' ? [i.value] : []));
    expect(groups[groups.length - 1]).toBe(NO_PHASE);
    expect(groups.slice(0, -1)).toEqual(demo.phases.map((p) => p.id).filter((id) => demo.customers.some((c) => c.breakthroughPhaseId === id)));
  });

  it('summarises tiers over all customers', () => {
    const stats = tierStats(toRows(demo.customers));
    expect(stats.reduce((s, t) => s + t.count, 0)).toBe(demo.customers.length);
    expect(stats.find((t) => t.tier === 'A')!.potential).toBe(
      demo.customers.filter((c) => c.tier === 'A').reduce((s, c) => s + c.potential, 0),
    );
  });
});

describe('CollationIndex', () => {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  /** The values ordered by rank, equal ranks in input order (as a stable sort by rank leaves them). */
  const inOrder = (index: CollationIndex, values: string[]) => [...values].sort((a, b) => index.rank(a) - index.rank(b));

  it('ranks in the collator order, equal strings sharing a rank', () => {
    const values = ['b10', 'B2', 'a', 'A', 'c', 'b2'];
    const index = new CollationIndex(collator);
    index.add(values);
    expect(inOrder(index, values)).toEqual(['a', 'A', 'B2', 'b2', 'b10', 'c']);
    expect(index.rank('a')).toBe(index.rank('A'));
  });

  it('puts later strings in place one by one, and a big batch by sorting again', () => {
    const index = new CollationIndex(collator);
    const first = Array.from({ length: 300 }, (_, i) => `name ${i * 2}`);
    index.add(first);
    const later = ['name 1', 'name 599', 'aaa', 'zzz', 'name 301'];
    index.add(later);
    const all = [...first, ...later];
    const expected = [...all].sort(collator.compare);
    expect(inOrder(index, all)).toEqual(expected);
    const many = Array.from({ length: 5000 }, (_, i) => `bulk ${i}`);
    index.add(many);
    expect(inOrder(index, [...all, ...many])).toEqual([...all, ...many].sort(collator.compare));
  });

  it('builds in slices to the same ranks, and a build overtaken by an add loses nothing', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `customer ${(i * 7919) % 20_000}`);
    const sliced = new CollationIndex(collator);
    const steps = sliced.build(values);
    let slices = 0;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThan(10);
    const whole = new CollationIndex(collator);
    whole.add(values);
    expect(values.every((v) => sliced.rank(v) === whole.rank(v))).toBe(true);

    const raced = new CollationIndex(collator);
    const slow = raced.build(values);
    slow.next();
    raced.add(['customer 5', 'zebra']);
    while (!slow.next().done);
    expect(inOrder(raced, [...values, 'zebra'])).toEqual([...values, 'zebra'].sort(collator.compare));
  });
});
