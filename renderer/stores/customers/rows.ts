// The Customers table's derivations as plain functions over plain data, so
// they are unit-tested without MobX or a DOM and stay fast at 50,000 rows:
// one flat record per customer (with its search text and readiness worked
// out once), a filter, a sort (text columns compare by collation ranks, see
// collation.ts, not by calling the collator inside the sort), and
// grouping into header + member rows.
import { readiness } from '../../../shared/simulation';
import { CollationIndex } from './collation';
import { isBehindPlan } from './ladder';
import {
  CUSTOMER_STATUSES,
  TIERS,
  type Customer,
  type CustomerStatus,
  type OwnerRole,
  type Tier,
} from '../../../shared/plan/types';

export interface CustomerRow {
  id: string;
  /** The plain customer the row was made from (read-only). */
  customer: Customer;
  readiness: number;
  /** id, name, region, industry and needs, lower-cased, for the text search. */
  haystack: string;
}

const rowCache = new WeakMap<Customer, CustomerRow>();

/**
 * One row per customer; an unchanged customer (same plain object) keeps its
 * row. `previous`: the last call's customers and rows — where the same
 * customer sits in the same place, its row is taken from there (one
 * comparison, where the cache is a hash lookup; after one edit of 50,000
 * customers that is most of the work).
 */
export function toRows(customers: readonly Customer[], previous?: Derived<Customer, CustomerRow>): CustomerRow[] {
  return mapReusing(customers, previous, rowOf);
}

function rowOf(c: Customer): CustomerRow {
  let row = rowCache.get(c);
  if (!row) {
    row = {
      id: c.id,
      customer: c,
      readiness: readiness(c),
      haystack: `${c.id}\n${c.name}\n${c.region ?? ''}\n${c.industry ?? ''}\n${c.needs ?? ''}`.toLowerCase(),
    };
    rowCache.set(c, row);
  }
  return row;
}

/** A list derived element by element from another (`out[i]` made from `source[i]`). */
export interface Derived<S, T> {
  source: readonly S[];
  out: readonly T[];
}

/**
 * `make` of each element; where `previous` had the very same element in the
 * same place (same length), its result is reused without calling `make`.
 */
export function mapReusing<S, T>(source: readonly S[], previous: Derived<S, T> | undefined, make: (s: S) => T): T[] {
  const out = new Array<T>(source.length);
  const same = previous !== undefined && previous.source.length === source.length;
  for (let i = 0; i < source.length; i++) {
    const s = source[i]!;
    out[i] = same && previous.source[i] === s ? previous.out[i]! : make(s);
  }
  return out;
}

/** Customers with no breakthrough phase, in the phase filter and grouping. */
export const NO_PHASE = '';

export interface Interval {
  min: number;
  max: number;
}

export interface CustomerFilter {
  text: string;
  tiers: readonly Tier[];
  segments: readonly string[];
  /** Phase ids; NO_PHASE for customers without one. */
  phases: readonly string[];
  /** A person who is AR, SR or FR of the customer. */
  owner: string | null;
  statuses: readonly CustomerStatus[];
  /** Picked on the readiness × potential chart. */
  ids: readonly string[] | null;
  readiness: Interval | null;
  potential: Interval | null;
  /** Only customers with a layer below the level planned for the current phase (see ladder.ts). */
  behindPlan: boolean;
}

export const EMPTY_FILTER: CustomerFilter = {
  text: '',
  tiers: [],
  segments: [],
  phases: [],
  owner: null,
  statuses: [],
  ids: null,
  readiness: null,
  potential: null,
  behindPlan: false,
};

export function isFilterEmpty(f: CustomerFilter): boolean {
  return (
    f.text.trim() === '' &&
    f.tiers.length === 0 &&
    f.segments.length === 0 &&
    f.phases.length === 0 &&
    f.owner === null &&
    f.statuses.length === 0 &&
    f.ids === null &&
    f.readiness === null &&
    f.potential === null &&
    !f.behindPlan
  );
}

