import type { Target, TargetMetric } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const targetCodec: EntityCodec<Target> = {
  table: 'targets',
  singular: 'target',
  plural: 'targets',
  columns: ['phase_id', 'metric', 'value', 'owner_id'],
  toRow: (t) => [t.phaseId, t.metric, t.value, t.ownerId],
  fromRow: (r, c) => ({
    id: r[c.id] as string,
    phaseId: r[c.phase_id] as string,
    metric: r[c.metric] as TargetMetric,
    value: r[c.value] as number,
    ownerId: r[c.owner_id] as string | null,
  }),
  children: [],
};
