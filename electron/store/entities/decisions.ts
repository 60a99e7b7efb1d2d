import type { Decision } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const decisionCodec: EntityCodec<Decision> = {
  table: 'decisions',
  singular: 'decision',
  plural: 'decisions',
  columns: ['at', 'text', 'phase_id', 'by_id'],
  toRow: (d) => [d.at, d.text, d.phaseId ?? null, d.byId ?? null],
  fromRow(r, c) {
    const d: Decision = { id: r[c.id] as string, at: r[c.at] as string, text: r[c.text] as string };
    if (r[c.phase_id] !== null) d.phaseId = r[c.phase_id] as string;
    if (r[c.by_id] !== null) d.byId = r[c.by_id] as string;
    return d;
  },
  children: [],
};