/** `currentPhaseId`: the phase the behind-plan filter compares with (ladder.ts currentPhase). */
export function filterRows(rows: readonly CustomerRow[], f: CustomerFilter, currentPhaseId: string | null = null): CustomerRow[] {
  if (isFilterEmpty(f)) return rows.slice();
  // Each word must appear somewhere in id, name, region, industry or needs.
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const tiers = f.tiers.length ? new Set<string>(f.tiers) : null;
  const segments = f.segments.length ? new Set(f.segments) : null;
  const phases = f.phases.length ? new Set(f.phases) : null;
  const statuses = f.statuses.length ? new Set<string>(f.statuses) : null;
  const ids = f.ids ? new Set(f.ids) : null;
  const { owner, readiness: r, potential: p } = f;
  const out: CustomerRow[] = [];
  for (const row of rows) {
    const c = row.customer;
    if (tiers && !tiers.has(c.tier)) continue;
    if (segments && !segments.has(c.segmentId)) continue;
    if (phases && !phases.has(c.breakthroughPhaseId ?? NO_PHASE)) continue;
    if (statuses && !statuses.has(c.status)) continue;
    if (owner !== null && c.owners.AR !== owner && c.owners.SR !== owner && c.owners.FR !== owner) continue;
    if (ids && !ids.has(row.id)) continue;
    if (r && (row.readiness < r.min || row.readiness > r.max)) continue;
    if (p && (c.potential < p.min || c.potential > p.max)) continue;
    if (f.behindPlan && !isBehindPlan(c, currentPhaseId)) continue;
    if (words.length && !words.every((w) => row.haystack.includes(w))) continue;
    out.push(row);
  }
  return out;
}

export const SORTABLE_COLUMNS = [
  'id',
  'name',
  'tier',
  'segment',
  'region',
  'industry',
  'potential',
  'readiness',
  'phase',
  'status',
  'ownerAR',
  'ownerSR',
  'ownerFR',
] as const;
export type SortColumn = (typeof SORTABLE_COLUMNS)[number];

export function isSortColumn(id: string): id is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(id);
}

export interface SortSpec {
  column: SortColumn;
  desc: boolean;
}

/** What a sort needs besides the rows: names of referenced entities and the plan's phase order. */
export interface SortContext {
  collator: Intl.Collator;
  /** A kept collation index per text column, so later sorts reuse the ranks (default: a fresh one). */
  indexFor?: (column: SortColumn) => CollationIndex;
  personName: (id: string) => string | undefined;
  segmentName: (id: string) => string | undefined;
  /** Position of the phase in the plan; customers without a phase sort last. */
  phaseOrder: (id: string) => number | undefined;
}

const TIER_ORDER = Object.fromEntries(TIERS.map((t, i) => [t, i])) as Record<Tier, number>;
const STATUS_ORDER = Object.fromEntries(CUSTOMER_STATUSES.map((s, i) => [s, i])) as Record<CustomerStatus, number>;

type Key = { kind: 'number'; of: (r: CustomerRow) => number } | { kind: 'text'; of: (r: CustomerRow) => string };

function ownerKey(role: OwnerRole, ctx: SortContext): Key {
  return {
    kind: 'text',
    of: (r) => {
      const id = r.customer.owners[role];
      return id === null ? '' : (ctx.personName(id) ?? id);
    },
  };
}

function keyOf(column: SortColumn, ctx: SortContext): Key {
  switch (column) {
    case 'id':
      return { kind: 'text', of: (r) => r.id };
    case 'name':
      return { kind: 'text', of: (r) => r.customer.name };
    case 'tier':
      return { kind: 'number', of: (r) => TIER_ORDER[r.customer.tier] };
    case 'segment':
      return { kind: 'text', of: (r) => ctx.segmentName(r.customer.segmentId) ?? r.customer.segmentId };
    case 'region':
      return { kind: 'text', of: (r) => r.customer.region ?? '' };
    case 'industry':
      return { kind: 'text', of: (r) => r.customer.industry ?? '' };
    case 'potential':
      return { kind: 'number', of: (r) => r.customer.potential };
    case 'readiness':
      return { kind: 'number', of: (r) => r.readiness };
    case 'phase':
      return {
        kind: 'number',
        of: (r) => {
          const id = r.customer.breakthroughPhaseId;
          return id === undefined ? Number.MAX_SAFE_INTEGER : (ctx.phaseOrder(id) ?? Number.MAX_SAFE_INTEGER - 1);
        },
      };
    case 'status':
      return { kind: 'number', of: (r) => STATUS_ORDER[r.customer.status] };
    case 'ownerAR':
      return ownerKey('AR', ctx);
    case 'ownerSR':
      return ownerKey('SR', ctx);
    case 'ownerFR':
      return ownerKey('FR', ctx);
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** What a text column sorts by, per row; null for a column that sorts by number. */
export function sortTexts(rows: readonly CustomerRow[], column: SortColumn, ctx: SortContext): string[] | null {
  const key = keyOf(column, ctx);
  return key.kind === 'text' ? rows.map(key.of) : null;
}

/** Numeric sort keys of all rows for one column (text columns become collation ranks). */
export function sortKeys(rows: readonly CustomerRow[], column: SortColumn, ctx: SortContext): Float64Array {
  const key = keyOf(column, ctx);
  const keys = new Float64Array(rows.length);
  if (key.kind === 'number') {
    for (let i = 0; i < rows.length; i++) keys[i] = key.of(rows[i]!);
    return keys;
  }
  const texts = rows.map(key.of);
  const index = ctx.indexFor?.(column) ?? new CollationIndex(ctx.collator);
  index.add(texts);
  // Empty text sorts last in either direction, like a missing value.
  for (let i = 0; i < rows.length; i++) keys[i] = texts[i] === '' ? Number.NaN : index.rank(texts[i]!);
  return keys;
}

/**
 * The rows in `spec` order; ties (and everything, without a spec) keep the
 * plan's order. `keyFor` gives each row's key from a precomputed table, so
 * the same keys serve every filter of the same data.
 */
export function sortRows(rows: readonly CustomerRow[], spec: SortSpec | null, keyFor: (row: CustomerRow) => number): CustomerRow[] {
  if (!spec) return rows.slice();
  const n = rows.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyFor(rows[i]!);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const dir = spec.desc ? -1 : 1;
  order.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    const na = Number.isNaN(ka);
    const nb = Number.isNaN(kb);
    if (na || nb) return na && nb ? a - b : na ? 1 : -1;
    return ka === kb ? a - b : ka < kb ? -dir : dir;
  });
  const out = new Array<CustomerRow>(n);
  for (let i = 0; i < n; i++) out[i] = rows[order[i]!]!;
  return out;
}

