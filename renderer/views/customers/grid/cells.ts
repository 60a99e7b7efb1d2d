// How each grid column shows a customer and how it is edited: free text, a
// number, or a choice from a list (tiers, segments, phases, statuses, people
// of the role). The choices come from the plan, labelled in the UI language.
import { formatMoney, type Translator } from '../../../../shared/i18n';
import { CUSTOMER_STATUSES, TIERS, type Customer, type Person, type Role } from '../../../../shared/plan/types';
import type { EditableColumn } from '../../../stores/customers/edits';
import type { GridColumn } from '../../../stores/customers/columns';
import type { Names } from '../../../stores/CustomersViewStore';

export interface Choice {
  value: string;
  label: string;
}

export type EditorKind = { kind: 'text' } | { kind: 'number' } | { kind: 'choice'; choices: Choice[] };

export interface PlanLists {
  segments: readonly { id: string; name: string }[];
  phases: readonly { id: string; name: string }[];
  people: readonly Person[];
}

const readinessFormats = new Map<string, Intl.NumberFormat>();

/** Readiness as a multiplier with two decimals, "×1.12", "×0.70". */
export function formatReadiness(r: number, tr: Translator): string {
  let f = readinessFormats.get(tr.locale);
  if (!f) readinessFormats.set(tr.locale, (f = new Intl.NumberFormat(tr.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  return `×${f.format(r)}`;
}

function people(lists: PlanLists, role: Role, current: string | null, tr: Translator): Choice[] {
  return [
    { value: '', label: tr.t('customers.none') },
    ...lists.people.filter((p) => p.role === role || p.id === current).map((p) => ({ value: p.id, label: p.name })),
  ];
}

export function editorOf(column: EditableColumn, c: Customer, lists: PlanLists, tr: Translator): EditorKind {
  switch (column) {
    case 'id':
    case 'name':
    case 'region':
    case 'industry':
      return { kind: 'text' };
    case 'potential':
      return { kind: 'number' };
    case 'tier':
      return { kind: 'choice', choices: TIERS.map((t) => ({ value: t, label: tr.t(`tier.${t}`) })) };
    case 'status':
      return { kind: 'choice', choices: CUSTOMER_STATUSES.map((s) => ({ value: s, label: tr.t(`status.${s}`) })) };
    case 'segment':
      return { kind: 'choice', choices: lists.segments.map((s) => ({ value: s.id, label: s.name })) };
    case 'phase':
      return {
        kind: 'choice',
        choices: [{ value: '', label: tr.t('customers.none') }, ...lists.phases.map((p) => ({ value: p.id, label: p.name }))],
      };
    case 'ownerAR':
      return { kind: 'choice', choices: people(lists, 'AR', c.owners.AR, tr) };
    case 'ownerSR':
      return { kind: 'choice', choices: people(lists, 'SR', c.owners.SR, tr) };
    case 'ownerFR':
      return { kind: 'choice', choices: people(lists, 'FR', c.owners.FR, tr) };
    default: {
      const never: never = column;
      return never;
    }
  }
}

const EMPTY = '—';

/** The text a cell shows (tier and status badges add their own look around it). */
export function displayText(
  c: Customer,
  column: Exclude<GridColumn, 'select' | 'details'>,
  readiness: number,
  names: Names,
  currency: string,
  tr: Translator,
): string {
  switch (column) {
    case 'id':
      return c.id;
    case 'name':
      return c.name;
    case 'tier':
      return tr.t(`tier.${c.tier}`);
    case 'segment':
      return names.segments.get(c.segmentId) ?? c.segmentId;
    case 'region':
      return c.region ?? EMPTY;
    case 'industry':
      return c.industry ?? EMPTY;
    case 'potential':
      return formatMoney(c.potential, currency, tr.locale);
    case 'readiness':
      return formatReadiness(readiness, tr);
    case 'phase':
      return c.breakthroughPhaseId ? (names.phases.get(c.breakthroughPhaseId) ?? c.breakthroughPhaseId) : EMPTY;
    case 'status':
      return tr.t(`status.${c.status}`);
    case 'ownerAR':
    case 'ownerSR':
    case 'ownerFR': {
      const id = c.owners[column.slice(5) as 'AR' | 'SR' | 'FR'];
      return id ? (names.people.get(id) ?? id) : EMPTY;
    }
    case 'needs':
      // One line in the grid; the whole text is the cell's title and in the detail panel.
      return c.needs?.trim() ? c.needs.trim().replace(/\s*\n\s*/g, ' · ') : EMPTY;
    default: {
      const never: never = column;
      return never;
    }
  }
}
