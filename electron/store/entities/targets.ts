import type { Target, TargetMetric } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const targetCodec: EntityCodec<Target> = {
  table: 'targets',
  singular: 'target',
  plural: 'targets',
  columns: ['phase_id', 'metric', 'value', 'owner_id', 'funnel_id', 'segment_id'],
  toRow: (t) => [t.phaseId, t.metric, t.value, t.ownerId, t.funnelId ?? null, t.segmentId ?? null],
  fromRow(r, c) {
    const t: Target = {
      id: r[c.id] as string,
      phaseId: r[c.phase_id] as string,
      metric: r[c.metric] as TargetMetric,
      value: r[c.value] as number,
      ownerId: r[c.owner_id] as string | null,
    };
    if (r[c.funnel_id] !== null) t.funnelId = r[c.funnel_id] as string;
    if (r[c.segment_id] !== null) t.segmentId = r[c.segment_id] as string;
    return t;
  },
  children: [],
};
