// What an edit of the Customers table writes: the whole customer with one
// field changed (the API replaces entities whole), the edits of a bulk
// change, and the edits that put deleted customers back. Pure functions; the
// view store sends what they build.
import type { Edit } from '../../../shared/api/contract';
import type { Customer, CustomerStatus, OwnerRole, Tier } from '../../../shared/plan/types';
import { parseNumberText } from '../../components/rangeDraft';

/** Columns the grid edits in place. */
export const EDITABLE_COLUMNS = [
  'id',
  'name',
  'tier',
  'segment',
  'region',
  'industry',
  'potential',
  'phase',
  'status',
  'ownerAR',
  'ownerSR',
  'ownerFR',
] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

export function isEditableColumn(id: string): id is EditableColumn {
  return (EDITABLE_COLUMNS as readonly string[]).includes(id);
}

export const OWNER_COLUMN: Record<OwnerRole, EditableColumn> = { AR: 'ownerAR', SR: 'ownerSR', FR: 'ownerFR' };

/** The text an editor starts from: what the cell stores, as typed. */
export function cellText(c: Customer, column: EditableColumn): string {
  switch (column) {
    case 'id':
      return c.id;
    case 'name':
      return c.name;
    case 'tier':
      return c.tier;
    case 'segment':
      return c.segmentId;
    case 'region':
      return c.region ?? '';
    case 'industry':
      return c.industry ?? '';
    case 'potential':
      return String(c.potential);
    case 'phase':
      return c.breakthroughPhaseId ?? '';
    case 'status':
      return c.status;
    case 'ownerAR':
      return c.owners.AR ?? '';
    case 'ownerSR':
      return c.owners.SR ?? '';
    case 'ownerFR':
      return c.owners.FR ?? '';
    default: {
      const never: never = column;
      return never;
    }
  }
}

/** Why the screen refuses an edit before sending it (the host's refusals come back as messages). */
export type LocalRefusal = { code: 'notNumber'; text: string };

export type CellEdit = { ok: true; value: Customer } | { ok: false; refusal: LocalRefusal };

/**
 * The customer with `column` set from what the user typed or picked. Text
 * is sent as typed — a formula-looking "=1+1" stays text — and the host's
 * schema judges it; only a number that is not a number is refused here,
 * since it cannot even be sent as one.
 */
export function withCellValue(c: Customer, column: EditableColumn, text: string): CellEdit {
  const next = structuredClone(c);
  switch (column) {
    case 'id':
      next.id = text.trim();
      break;
    case 'name':
      next.name = text;
      break;
    case 'tier':
      next.tier = text as Tier;
      break;
    case 'segment':
      next.segmentId = text;
      break;
    case 'region':
    case 'industry':
      if (text.trim() === '') delete next[column];
      else next[column] = text;
      break;
    case 'potential': {
      const n = parseNumberText(text, 'money');
      if (n === null || !Number.isFinite(n)) return { ok: false, refusal: { code: 'notNumber', text: text.trim() } };
      next.potential = n;
      break;
    }
    case 'phase':
      if (text === '') delete next.breakthroughPhaseId;
      else next.breakthroughPhaseId = text;
      break;
    case 'status':
      next.status = text as CustomerStatus;
      break;
    case 'ownerAR':
    case 'ownerSR':
    case 'ownerFR':
      next.owners = { ...next.owners, [column.slice(5) as OwnerRole]: text === '' ? null : text };
      break;
    default: {
      const never: never = column;
      return never;
    }
  }
  return { ok: true, value: next };
}

/** A bulk change: each field either left alone (absent) or set for every selected customer. */
export interface BulkPatch {
  tier?: Tier;
  /** '' clears the breakthrough phase. */
  phase?: string;
  status?: CustomerStatus;
  owners?: Partial<Record<OwnerRole, string | null>>;
}

export function isPatchEmpty(p: BulkPatch): boolean {
  return p.tier === undefined && p.phase === undefined && p.status === undefined && Object.keys(p.owners ?? {}).length === 0;
}

export function patched(c: Customer, p: BulkPatch): Customer {
  const next = structuredClone(c);
  if (p.tier !== undefined) next.tier = p.tier;
  if (p.status !== undefined) next.status = p.status;
  if (p.phase !== undefined) {
    if (p.phase === '') delete next.breakthroughPhaseId;
    else next.breakthroughPhaseId = p.phase;
  }
  if (p.owners) next.owners = { ...next.owners, ...p.owners };
  return next;
}

/** One update per customer the patch changes (unchanged ones are left out). */
export function bulkEdits(customers: readonly Customer[], p: BulkPatch): Edit[] {
  const edits: Edit[] = [];
  for (const c of customers) {
    const value = patched(c, p);
    if (JSON.stringify(value) !== JSON.stringify(c)) edits.push({ kind: 'customers', op: 'update', id: c.id, value });
  }
  return edits;
}

/** A deleted customer and where it stood in the plan's order. */
export interface Removed {
  customer: Customer;
  index: number;
}

/** Deleted customers with their positions, in plan order (what undo needs). */
export function removedOf(ids: ReadonlySet<string>, all: readonly Customer[]): Removed[] {
  const out: Removed[] = [];
  all.forEach((customer, index) => {
    if (ids.has(customer.id)) out.push({ customer, index });
  });
  return out;
}

/**
 * Creates that put deleted customers back where they were: ascending
 * positions, so each insert lands where it stood before the next one.
 */
export function restoreEdits(removed: readonly Removed[]): Edit[] {
  return [...removed]
    .sort((a, b) => a.index - b.index)
    .map(({ customer, index }) => ({ kind: 'customers', op: 'create', value: customer, index }));
}

/** A free id from a name: "Jiangnan Bank" → "jiangnan-bank"; else "customer-N". */
export function suggestId(name: string, taken: (id: string) => boolean): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  const base = slug || 'customer';
  if (slug && !taken(base)) return base;
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
