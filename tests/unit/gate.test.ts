// Phase-gate review (shared/plan/gate.ts): every check kind reaching every
// status, against hand-counted plans; target checks never pass without a
// fresh run of the plan as entered.
import { describe, expect, it } from 'vitest';
import { AT_RISK_MARGIN, evaluateCheck, evaluatePhaseGate, gateRunOf, statusOf, type GatePlan, type GateRun } from '../../shared/plan/gate';
import type { Customer, ExitCheck, Goal, Phase, Target } from '../../shared/plan/types';

const phase: Phase = { id: 'p1', name: 'Entry', stage: 'entry', start: '2027-01', end: '2027-06' };

function customer(id: string, over: Partial<Customer> = {}): Customer {
  return {
    id, name: id, segmentId: 'fin', tier: 'S', potential: 1, status: 'target',
    relationship: { key: 1, broad: 1, organizational: 1 },
    owners: { AR: 'wang', SR: 'li', FR: 'zhao' },
    breakthroughPhaseId: 'p1',
    ...over,
  };
}
const goal = (id: string, status: Goal['status'], phaseId = 'p1'): Goal => ({
  id, phaseId, customerId: null, title: id, metric: 'custom', target: 1, due: '2027-06', ownerId: null, status,
});
const target: Target = { id: 't1', phaseId: 'p1', metric: 'bookings', value: 1e6, ownerId: null };
const plan = (over: Partial<GatePlan> = {}): GatePlan => ({ customers: [], goals: [], targets: [target], ...over });
const run = (p: number | null, stale = false): GateRun => gateRunOf(stale, [{ targets: [{ id: 't1', probability: p }] }]);

describe('statusOf: the thresholds', () => {
  it('pass at or above, at risk within 10 points below, fail further below', () => {
    expect(AT_RISK_MARGIN).toBe(0.1);
    expect(statusOf(0.7, 0.7)).toBe('pass');
    expect(statusOf(0.65, 0.7)).toBe('atRisk');
    expect(statusOf(0.6, 0.7)).toBe('atRisk');
    expect(statusOf(0.55, 0.7)).toBe('fail');
    expect(statusOf(2 / 3, 0.67)).toBe('pass'); // two of three meets a share written as 0.67
  });
});

describe('target checks: the latest run of the plan as entered', () => {
  const check: ExitCheck = { kind: 'target', targetId: 't1', probability: 0.7 };
  it('pass, at risk and fail from the run’s probability, with the probability as evidence', () => {
    expect(evaluateCheck(phase, check, plan(), run(0.82))).toMatchObject({ status: 'pass', measured: 0.82, required: 0.7 });
    expect(evaluateCheck(phase, check, plan(), run(0.62)).status).toBe('atRisk');
    expect(evaluateCheck(phase, check, plan(), run(0.3)).status).toBe('fail');
  });
  it('not simulated without a run, with a stale run, or an expected-value run — never passed', () => {
    expect(evaluateCheck(phase, check, plan(), null)).toMatchObject({ status: 'notSimulated', why: 'noRun', measured: null });
    expect(evaluateCheck(phase, check, plan(), run(0.99, true))).toMatchObject({ status: 'notSimulated', why: 'stale' });
    expect(evaluateCheck(phase, check, plan(), run(null))).toMatchObject({ status: 'notSimulated', why: 'notInRun' });
    const other = gateRunOf(false, [{ targets: [{ id: 't9', probability: 1 }] }]);
    expect(evaluateCheck(phase, check, plan(), other)).toMatchObject({ status: 'notSimulated', why: 'notInRun' });
  });
});

