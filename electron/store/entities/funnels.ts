import type { Funnel, Process, Stage } from '../../../shared/plan/types';
import { rangeFromText, rangeToText, type EntityCodec } from './codec';

export const funnelCodec: EntityCodec<Funnel> = {
  table: 'funnels',
  singular: 'funnel',
  plural: 'funnels',
  columns: ['name', 'process', 'deal_size', 'delivery_days'],
  toRow: (f) => [f.name, f.process, rangeToText(f.dealSize), rangeToText(f.deliveryDays)],
  fromRow: (r, c) => ({
    id: r[c.id] as string,
    name: r[c.name] as string,
    process: r[c.process] as Process,
    stages: [],
    dealSize: rangeFromText(r[c.deal_size]),
    deliveryDays: rangeFromText(r[c.delivery_days]),
    payments: [],
  }),
  children: [
    {
      table: 'funnel_stages',
      parent: 'funnel_id',
      columns: ['key', 'name', 'conversion', 'days', 'owner_id'],
      rows: (f) => f.stages.map((s) => [s.key, s.name, rangeToText(s.conversion), rangeToText(s.days), s.ownerId ?? null]),
      attach(f, r, c) {
        const stage: Stage = {
          key: r[c.key] as string,
          name: r[c.name] as string,
          conversion: rangeFromText(r[c.conversion]),
          days: rangeFromText(r[c.days]),
        };
        if (r[c.owner_id] !== null) stage.ownerId = r[c.owner_id] as string;
        f.stages.push(stage);
      },
    },
    {
      table: 'funnel_payments',
      parent: 'funnel_id',
      columns: ['share', 'days'],
      rows: (f) => f.payments.map((p) => [p.share, rangeToText(p.days)]),
      attach: (f, r, c) => f.payments.push({ share: r[c.share] as number, days: rangeFromText(r[c.days]) }),
    },
  ],
};
