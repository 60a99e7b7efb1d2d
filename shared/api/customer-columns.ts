// The customers of a plan in columns (plan.load): one array per field instead
// of one JSON object per customer. At 50,000 customers the object form
// repeats every key 50,000 times and its text is what the host writes and
// the renderer parses; columns carry each key once, and the fields with few
// distinct values (tier, segment, region, status, owners…) travel as small
// integers into a list of those values. Lossless: decode(encode(xs)) deep-
// equals xs, optional fields stay absent, and any field this file does not
// know (nested or rare ones, and whatever the format adds later) travels
// whole in `rest`.
import { FACTORS, OWNER_ROLES, RELATIONSHIP_LAYERS, type Customer, type Factors } from '../plan/types';

/** A text column with few distinct values: the values, and per customer an index into them (-1: absent or null). */
export interface CodedColumn {
  values: string[];
  at: number[];
}

const CODED = ['segmentId', 'tier', 'region', 'industry', 'status', 'breakthroughPhaseId'] as const;
type CodedField = (typeof CODED)[number];

export interface CustomerColumns {
  count: number;
  id: string[];
  name: string[];
  potential: number[];
  coded: Record<CodedField, CodedColumn>;
  /** owners.AR / SR / FR; -1 is null. */
  owners: Record<(typeof OWNER_ROLES)[number], CodedColumn>;
  /** relationship.key / broad / organizational. */
  relationship: Record<(typeof RELATIONSHIP_LAYERS)[number], number[]>;
  /** factors: 1 when the customer has them, and each factor's score (1…5; 0: not scored). */
  factors: { has: number[]; scores: Record<(typeof FACTORS)[number], number[]> };
  /** The customer's other fields (needs, firstDeal, relationshipPlan…) as they are, or 0 when it has none. */
  rest: (Record<string, unknown> | 0)[];
}

const KNOWN = new Set<string>(['id', 'name', 'potential', 'owners', 'relationship', 'factors', ...CODED]);

function coder(): { column: CodedColumn; add(v: string | null | undefined): void } {
  const column: CodedColumn = { values: [], at: [] };
  const index = new Map<string, number>();
  return {
    column,
    add(v) {
      if (v === null || v === undefined) return void column.at.push(-1);
      let i = index.get(v);
      if (i === undefined) index.set(v, (i = column.values.push(v) - 1));
      column.at.push(i);
    },
  };
}

export function encodeCustomers(customers: readonly Customer[]): CustomerColumns {
  const coded = Object.fromEntries(CODED.map((f) => [f, coder()])) as Record<CodedField, ReturnType<typeof coder>>;
  const owners = Object.fromEntries(OWNER_ROLES.map((r) => [r, coder()])) as Record<(typeof OWNER_ROLES)[number], ReturnType<typeof coder>>;
  const relationship = Object.fromEntries(RELATIONSHIP_LAYERS.map((l) => [l, [] as number[]])) as CustomerColumns['relationship'];
  const out: CustomerColumns = {
    count: customers.length,
    id: [],
    name: [],
    potential: [],
    coded: {} as CustomerColumns['coded'],
    owners: {} as CustomerColumns['owners'],
    relationship,
    factors: { has: [], scores: Object.fromEntries(FACTORS.map((f) => [f, []])) as unknown as CustomerColumns['factors']['scores'] },
    rest: [],
  };
  const { factors } = out;
  for (const c of customers) {
    out.id.push(c.id);
    out.name.push(c.name);
    out.potential.push(c.potential);
    for (const f of CODED) coded[f].add(c[f]);
    for (const r of OWNER_ROLES) owners[r].add(c.owners[r]);
    for (const l of RELATIONSHIP_LAYERS) relationship[l].push(c.relationship[l]);
    factors.has.push(c.factors ? 1 : 0);
    for (const f of FACTORS) factors.scores[f].push(c.factors?.[f] ?? 0);
    let rest: Record<string, unknown> | 0 = 0;
    for (const key of Object.keys(c))
      if (!KNOWN.has(key) && (c as unknown as Record<string, unknown>)[key] !== undefined) (rest ||= {})[key] = (c as unknown as Record<string, unknown>)[key];
    out.rest.push(rest);
  }
  for (const f of CODED) out.coded[f] = coded[f].column;
  for (const r of OWNER_ROLES) out.owners[r] = owners[r].column;
  return out;
}

/** The customers back as plan-format objects, in order; each a fresh object the caller owns. */
export function decodeCustomers(cols: CustomerColumns): Customer[] {
  const out = new Array<Customer>(cols.count);
  const { coded, owners: o, relationship: rel } = cols;
  const text = (col: CodedColumn, i: number) => {
    const at = col.at[i]!;
    return at < 0 ? undefined : col.values[at];
  };
  const owner = (col: CodedColumn, i: number) => {
    const at = col.at[i]!;
    return at < 0 ? null : col.values[at]!;
  };
  for (let i = 0; i < cols.count; i++) {
    const c = {
      id: cols.id[i]!,
      name: cols.name[i]!,
      segmentId: text(coded.segmentId, i)!,
      tier: text(coded.tier, i),
      relationship: { key: rel.key[i]!, broad: rel.broad[i]!, organizational: rel.organizational[i]! },
      potential: cols.potential[i]!,
      owners: { AR: owner(o.AR, i), SR: owner(o.SR, i), FR: owner(o.FR, i) },
      status: text(coded.status, i),
    } as Record<string, unknown>;
    const region = text(coded.region, i);
    if (region !== undefined) c.region = region;
    const industry = text(coded.industry, i);
    if (industry !== undefined) c.industry = industry;
    const phase = text(coded.breakthroughPhaseId, i);
    if (phase !== undefined) c.breakthroughPhaseId = phase;
    if (cols.factors.has[i] === 1) {
      const factors: Factors = {};
      for (const f of FACTORS) {
        const score = cols.factors.scores[f][i];
        if (score) factors[f] = score;
      }
      c.factors = factors;
    }
    const rest = cols.rest[i];
    if (rest) Object.assign(c, rest);
    out[i] = c as unknown as Customer;
  }
  return out;
}
