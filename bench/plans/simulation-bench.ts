// The benchmark plan of issue #3: 36 months, four phases, three segments —
// two B2B segments on an LTC funnel and one B2C segment (~1,000,000 leads a
// month) on an MTC funnel — with triangular stage delays, three payments per
// funnel, named breakthrough pursuits, targets on every kind of metric and
// two scenarios. Generated in code so the shape is obvious and reviewable.

import type { Plan } from '../../shared/plan/types';

const tri = (min: number, mode: number, max: number) => ({ min, mode, max });

export function benchPlan(): Plan {
  const owners = { AR: null, SR: null, FR: null };
  return {
    format: 'sales-strategy-plan',
    formatVersion: 2,
    plan: {
      name: 'Benchmark — campus network and consumer devices',
      currency: 'CNY',
      startMonth: '2027-01',
      horizonMonths: 36,
      seed: 20270101,
      trials: 10000,
    },
    phases: [
      { id: 'p1', name: 'Insight and entry', stage: 'entry', start: '2027-01', end: '2027-06' },
      { id: 'p2', name: 'Breakthrough', stage: 'breakthrough', start: '2027-07', end: '2027-12' },
      { id: 'p3', name: 'Expansion', stage: 'expansion', start: '2028-01', end: '2028-12' },
      { id: 'p4', name: 'Consolidation', stage: 'consolidation', start: '2029-01', end: '2029-12' },
    ],
    funnels: [
      {
        id: 'ltc',
        name: 'LTC — key accounts',
        process: 'ltc',
        stages: [
          { key: 'lead', name: 'Manage leads', conversion: tri(0.35, 0.45, 0.55), days: tri(7, 14, 30) },
          { key: 'opportunity', name: 'Validate opportunity', conversion: 0.6, days: tri(14, 30, 60) },
          { key: 'guide', name: 'Guide the customer', conversion: tri(0.6, 0.7, 0.8), days: tri(20, 30, 45) },
          { key: 'solution', name: 'Build the solution', conversion: 0.75, days: tri(15, 30, 50) },
          { key: 'bid', name: 'Bid and negotiate', conversion: tri(0.3, 0.4, 0.5), days: tri(14, 21, 35) },
        ],
        dealSize: tri(300_000, 800_000, 3_000_000),
        deliveryDays: tri(30, 60, 120),
        payments: [
          { share: 0.3, days: tri(15, 30, 45) },
          { share: 0.6, days: tri(90, 120, 180) },
          { share: 0.1, days: 365 },
        ],
      },
      {
        id: 'mtc',
        name: 'MTC — consumers',
        process: 'mtc',
        stages: [
          { key: 'trend', name: 'Target-market trend', conversion: tri(0.15, 0.2, 0.25), days: tri(0, 2, 7) },
          { key: 'intent', name: 'Purchase intent', conversion: tri(0.25, 0.3, 0.4), days: tri(1, 5, 14) },
          { key: 'visit', name: 'Store visit', conversion: 0.5, days: tri(0, 1, 3) },
          { key: 'compare', name: 'Comparison', conversion: tri(0.3, 0.4, 0.5), days: tri(0, 3, 10) },
          { key: 'purchase', name: 'Purchase', conversion: 0.8, days: tri(0, 0.5, 2) },
        ],
        dealSize: tri(2_000, 4_500, 9_000),
        deliveryDays: tri(0, 2, 7),
        payments: [
          { share: 0.5, days: 0 },
          { share: 0.25, days: tri(25, 30, 35) },
          { share: 0.25, days: tri(55, 60, 65) },
        ],
      },
    ],
    segments: [
      {
        id: 'fin',
        name: 'Banks',
        funnelId: 'ltc',
        leads: [{ perMonth: 30 }, { phaseId: 'p3', perMonth: tri(30, 40, 60) }, { phaseId: 'p4', perMonth: tri(35, 45, 70) }],
      },
      { id: 'mfg', name: 'Manufacturers', funnelId: 'ltc', leads: [{ perMonth: tri(10, 15, 25) }] },
      {
        id: 'consumers',
        name: 'Consumers',
        funnelId: 'mtc',
        leads: [
          { perMonth: tri(800_000, 1_000_000, 1_200_000) },
          { phaseId: 'p1', perMonth: tri(300_000, 500_000, 700_000) },
        ],
      },
    ],
    people: [{ id: 'wang', name: 'Wang Li', role: 'AR' }],
    customers: [
      {
        id: 'bank-a', name: 'A city bank', segmentId: 'fin', tier: 'S',
        relationship: { key: 1, broad: 2, organizational: 0 }, potential: 20_000_000, owners,
        factors: { productValue: 4, customerTrust: 2 }, breakthroughPhaseId: 'p1', entryStage: 1,
        firstDeal: tri(1_000_000, 2_000_000, 5_000_000), status: 'target',
      },
      {
        id: 'bank-b', name: 'A provincial bank', segmentId: 'fin', tier: 'A',
        relationship: { key: 3, broad: 3, organizational: 2 }, potential: 8_000_000, owners,
        breakthroughPhaseId: 'p2', entryStage: 2, status: 'engaged',
      },
      {
        id: 'auto-c', name: 'A car maker', segmentId: 'mfg', tier: 'S',
        relationship: { key: 2, broad: 1, organizational: 1 }, potential: 30_000_000, owners,
        factors: { transactionPath: 4, salesSkill: 4 }, breakthroughPhaseId: 'p2', status: 'target',
      },
    ],
    goals: [],
    targets: [
      { id: 't1', phaseId: 'p1', metric: 'bookings', value: 30_000_000, ownerId: null },
      { id: 't2', phaseId: 'p2', metric: 'wins', value: 20_000, ownerId: null },
      { id: 't3', phaseId: 'p3', metric: 'cash', value: 2_000_000_000, ownerId: null },
      { id: 't4', phaseId: 'p3', metric: 'newKeyCustomers', value: 1, ownerId: null },
      { id: 't5', phaseId: 'p4', metric: 'winRate', value: 0.35, ownerId: null },
      { id: 't6', phaseId: 'p4', metric: 'salesCycleDays', value: 20, ownerId: null },
      { id: 't7', phaseId: 'p4', metric: 'revenue', value: 3_000_000_000, ownerId: null },
    ],
    scenarios: [
      {
        id: 'pessimistic', name: 'Pessimistic',
        adjust: { leads: 0.8, conversion: 0.9, dealSize: 1, days: 1.2, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 0.8 }] },
      },
      { id: 'optimistic', name: 'Optimistic', adjust: { leads: 1.15, conversion: 1.05 } },
    ],
  };
}