describe('coverage checks: the iron triangle on the phase’s breakthrough customers', () => {
  const check: ExitCheck = { kind: 'coverage', tiers: ['S', 'A'], roles: ['AR', 'SR', 'FR'], share: 1 };
  it('counts only customers of those tiers breaking through in this phase, and names the uncovered', () => {
    const customers = [
      customer('full'),
      customer('noFR', { owners: { AR: 'wang', SR: 'li', FR: null } }),
      customer('tierB', { tier: 'B', owners: { AR: null, SR: null, FR: null } }),
      customer('otherPhase', { breakthroughPhaseId: 'p2', owners: { AR: null, SR: null, FR: null } }),
    ];
    const e = evaluateCheck(phase, check, plan({ customers }), null);
    expect(e).toMatchObject({ status: 'fail', measured: 0.5, total: 2, meeting: 1, short: ['noFR'] });
  });
  it('at risk within 10 points, pass when every one is covered (a run is not needed)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => customer(`c${i}`, i === 0 ? { owners: { AR: 'wang', SR: null, FR: 'zhao' } } : {}));
    expect(evaluateCheck(phase, check, plan({ customers: ten }), null).status).toBe('atRisk');
    const onlyAR: ExitCheck = { ...check, roles: ['AR'] };
    expect(evaluateCheck(phase, onlyAR, plan({ customers: ten }), null)).toMatchObject({ status: 'pass', measured: 1 });
  });
  it('no customer in scope: nothing falls short, so it passes with a count of 0', () => {
    expect(evaluateCheck(phase, check, plan(), null)).toMatchObject({ status: 'pass', total: 0 });
  });
});

describe('relationship checks: today’s level on one layer', () => {
  const check: ExitCheck = { kind: 'relationship', layer: 'key', level: 3, share: 0.5 };
  const at = (id: string, key: number) => customer(id, { relationship: { key, broad: 0, organizational: 0 } });
  it('pass, at risk and fail by the share at or above the level', () => {
    expect(evaluateCheck(phase, check, plan({ customers: [at('a', 3), at('b', 1)] }), null).status).toBe('pass');
    const ten = Array.from({ length: 10 }, (_, i) => at(`c${i}`, i < 4 ? 4 : 2));
    expect(evaluateCheck(phase, check, plan({ customers: ten }), null)).toMatchObject({ status: 'atRisk', measured: 0.4 });
    const e = evaluateCheck(phase, check, plan({ customers: [at('a', 2), at('b', 1), at('c', 3)] }), null);
    expect(e).toMatchObject({ status: 'fail', meeting: 1, short: ['a', 'b'] });
  });
  it('ignores the planned levels (relationshipPlan): the gate looks at today', () => {
    const planned = customer('a', { relationship: { key: 1, broad: 1, organizational: 1 }, relationshipPlan: { p1: { key: 4, broad: 4, organizational: 4 } } });
    expect(evaluateCheck(phase, check, plan({ customers: [planned] }), null).status).toBe('fail');
  });
});

describe('goals checks: the share of the phase’s goals achieved', () => {
  const check: ExitCheck = { kind: 'goals', share: 0.6 };
  it('pass, at risk and fail; goals of other phases do not count', () => {
    const goals = [goal('a', 'achieved'), goal('b', 'achieved'), goal('c', 'inProgress'), goal('x', 'missed', 'p2')];
    expect(evaluateCheck(phase, check, plan({ goals }), null)).toMatchObject({ status: 'pass', total: 3, meeting: 2, short: ['c'] });
    const half = [goal('a', 'achieved'), goal('b', 'missed')];
    expect(evaluateCheck(phase, check, plan({ goals: half }), null).status).toBe('atRisk');
    const none = [goal('a', 'notStarted'), goal('b', 'missed')];
    expect(evaluateCheck(phase, check, plan({ goals: none }), null)).toMatchObject({ status: 'fail', measured: 0 });
  });
});

describe('a phase’s gate: the worst of its checks', () => {
  it('fail beats at risk beats not simulated beats pass; no checks: no status', () => {
    const goals = [goal('a', 'achieved')];
    const checks = (list: ExitCheck[]) => evaluatePhaseGate({ ...phase, exitChecks: list }, plan({ goals }), run(0.65));
    const pass: ExitCheck = { kind: 'goals', share: 1 };
    const risk: ExitCheck = { kind: 'target', targetId: 't1', probability: 0.7 };
    const fail: ExitCheck = { kind: 'target', targetId: 't1', probability: 0.9 };
    expect(checks([pass]).status).toBe('pass');
    expect(checks([pass, risk]).status).toBe('atRisk');
    expect(checks([risk, fail, pass]).status).toBe('fail');
    expect(evaluatePhaseGate({ ...phase, exitChecks: [pass, risk] }, plan({ goals }), null).status).toBe('notSimulated');
    expect(checks([]).status).toBeNull();
  });
});
