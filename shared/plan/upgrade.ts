// Reading a version-1 document as version 2 (plan-format.md, "Upgrading a
// version-1 document"): formatVersion becomes 2, target metric `cycleDays`
// becomes `salesCycleDays`, every other value is kept, new keys take their
// defaults (the schema fills them). A version-1 document that already uses a
// version-2 key or value is refused with its path: it is neither version, and
// guessing which one the writer meant could lose data.
import type { PlanIssue } from './rules';
import { formatPath } from './rules';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Keys version 2 added, per collection (checked where the collection is an array of objects). */
const V2_KEYS: Record<string, readonly string[]> = {
  phases: ['focusSegmentIds', 'exitChecks'],
  people: ['customerLimit'],
  customers: ['needs', 'relationshipPlan'],
  goals: ['status'],
  targets: ['funnelId', 'segmentId'],
};
const V2_TOP_KEYS = ['tiering', 'decisions', 'actuals'];
const V2_TARGET_METRICS = ['salesCycleDays', 'deliveryCycleDays'];

/** Version-2 keys and values in a document that says it is version 1. */
export function v2FeaturesInV1(doc: Obj): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (parts: (string | number)[], what: string) =>
    issues.push({ path: formatPath(parts), message: `${what} is new in format version 2, but the document says "formatVersion": 1` });
  for (const key of V2_TOP_KEYS) if (key in doc) add([key], `"${key}"`);
  for (const [collection, keys] of Object.entries(V2_KEYS))
    list(doc[collection]).forEach((item, i) => {
      if (isObj(item)) for (const key of keys) if (key in item) add([collection, i, key], `"${key}"`);
    });
  list(doc.funnels).forEach((f, i) => {
    if (isObj(f)) list(f.stages).forEach((st, j) => isObj(st) && 'ownerId' in st && add(['funnels', i, 'stages', j, 'ownerId'], '"ownerId" on a stage'));
  });
  list(doc.people).forEach((p, i) => isObj(p) && p.role === 'platform' && add(['people', i, 'role'], 'role "platform"'));
  list(doc.targets).forEach((t, i) => {
    if (isObj(t) && V2_TARGET_METRICS.includes(t.metric as string)) add(['targets', i, 'metric'], `metric "${String(t.metric)}"`);
  });
  return issues;
}

/** A version-1 document as version 2 (a copy; the input is not changed). */
export function upgradeV1(doc: Obj): Obj {
  const out: Obj = { ...doc, formatVersion: 2 };
  if (Array.isArray(doc.targets))
    out.targets = doc.targets.map((t) => (isObj(t) && t.metric === 'cycleDays' ? { ...t, metric: 'salesCycleDays' } : t));
  return out;
}
