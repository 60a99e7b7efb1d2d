import type { LeadEntry, Segment } from '../../../shared/plan/types';
import { rangeFromText, rangeToText, type EntityCodec } from './codec';

export const segmentCodec: EntityCodec<Segment> = {
  table: 'segments',
  singular: 'segment',
  plural: 'segments',
  columns: ['name', 'funnel_id'],
  toRow: (s) => [s.name, s.funnelId],
  fromRow: (r, c) => ({ id: r[c.id] as string, name: r[c.name] as string, funnelId: r[c.funnel_id] as string, leads: [] }),
  children: [
    {
      table: 'segment_leads',
      parent: 'segment_id',
      columns: ['phase_id', 'per_month'],
      rows: (s) => s.leads.map((l) => [l.phaseId ?? null, rangeToText(l.perMonth)]),
      attach(s, r, c) {
        const entry: LeadEntry = r[c.phase_id] === null ? { perMonth: rangeFromText(r[c.per_month]) } : { phaseId: r[c.phase_id] as string, perMonth: rangeFromText(r[c.per_month]) };
        s.leads.push(entry);
      },
    },
  ],
};
