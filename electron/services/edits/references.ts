// Who refers to what: deleting an entity that others still refer to is
// refused with code in_use and the counts, never cascaded silently.
import type { CollectionKind } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/result';
import { CODECS, type Db } from '../../store';
import { stmt } from '../../store/sql';

/** Who may refer: a collection, or the plan's actuals (rows without ids). */
type Referrer = CollectionKind | 'actuals';
const ACTUALS_WORDS = { singular: 'actual', plural: 'actuals' };
const words = (kind: Referrer) => (kind === 'actuals' ? ACTUALS_WORDS : CODECS[kind]);

interface Reference {
  /** The collection whose entities refer. */
  from: Referrer;
  table: string;
  columns: readonly string[];
  /** The column naming the referring entity (a child row counts for its parent). */
  owner: string;
}

const REFERENCES: Partial<Record<CollectionKind, readonly Reference[]>> = {
  phases: [
    { from: 'segments', table: 'segment_leads', columns: ['phase_id'], owner: 'segment_id' },
    { from: 'customers', table: 'customers', columns: ['breakthrough_phase_id'], owner: 'id' },
    { from: 'goals', table: 'goals', columns: ['phase_id'], owner: 'id' },
    { from: 'targets', table: 'targets', columns: ['phase_id'], owner: 'id' },
    { from: 'customers', table: 'customer_relationship_plan', columns: ['phase_id'], owner: 'customer_id' },
    { from: 'decisions', table: 'decisions', columns: ['phase_id'], owner: 'id' },
  ],
  funnels: [
    { from: 'segments', table: 'segments', columns: ['funnel_id'], owner: 'id' },
    { from: 'scenarios', table: 'scenario_stage_adjusts', columns: ['funnel_id'], owner: 'scenario_id' },
    { from: 'targets', table: 'targets', columns: ['funnel_id'], owner: 'id' },
  ],
  segments: [
    { from: 'customers', table: 'customers', columns: ['segment_id'], owner: 'id' },
    { from: 'phases', table: 'phase_focus_segments', columns: ['segment_id'], owner: 'phase_id' },
    { from: 'targets', table: 'targets', columns: ['segment_id'], owner: 'id' },
    { from: 'actuals', table: 'actuals', columns: ['segment_id'], owner: 'position' },
  ],
  people: [
    { from: 'customers', table: 'customers', columns: ['owner_ar', 'owner_sr', 'owner_fr'], owner: 'id' },
    { from: 'goals', table: 'goals', columns: ['owner_id'], owner: 'id' },
    { from: 'targets', table: 'targets', columns: ['owner_id'], owner: 'id' },
    { from: 'funnels', table: 'funnel_stages', columns: ['owner_id'], owner: 'funnel_id' },
    { from: 'decisions', table: 'decisions', columns: ['by_id'], owner: 'id' },
  ],
  customers: [{ from: 'goals', table: 'goals', columns: ['customer_id'], owner: 'id' }],
  targets: [{ from: 'phases', table: 'phase_exit_checks', columns: ['target_id'], owner: 'phase_id' }],
};

export interface ReferenceCount {
  kind: Referrer;
  count: number;
}

export function countReferences(db: Db, kind: CollectionKind, id: string): ReferenceCount[] {
  const out: ReferenceCount[] = [];
  for (const ref of REFERENCES[kind] ?? []) {
    const where = ref.columns.map((c) => `${c} = @id`).join(' OR ');
    const count = stmt(db, `SELECT count(DISTINCT ${ref.owner}) FROM ${ref.table} WHERE ${where}`).pluck().get({ id }) as number;
    if (count > 0) out.push({ kind: ref.from, count });
  }
  return out;
}

function listing(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function inUseError(kind: CollectionKind, id: string, name: string, refs: ReferenceCount[]): ApiError {
  const what = listing(refs.map((r) => `${r.count} ${r.count === 1 ? words(r.kind).singular : words(r.kind).plural}`));
  const label = name && name !== id ? `"${name}" (${id})` : `"${id}"`;
  return new ApiError(
    'in_use',
    `Cannot delete ${CODECS[kind].singular} ${label}: ${what} still refer${refs.length === 1 && refs[0]!.count === 1 ? 's' : ''} to it. Change or delete ${refs.length === 1 && refs[0]!.count === 1 ? 'it' : 'them'} first.`,
    { kind, id, references: refs },
  );
}
