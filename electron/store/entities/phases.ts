import type { ExitCheck, OwnerRole, Phase, PhaseStage, RelationshipLayer, Tier } from '../../../shared/plan/types';
import type { ColumnIndex, EntityCodec, RowValues } from './codec';

// One row per exit check: the columns its kind uses, the others NULL.
const EXIT_CHECK_COLUMNS = ['kind', 'target_id', 'probability', 'tiers', 'roles', 'layer', 'level', 'share', 'note'] as const;

function exitCheckRow(e: ExitCheck): unknown[] {
  const row: Record<(typeof EXIT_CHECK_COLUMNS)[number], unknown> = {
    kind: e.kind, target_id: null, probability: null, tiers: null, roles: null, layer: null, level: null, share: null, note: e.note ?? null,
  };
  if (e.kind === 'target') Object.assign(row, { target_id: e.targetId, probability: e.probability });
  if (e.kind === 'coverage') Object.assign(row, { tiers: JSON.stringify(e.tiers), roles: JSON.stringify(e.roles), share: e.share });
  if (e.kind === 'relationship') Object.assign(row, { layer: e.layer, level: e.level, share: e.share });
  if (e.kind === 'goals') row.share = e.share;
  return EXIT_CHECK_COLUMNS.map((col) => row[col]);
}

/** Built in plan-format key order (kind first, note last), so export reads like the document. */
function exitCheckFromRow(r: RowValues, c: ColumnIndex): ExitCheck {
  let e: ExitCheck;
  switch (r[c.kind] as ExitCheck['kind']) {
    case 'target':
      e = { kind: 'target', targetId: r[c.target_id] as string, probability: r[c.probability] as number };
      break;
    case 'coverage':
      e = { kind: 'coverage', tiers: JSON.parse(r[c.tiers] as string) as Tier[], roles: JSON.parse(r[c.roles] as string) as OwnerRole[], share: r[c.share] as number };
      break;
    case 'relationship':
      e = { kind: 'relationship', layer: r[c.layer] as RelationshipLayer, level: r[c.level] as number, share: r[c.share] as number };
      break;
    default:
      e = { kind: 'goals', share: r[c.share] as number };
  }
  if (r[c.note] !== null) e.note = r[c.note] as string;
  return e;
}

export const phaseCodec: EntityCodec<Phase> = {
  table: 'phases',
  singular: 'phase',
  plural: 'phases',
  columns: ['name', 'stage', 'start_month', 'end_month', 'intent', 'has_exit_criteria'],
  toRow: (p) => [p.name, p.stage, p.start, p.end, p.intent ?? null, p.exitCriteria ? 1 : 0],
  fromRow(r, c) {
    const p: Phase = {
      id: r[c.id] as string,
      name: r[c.name] as string,
      stage: r[c.stage] as PhaseStage,
      start: r[c.start_month] as string,
      end: r[c.end_month] as string,
    };
    if (r[c.intent] !== null) p.intent = r[c.intent] as string;
    if (r[c.has_exit_criteria] === 1) p.exitCriteria = [];
    p.focusSegmentIds = [];
    p.exitChecks = [];
    return p;
  },
  children: [
    {
      table: 'phase_exit_criteria',
      parent: 'phase_id',
      columns: ['text'],
      rows: (p) => (p.exitCriteria ?? []).map((text) => [text]),
      attach: (p, r, c) => p.exitCriteria!.push(r[c.text] as string),
    },
    {
      table: 'phase_focus_segments',
      parent: 'phase_id',
      columns: ['segment_id'],
      rows: (p) => (p.focusSegmentIds ?? []).map((id) => [id]),
      attach: (p, r, c) => p.focusSegmentIds!.push(r[c.segment_id] as string),
    },
    {
      table: 'phase_exit_checks',
      parent: 'phase_id',
      columns: EXIT_CHECK_COLUMNS,
      rows: (p) => (p.exitChecks ?? []).map(exitCheckRow),
      attach: (p, r, c) => p.exitChecks!.push(exitCheckFromRow(r, c)),
    },
  ],
};
