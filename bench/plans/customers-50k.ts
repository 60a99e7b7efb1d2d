// A 50,000-customer plan for the Customers-screen benchmark: the demo plan
// (English) with its customers repeated and varied — names, tiers, segments,
// regions, industries, potentials, owners, relationship and factor scores
// drawn from a seeded generator — so sorting and filtering meet realistic,
// mostly distinct values, and every run sees the same plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACTORS, TIERS, type Customer, type Plan } from '../../shared/plan/types';

const DEMO = join(import.meta.dirname, '../../resources/demo/demo.en.plan.json');

/** mulberry32: small, fast, good enough to vary test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['Jiangnan', 'Hangzhou', 'Suzhou', 'Ningbo', 'Hefei', 'Nanjing', 'Wuxi', 'Shaoxing', 'Wenzhou', 'Changzhou', 'Jiaxing', 'Taizhou'];
const KINDS = ['Commercial Bank', 'Data Bureau', 'Rural Bank', 'Securities', 'Life Insurance', 'Hospital', 'Logistics', 'Energy Group', 'Port Authority', 'Education Bureau', 'Retail Chain', 'Metro'];
const REGIONS = ['Shanghai', 'Hangzhou', 'Suzhou', 'Ningbo', 'Hefei', 'Nanjing', 'Wuxi', 'Wenzhou'];
const INDUSTRIES = ['Banking', 'Government', 'Securities', 'Insurance', 'Healthcare', 'Transport', 'Education', 'Energy', 'Retail'];

export function customers50kPlan(count = 50_000, seed = 20270101): Plan {
  const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as Plan;
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const byRole = (role: string) => demo.people.filter((p) => p.role === role).map((p) => p.id);
  const ars = byRole('AR');
  const srs = byRole('SR');
  const frs = byRole('FR');
  const extra: Customer[] = [];
  for (let i = demo.customers.length; i < count; i++) {
    // Tiers thin out towards the top, as target lists do: ~2% S, 8% A, 30% B, 60% C.
    const u = rand();
    const tier = u < 0.02 ? TIERS[0] : u < 0.1 ? TIERS[1] : u < 0.4 ? TIERS[2] : TIERS[3];
    const scale = { S: 3e7, A: 8e6, B: 2e6, C: 4e5 }[tier];
    const segment = pick(demo.segments);
    const c: Customer = {
      id: `c${i}`,
      name: `${pick(PREFIXES)} ${pick(KINDS)} ${i}`,
      segmentId: segment.id,
      tier,
      relationship: { key: Math.floor(rand() * 5), broad: Math.floor(rand() * 5), organizational: Math.floor(rand() * 5) },
      potential: Math.round(scale * (0.2 + rand() * 1.8)),
      region: pick(REGIONS),
      industry: pick(INDUSTRIES),
      owners: {
        AR: rand() < 0.9 ? pick(ars) : null,
        SR: tier === 'C' ? null : pick(srs),
        FR: tier === 'C' ? null : pick(frs),
      },
      status: pick(['target', 'target', 'engaged', 'won', 'deepening'] as const),
    };
    if (rand() < 0.5) c.factors = Object.fromEntries(FACTORS.map((f) => [f, 1 + Math.floor(rand() * 5)]));
    if (tier === 'S' || (tier === 'A' && rand() < 0.5)) c.breakthroughPhaseId = pick(demo.phases).id;
    extra.push(c);
  }
  return { ...demo, customers: [...demo.customers, ...extra] };
}