export const GROUP_BYS = ['none', 'tier', 'phase', 'segment'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface GroupItem {
  kind: 'group';
  /** 'group:' + the group value, unique among display items. */
  key: string;
  value: string;
  count: number;
  potential: number;
  collapsed: boolean;
}
export interface CustomerItem {
  kind: 'customer';
  key: string;
  row: CustomerRow;
}
export type DisplayItem = GroupItem | CustomerItem;

const itemCache = new WeakMap<CustomerRow, CustomerItem>();

/** The display item of a row, the same object for the same row (no garbage per sort or filter). */
function itemOf(row: CustomerRow): CustomerItem {
  let item = itemCache.get(row);
  if (!item) itemCache.set(row, (item = { kind: 'customer', key: row.id, row }));
  return item;
}

export function groupValue(c: Customer, by: Exclude<GroupBy, 'none'>): string {
  switch (by) {
    case 'tier':
      return c.tier;
    case 'phase':
      return c.breakthroughPhaseId ?? NO_PHASE;
    case 'segment':
      return c.segmentId;
    default: {
      const never: never = by;
      return never;
    }
  }
}

/**
 * Sorted rows → what the grid shows: each group's header (count, summed
 * potential) followed by its rows in sort order, unless collapsed. Groups
 * come in `groupOrder` (tiers S…C, phases in plan order, segments in plan
 * order); values not listed follow in order of appearance.
 */
export function groupRows(
  rows: readonly CustomerRow[],
  by: GroupBy,
  groupOrder: readonly string[],
  collapsed: ReadonlySet<string>,
  /** Ungrouped: the last call's rows and items, whose items are reused where the row is (see mapReusing). */
  previous?: Derived<CustomerRow, DisplayItem>,
): DisplayItem[] {
  if (by === 'none') return mapReusing<CustomerRow, DisplayItem>(rows, previous, itemOf);
  const members = new Map<string, CustomerRow[]>();
  for (const v of groupOrder) members.set(v, []);
  for (const row of rows) {
    const v = groupValue(row.customer, by);
    let list = members.get(v);
    if (!list) members.set(v, (list = []));
    list.push(row);
  }
  const out: DisplayItem[] = [];
  for (const [value, list] of members) {
    if (list.length === 0) continue;
    let potential = 0;
    for (const r of list) potential += r.customer.potential;
    const isCollapsed = collapsed.has(value);
    out.push({ kind: 'group', key: `group:${value}`, value, count: list.length, potential, collapsed: isCollapsed });
    if (!isCollapsed) for (const row of list) out.push(itemOf(row));
  }
  return out;
}

export interface TierStat {
  tier: Tier;
  count: number;
  potential: number;
}

export function tierStats(rows: readonly CustomerRow[]): TierStat[] {
  const stats = TIERS.map((tier) => ({ tier, count: 0, potential: 0 }));
  for (const r of rows) {
    const s = stats[TIER_ORDER[r.customer.tier]]!;
    s.count += 1;
    s.potential += r.customer.potential;
  }
  return stats;
}
