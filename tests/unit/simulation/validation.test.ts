// A plan that makes the engine meaningless is refused with a typed error
// naming the problem, before any work starts.

import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/plan/types';
import {
  expectedValue,
  requiredLeads,
  sensitivity,
  simulate,
  SimulationInputError,
  validateSimulationInput,
} from '../../../shared/simulation';
import type { SimulationInputErrorCode } from '../../../shared/simulation';
import { smallPlan } from './helpers';

function expectError(fn: () => unknown, code: SimulationInputErrorCode, mentions: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SimulationInputError);
    expect((e as SimulationInputError).code).toBe(code);
    expect((e as Error).message).toContain(mentions);
    return;
  }
  throw new Error(`expected SimulationInputError ${code}`);
}

const edit = (f: (p: Plan) => void): Plan => {
  const p = smallPlan();
  f(p);
  return p;
};

describe('bad input', () => {
  const cases: [string, Plan, object, SimulationInputErrorCode, string][] = [
    ['no funnels', edit((p) => { p.funnels = []; p.segments = []; p.customers = []; }), {}, 'noFunnels', 'no funnels'],
    ['a funnel without stages', edit((p) => { p.funnels[1]!.stages = []; }), {}, 'noStages', 'funnels[1].stages'],
    ['no segments', edit((p) => { p.segments = []; p.customers = []; }), {}, 'noSegments', 'no segments'],
    ['a segment with no funnel', edit((p) => { p.segments[1]!.funnelId = ''; }), {}, 'segmentWithoutFunnel', 'segments[1].funnelId'],
    ['a segment with an unknown funnel', edit((p) => { p.segments[0]!.funnelId = 'nope'; }), {}, 'unknownFunnel', '"nope"'],
    ['a target scoped to an unknown funnel', edit((p) => { p.targets[0]!.funnelId = 'nope'; }), {}, 'unknownFunnel', 'targets[0].funnelId'],
    ['a target scoped to an unknown segment', edit((p) => { p.targets[1]!.segmentId = 'nope'; }), {}, 'unknownSegment', 'targets[1].segmentId'],
    ['a target scoped to both a funnel and a segment', edit((p) => { p.targets[0]!.funnelId = 'ltc'; p.targets[0]!.segmentId = 'bank'; }), {}, 'invalidScope', 'targets[0]'],
    ['a firstContract goal in an unknown phase', edit((p) => { p.goals[0]!.phaseId = 'nope'; }), {}, 'unknownPhase', 'goals[0].phaseId'],
    ['too few trials', smallPlan(), { trials: 99 }, 'trialsOutOfRange', '99'],
    ['too many trials', smallPlan(), { trials: 1_000_001 }, 'trialsOutOfRange', '1000001'],
    ['fractional trials', smallPlan(), { trials: 150.5 }, 'trialsOutOfRange', '150.5'],
    ['plan trials out of range', edit((p) => { p.plan.trials = 50; }), {}, 'trialsOutOfRange', 'plan.trials'],
    ['an unknown scenario', smallPlan(), { scenarioId: 'dream' }, 'unknownScenario', '"dream"'],
    ['a bad seed', smallPlan(), { seed: -1 }, 'invalidSeed', 'seed'],
    ['a Range with min > mode', edit((p) => { p.funnels[0]!.dealSize = { min: 5, mode: 1, max: 9 }; }), {}, 'invalidRange', 'funnels[0].dealSize'],
    ['a conversion above 1', edit((p) => { p.funnels[0]!.stages[1]!.conversion = 1.5; }), {}, 'invalidRange', 'stages[1].conversion'],
    ['payments not summing to 1', edit((p) => { p.funnels[0]!.payments[0]!.share = 0.5; }), {}, 'invalidPayments', 'funnels[0].payments'],
    ['a lead entry of an unknown phase', edit((p) => { p.segments[0]!.leads[1]!.phaseId = 'p9'; }), {}, 'unknownPhase', 'segments[0].leads[1].phaseId'],
    ['a pursuit in an unknown segment', edit((p) => { p.customers[0]!.segmentId = 'x'; }), {}, 'unknownSegment', 'customers[0].segmentId'],
  ];
  for (const [name, plan, opts, code, mentions] of cases) {
    it(`refuses ${name} (${code})`, () => {
      let progressed = false;
      const hooks = { onProgress: () => (progressed = true) };
      expectError(() => simulate(plan, { ...opts, hooks }), code, mentions);
      expectError(() => validateSimulationInput(plan, opts), code, mentions);
      expect(progressed).toBe(false);
    });
  }

  it('applies the same checks to the other entry points', () => {
    const noFunnels = edit((p) => { p.funnels = []; p.segments = []; p.customers = []; });
    expectError(() => expectedValue(noFunnels), 'noFunnels', 'no funnels');
    expectError(() => expectedValue(smallPlan(), { scenarioId: 'dream' }), 'unknownScenario', 'dream');
    expectError(() => requiredLeads(smallPlan(), { targetId: 'nope' }), 'unknownTarget', 'nope');
    expectError(() => requiredLeads(smallPlan(), { targetId: 't-wins', probability: 1.5 }), 'invalidOption', 'probability');
    expectError(() => requiredLeads(smallPlan(), { targetId: 't-wins', trials: 10 }), 'trialsOutOfRange', '10');
    expectError(() => sensitivity(smallPlan(), { phaseId: 'p9' }), 'unknownPhase', 'p9');
    expectError(() => sensitivity(smallPlan(), { metric: 'happiness' as never }), 'unknownMetric', 'happiness');
  });

  it('accepts a valid plan and the boundary trial counts', () => {
    expect(() => validateSimulationInput(smallPlan(), { trials: 100 })).not.toThrow();
    expect(() => validateSimulationInput(smallPlan(), { trials: 1_000_000, scenarioId: 'slow' })).not.toThrow();
  });
});
