import type { Scenario, ScenarioAdjust } from '../../../shared/plan/types';
import type { EntityCodec } from './codec';

const MULTIPLIERS = [
  ['leads', 'adj_leads'],
  ['conversion', 'adj_conversion'],
  ['dealSize', 'adj_deal_size'],
  ['days', 'adj_days'],
] as const;

export const scenarioCodec: EntityCodec<Scenario> = {
  table: 'scenarios',
  singular: 'scenario',
  plural: 'scenarios',
  columns: [...MULTIPLIERS.map(([, col]) => col), 'name', 'has_stage_adjusts'],
  toRow: (s) => [...MULTIPLIERS.map(([key]) => s.adjust[key] ?? null), s.name, s.adjust.stages ? 1 : 0],
  fromRow(r, c) {
    const adjust: ScenarioAdjust = {};
    for (const [key, col] of MULTIPLIERS) if (r[c[col]!] !== null) adjust[key] = r[c[col]!] as number;
    if (r[c.has_stage_adjusts] === 1) adjust.stages = [];
    return { id: r[c.id] as string, name: r[c.name] as string, adjust };
  },
  children: [
    {
      table: 'scenario_stage_adjusts',
      parent: 'scenario_id',
      columns: ['funnel_id', 'stage_key', 'conversion'],
      rows: (s) => (s.adjust.stages ?? []).map((a) => [a.funnelId, a.stageKey, a.conversion]),
      attach: (s, r, c) =>
        s.adjust.stages!.push({ funnelId: r[c.funnel_id] as string, stageKey: r[c.stage_key] as string, conversion: r[c.conversion] as number }),
    },
  ],
};
