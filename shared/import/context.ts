// What an import is checked against: the open plan's customers, segments,
// people, phases and funnels, indexed for lookups by id or by name (either
// language's labels for tiers and statuses), built once per import.
import { catalogs } from '../i18n';
import {
  CUSTOMER_STATUSES,
  TIERS,
  type Customer,
  type CustomerStatus,
  type Funnel,
  type Person,
  type Phase,
  type Segment,
  type Tier,
} from '../plan/types';
import { normalizeLabel } from './fields';

/** The parts of the plan an import reads. Collections may be large: only iterated once here. */
export interface ImportPlanData {
  currency: string;
  customers: Iterable<Customer>;
  segments: readonly Segment[];
  funnels: readonly Funnel[];
  people: readonly Person[];
  phases: readonly Phase[];
}

/** An id, or all the ids that a name could mean (length > 1: ambiguous; 0: unknown). */
export type Lookup = (text: string) => string[];

export interface ImportContext {
  currency: string;
  existing: ReadonlyMap<string, Customer>;
  tier(text: string): Tier | null;
  status(text: string): CustomerStatus | null;
  segment: Lookup;
  person: Lookup;
  phase: Lookup;
  /** Stage index of the segment's funnel for an index, key or name; the stage count for messages. */
  stage(segmentId: string, text: string): { index: number | null; count: number };
  segmentName(id: string): string;
}

function byIdOrName<T extends { id: string; name: string }>(items: readonly T[]): Lookup {
  const ids = new Set(items.map((i) => i.id));
  const names = new Map<string, string[]>();
  for (const item of items) {
    const key = normalizeLabel(item.name);
    const list = names.get(key);
    if (list) list.push(item.id);
    else names.set(key, [item.id]);
  }
  return (text) => {
    const t = text.trim();
    if (ids.has(t)) return [t];
    return names.get(normalizeLabel(t)) ?? [];
  };
}

function enumLookup<T extends string>(values: readonly T[], labelKey: (v: T) => string, extra: Record<string, T>) {
  const map = new Map<string, T>();
  const add = (word: string, v: T) => {
    const k = normalizeLabel(word);
    if (k && !map.has(k)) map.set(k, v);
  };
  for (const v of values) {
    add(v, v);
    const key = labelKey(v) as keyof (typeof catalogs)['en'];
    add(catalogs.en[key], v);
    add(catalogs['zh-CN'][key], v);
  }
  for (const [word, v] of Object.entries(extra)) add(word, v);
  return (text: string): T | null => map.get(normalizeLabel(text)) ?? null;
}

const TIER_WORDS: Record<string, Tier> = {
  strategic: 'S', core: 'A', growth: 'B', general: 'C',
  战略: 'S', 核心: 'A', 成长: 'B', 一般: 'C',
  S级: 'S', A级: 'A', B级: 'B', C级: 'C', S类: 'S', A类: 'A', B类: 'B', C类: 'C',
  战略客户: 'S', 核心客户: 'A', 成长客户: 'B', 一般客户: 'C',
};
const STATUS_WORDS: Record<string, CustomerStatus> = {
  目标客户: 'target', 接触中: 'engaged', 已签约: 'won', 已成交: 'won', 深耕: 'deepening', 深化: 'deepening',
};

export function createImportContext(data: ImportPlanData): ImportContext {
  const existing = new Map<string, Customer>();
  for (const c of data.customers) existing.set(c.id, c);
  const segments = new Map(data.segments.map((s) => [s.id, s]));
  const funnels = new Map(data.funnels.map((f) => [f.id, f]));
  const tier = enumLookup(TIERS, (t) => `tier.${t}`, TIER_WORDS);
  const status = enumLookup(CUSTOMER_STATUSES, (s) => `status.${s}`, STATUS_WORDS);
  return {
    currency: data.currency,
    existing,
    tier,
    status,
    segment: byIdOrName(data.segments),
    person: byIdOrName(data.people),
    phase: byIdOrName(data.phases),
    stage(segmentId, text) {
      const funnel = funnels.get(segments.get(segmentId)?.funnelId ?? '');
      const stages = funnel?.stages ?? [];
      const t = text.normalize('NFKC').trim();
      if (/^\d+$/.test(t)) {
        const i = Number(t);
        return { index: i < stages.length ? i : null, count: stages.length };
      }
      const key = normalizeLabel(t);
      const i = stages.findIndex((s) => s.key === t || normalizeLabel(s.name) === key);
      return { index: i === -1 ? null : i, count: stages.length };
    },
    segmentName: (id) => segments.get(id)?.name ?? id,
  };
}
