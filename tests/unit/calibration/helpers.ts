// A small hand-checkable funnel and deal history for the calibration tests.
import type { Funnel, Segment } from '../../../shared/plan/types';

export const funnel: Funnel = {
  id: 'f',
  name: 'Direct',
  process: 'ltc',
  stages: [
    { key: 'lead', name: 'Lead', conversion: { min: 0.4, mode: 0.5, max: 0.6 }, days: { min: 5, mode: 10, max: 15 } },
    { key: 'qual', name: 'Qualified', conversion: { min: 0.5, mode: 0.8, max: 0.9 }, days: 10 },
    { key: 'prop', name: 'Proposal', conversion: 0.6, days: { min: 10, mode: 20, max: 40 } },
  ],
  dealSize: { min: 50, mode: 150, max: 500 },
  deliveryDays: 30,
  payments: [{ share: 1, days: 30 }],
};

export const segment: Segment = {
  id: 'fin',
  name: 'Finance',
  funnelId: 'f',
  leads: [{ phaseId: 'p1', perMonth: 4 }, { perMonth: { min: 1, mode: 3, max: 6 } }],
};

/** Seven deals: four won (10, 20, 30, 40 days; 100…400), two lost, one open; Jan–Mar 2024 in full. */
export const HISTORY = [
  ['Opportunity ID', 'Created Date', 'Close Date', 'Stage', 'Amount', 'Last stage', 'Segment'],
  ['o1', '2024-01-01', '2024-01-11', 'Closed Won', '100', '', 'Finance'],
  ['o2', '2024-01-05', '2024-01-25', 'Closed Won', '200', '', 'fin'],
  ['o3', '2024-01-10', '2024-02-09', '赢单', '300', '', 'Finance'],
  ['o4', '2024-02-01', '2024-03-12', 'Won', '400', '', 'Finance'],
  ['o5', '2024-02-15', '2024-03-01', 'Closed Lost', '', 'Qualified', 'Finance'],
  ['o6', '2024-03-01', '2024-03-31', '输单', '50', 'lead', 'Finance'],
  ['o7', '2024-03-20', '', 'Open', '', 'prop', 'Finance'],
];

export const COLUMNS = { id: 0, created: 1, closed: 2, outcome: 3, value: 4 } as const;
