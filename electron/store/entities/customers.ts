import { FACTORS, type Customer, type CustomerStatus, type Factors, type Tier } from '../../../shared/plan/types';
import { rangeFromText, rangeToText, type EntityCodec } from './codec';

/** transactionPath → f_transaction_path */
const factorColumn = (f: string) => `f_${f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const FACTOR_COLUMNS = FACTORS.map(factorColumn);

export const customerCodec: EntityCodec<Customer> = {
  table: 'customers',
  singular: 'customer',
  plural: 'customers',
  columns: [
    'name', 'segment_id', 'tier', 'rel_key', 'rel_broad', 'rel_organizational', 'potential', 'region', 'industry',
    'owner_ar', 'owner_sr', 'owner_fr', 'has_factors', ...FACTOR_COLUMNS,
    'breakthrough_phase_id', 'entry_stage', 'first_deal', 'status', 'needs', 'has_relationship_plan',
  ],
  toRow: (c) => [
    c.name, c.segmentId, c.tier, c.relationship.key, c.relationship.broad, c.relationship.organizational, c.potential,
    c.region ?? null, c.industry ?? null, c.owners.AR, c.owners.SR, c.owners.FR,
    c.factors ? 1 : 0, ...FACTORS.map((f) => c.factors?.[f] ?? null),
    c.breakthroughPhaseId ?? null, c.entryStage ?? null, c.firstDeal === undefined ? null : rangeToText(c.firstDeal), c.status,
    c.needs ?? null, c.relationshipPlan ? 1 : 0,
  ],
  fromRow(r, c) {
    const customer = {
      id: r[c.id] as string,
      name: r[c.name] as string,
      segmentId: r[c.segment_id] as string,
      tier: r[c.tier] as Tier,
      relationship: { key: r[c.rel_key] as number, broad: r[c.rel_broad] as number, organizational: r[c.rel_organizational] as number },
      potential: r[c.potential] as number,
    } as Customer;
    if (r[c.region] !== null) customer.region = r[c.region] as string;
    if (r[c.industry] !== null) customer.industry = r[c.industry] as string;
    customer.owners = { AR: r[c.owner_ar] as string | null, SR: r[c.owner_sr] as string | null, FR: r[c.owner_fr] as string | null };
    if (r[c.has_factors] === 1) {
      const factors: Factors = {};
      FACTORS.forEach((f, i) => {
        const v = r[c[FACTOR_COLUMNS[i]!]!];
        if (v !== null) factors[f] = v as number;
      });
      customer.factors = factors;
    }
    if (r[c.breakthrough_phase_id] !== null) customer.breakthroughPhaseId = r[c.breakthrough_phase_id] as string;
    if (r[c.entry_stage] !== null) customer.entryStage = r[c.entry_stage] as number;
    if (r[c.first_deal] !== null) customer.firstDeal = rangeFromText(r[c.first_deal]);
    customer.status = r[c.status] as CustomerStatus;
    if (r[c.needs] !== null) customer.needs = r[c.needs] as string;
    if (r[c.has_relationship_plan] === 1) customer.relationshipPlan = {};
    return customer;
  },
  children: [
    {
      table: 'customer_relationship_plan',
      parent: 'customer_id',
      columns: ['phase_id', 'rel_key', 'rel_broad', 'rel_organizational'],
      rows: (c) => Object.entries(c.relationshipPlan ?? {}).map(([phaseId, l]) => [phaseId, l.key, l.broad, l.organizational]),
      attach(customer, r, c) {
        const phaseId = r[c.phase_id] as string;
        const level = { key: r[c.rel_key] as number, broad: r[c.rel_broad] as number, organizational: r[c.rel_organizational] as number };
        // A phase id is never "__proto__" (refused on the way in), but such a key must never reach the prototype;
        // every other key is assigned plainly (defineProperty for 200,000 rows cost a fifth of reading a 50k plan).
        if (phaseId === '__proto__') Object.defineProperty(customer.relationshipPlan!, phaseId, { value: level, enumerable: true, writable: true, configurable: true });
        else customer.relationshipPlan![phaseId] = level;
      },
    },
  ],
};
