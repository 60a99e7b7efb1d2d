import type { Phase, PhaseStage } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

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
  ],
};
