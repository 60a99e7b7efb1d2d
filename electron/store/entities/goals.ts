import type { Goal, GoalMetric, GoalStatus } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

export const goalCodec: EntityCodec<Goal> = {
  table: 'goals',
  singular: 'goal',
  plural: 'goals',
  columns: ['phase_id', 'customer_id', 'title', 'metric', 'target', 'due', 'owner_id', 'status'],
  toRow: (g) => [g.phaseId, g.customerId, g.title, g.metric, g.target, g.due, g.ownerId, g.status ?? 'notStarted'],
  fromRow: (r, c) => ({
    id: r[c.id] as string,
    phaseId: r[c.phase_id] as string,
    customerId: r[c.customer_id] as string | null,
    title: r[c.title] as string,
    metric: r[c.metric] as GoalMetric,
    target: r[c.target] as number,
    due: r[c.due] as string,
    ownerId: r[c.owner_id] as string | null,
    status: r[c.status] as GoalStatus,
  }),
  children: [],
};
