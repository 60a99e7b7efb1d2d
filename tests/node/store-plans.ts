// Plans the node tests build on. No test-runner imports here: the crash
// test's child process is bundled from this file too.
import type { Plan } from '../../shared/plan/types';

/** A small plan touching every collection, for edit tests. */
export function smallPlan(): Plan {
  return {
    format: 'sales-strategy-plan',
    formatVersion: 2,
    plan: { name: 'Test plan', currency: 'CNY', startMonth: '2027-01', horizonMonths: 24, seed: 7, trials: 1000 },
    phases: [
      { id: 'p1', name: 'Entry', stage: 'entry', start: '2027-01', end: '2027-06', focusSegmentIds: [], exitChecks: [] },
      {
        id: 'p2', name: 'Breakthrough', stage: 'breakthrough', start: '2027-07', end: '2027-12', exitCriteria: ['two wins'],
        focusSegmentIds: [], exitChecks: [],
      },
    ],
    funnels: [
      {
        id: 'ltc',
        name: 'LTC',
        process: 'ltc',
        stages: [
          { key: 'lead', name: 'Lead', conversion: 0.5, days: 10 },
          { key: 'bid', name: 'Bid', conversion: { min: 0.2, mode: 0.3, max: 0.5 }, days: 20 },
        ],
        dealSize: { min: 100, mode: 200, max: 400 },
        deliveryDays: 30,
        payments: [{ share: 0.5, days: 30 }, { share: 0.5, days: 90 }],
      },
    ],
    segments: [{ id: 'fin', name: 'Banks', funnelId: 'ltc', leads: [{ perMonth: 5 }, { phaseId: 'p2', perMonth: 8 }] }],
    people: [
      { id: 'wang', name: 'Wang Li', role: 'AR' },
      { id: 'zhao', name: 'Zhao Min', role: 'SR' },
    ],
    customers: [
      {
        id: 'c1',
        name: 'City Bank',
        segmentId: 'fin',
        tier: 'S',
        relationship: { key: 1, broad: 2, organizational: 0 },
        potential: 1000,
        owners: { AR: 'wang', SR: 'zhao', FR: null },
        breakthroughPhaseId: 'p1',
        entryStage: 1,
        status: 'target',
      },
      {
        id: 'c2',
        name: 'Rural Bank',
        segmentId: 'fin',
        tier: 'B',
        relationship: { key: 0, broad: 0, organizational: 0 },
        potential: 50,
        owners: { AR: null, SR: null, FR: null },
        status: 'engaged',
      },
    ],
    goals: [
      { id: 'g1', phaseId: 'p1', customerId: 'c1', title: 'First contract', metric: 'firstContract', target: 1, due: '2027-06', ownerId: 'wang', status: 'notStarted' },
    ],
    targets: [{ id: 't1', phaseId: 'p1', metric: 'bookings', value: 500, ownerId: 'zhao' }],
    scenarios: [
      { id: 'low', name: 'Low', adjust: { leads: 0.8, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 0.9 }] } },
    ],
    decisions: [{ id: 'd0', at: '2027-01-04T09:00:00+08:00', text: 'Start with the city banks' }],
    actuals: [],
  };
}

