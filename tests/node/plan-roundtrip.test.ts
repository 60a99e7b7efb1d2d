// import → export is the identity: the demo plans and hand-written plans that
// exercise every optional field, both forms of Range, empty collections and
// unusual text all come back exactly as they went in.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan/types';
import { appWithPlan, demoJson, smallPlan } from './store-helpers';

async function roundTrip(plan: unknown): Promise<{ exported: unknown; text: string; got: Plan }> {
  const t = await appWithPlan(plan as Plan);
  const { json } = await t.call('file.exportJson', {});
  const { plan: got } = await t.call('plan.get', {});
  return { exported: JSON.parse(json), text: json, got };
}

function everyOptionalField(): Plan {
  const p = smallPlan();
  p.plan.description = 'Line one\nLine two — with "quotes", back\\slashes and tabs\t.';
  p.phases[0]!.intent = 'Enter the market';
  p.phases[0]!.exitCriteria = [];
  p.phases.push({
    id: 'p.3_x-y', name: 'Expansion', stage: 'expansion', start: '2028-01', end: '2028-12', exitCriteria: ['a', 'b', 'c'],
    focusSegmentIds: [], exitChecks: [],
  });
  p.customers[0] = {
    ...p.customers[0]!,
    region: 'Shanghai',
    industry: '',
    factors: { transactionPath: 1, customerExperience: 2, productValue: 3, customerTrust: 4, customerRelationship: 5, salesSkill: 3, pricePerformance: 3 },
    entryStage: 0,
    firstDeal: { min: 0, mode: 0, max: 0 },
  };
  p.customers[1] = { ...p.customers[1]!, factors: {}, firstDeal: 1234567.89 };
  p.customers.push({ ...p.customers[1]!, id: 'c3', name: 'Partial factors', factors: { salesSkill: 5 }, firstDeal: 1e15 });
  p.scenarios.push({ id: 'flat', name: 'Flat', adjust: {} }, { id: 'none', name: 'No stages', adjust: { dealSize: 0, days: 1.5, stages: [] } });
  p.funnels[0]!.stages[0]!.days = { min: 0, mode: 0.5, max: 1e-9 + 0.5 };
  p.funnels[0]!.payments = [{ share: 0.1, days: 0 }, { share: 0.2, days: { min: 1, mode: 2, max: 3 } }, { share: 0.7, days: 365 }];
  p.segments.push({ id: 'empty', name: 'No leads', funnelId: 'ltc', leads: [] });
  p.goals.push({ id: 'g2', phaseId: 'p2', customerId: null, title: 'Reference site', metric: 'custom', target: -2.5, due: '2027-12', ownerId: null, status: 'notStarted' });
  p.targets.push({ id: 't2', phaseId: 'p2', metric: 'winRate', value: 0.35, ownerId: null });
  return p;
}

/** Every key plan-format v2 added, each optional one both present and absent somewhere. */
function everyV2Key(): Plan {
  const p = everyOptionalField();
  p.segments.push({ id: 'gov', name: 'Government', funnelId: 'ltc', leads: [{ perMonth: 2 }] });
  p.people.push({ id: 'zhou', name: 'Zhou Min', role: 'platform', customerLimit: 0 }, { id: 'sun', name: 'Sun Yi', role: 'AR', customerLimit: 10000 });
  p.funnels[0]!.stages[0]!.ownerId = 'zhou';
  p.targets.push(
    { id: 't3', phaseId: 'p1', metric: 'salesCycleDays', value: 60, ownerId: null, funnelId: 'ltc' },
    { id: 't4', phaseId: 'p1', metric: 'deliveryCycleDays', value: 45, ownerId: 'zhou', segmentId: 'fin' },
    { id: 't5', phaseId: 'p2', metric: 'cashCycleDays', value: 90, ownerId: null },
  );
  p.phases[0]!.focusSegmentIds = ['fin', 'gov'];
  p.phases[0]!.exitChecks = [
    { kind: 'target', targetId: 't3', probability: 0.7 },
    { kind: 'coverage', tiers: ['S', 'A'], roles: ['AR', 'SR', 'FR'], share: 1, note: 'Iron triangle on every key account' },
    { kind: 'relationship', layer: 'key', level: 3, share: 0.8 },
    { kind: 'goals', share: 0, note: '' },
  ];
  p.phases[1]!.exitChecks = [{ kind: 'target', targetId: 't5', probability: 1, note: '按期回款' }];
  p.customers[0] = {
    ...p.customers[0]!,
    needs: 'Branch network refresh; wants one vendor for campus and DC',
    relationshipPlan: { p1: { key: 2, broad: 2, organizational: 1 }, p2: { key: 3, broad: 3, organizational: 2 } },
  };
  p.customers[1] = { ...p.customers[1]!, needs: '', relationshipPlan: {} };
  p.goals[0]!.status = 'inProgress';
  p.goals.push({ id: 'g3', phaseId: 'p2', customerId: 'c1', title: 'Missed one', metric: 'shareOfWallet', target: 0.2, due: '2027-12', ownerId: null, status: 'missed' });
  p.goals[1]!.status = 'achieved';
  p.tiering = { method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 };
  p.decisions = [
    { id: 'd1', at: '2027-03-14T10:05:00Z', text: 'Move two SRs from government to banking in phase 2', phaseId: 'p2', byId: 'wang' },
    { id: 'd2', at: '2027-04-01T09:00:00.250+08:00', text: '只做园区网' },
  ];
  p.actuals = [
    { month: '2027-02', metric: 'wins', value: 3, segmentId: 'fin' },
    { month: '2027-02', metric: 'wins', value: 4 },
    { month: '2027-01', metric: 'cash', value: 1234567.5, segmentId: 'gov' },
    { month: '2028-12', metric: 'leads', value: 0 },
  ];
  return p;
}

describe('import → export is the identity', () => {
  it.each(['en', 'zh-CN'] as const)('on the %s demo plan', async (lang) => {
    const demo = demoJson(lang);
    const { exported, got } = await roundTrip(demo);
    expect(exported).toStrictEqual(demo);
    expect(got).toStrictEqual(demo);
  });

  it('on a plan using every optional field, both Range forms and edge numbers', async () => {
    const plan = everyOptionalField();
    const { exported } = await roundTrip(plan);
    expect(exported).toStrictEqual(plan);
  });

  it('on a version-2 document using every key v2 added', async () => {
    const plan = everyV2Key();
    const { exported, got } = await roundTrip(plan);
    expect(exported).toStrictEqual(plan);
    expect(got).toStrictEqual(plan);
  });

  it('makes the v2 defaults explicit: focus segments, exit checks, goal status, decisions, actuals', async () => {
    const plan = smallPlan() as unknown as Record<string, unknown> & Plan;
    const { phases, goals, actuals: _a, ...rest } = plan;
    const bare = {
      ...rest,
      phases: phases.map(({ focusSegmentIds: _f, exitChecks: _e, ...ph }) => ph),
      goals: goals.map(({ status: _s, ...g }) => g),
    };
    const { exported } = await roundTrip(bare);
    expect(exported).toStrictEqual(smallPlan());
  });

  it('keeps optional fields absent when they were absent (no nulls, no empty defaults)', async () => {
    const plan = smallPlan();
    const { exported } = await roundTrip(plan);
    const e = exported as Plan;
    expect(Object.keys(e.plan)).not.toContain('description');
    expect(Object.keys(e.phases[0]!)).toEqual(['id', 'name', 'stage', 'start', 'end', 'focusSegmentIds', 'exitChecks']);
    expect(e).not.toHaveProperty('tiering');
    expect(e.funnels[0]!.stages[0]).not.toHaveProperty('ownerId');
    expect(e.people[0]).not.toHaveProperty('customerLimit');
    expect(e.customers[0]).not.toHaveProperty('needs');
    expect(e.customers[0]).not.toHaveProperty('relationshipPlan');
    expect(e.targets[0]).not.toHaveProperty('funnelId');
    expect(e.targets[0]).not.toHaveProperty('segmentId');
    expect(e.customers[1]).not.toHaveProperty('factors');
    expect(e.customers[1]).not.toHaveProperty('firstDeal');
    expect(e.customers[1]).not.toHaveProperty('entryStage');
    expect(e.scenarios[0]!.adjust).not.toHaveProperty('conversion');
    expect(e.segments[0]!.leads[0]).toStrictEqual({ perMonth: 5 });
  });

  it('tells present-but-empty from absent: exitCriteria [], factors {}, adjust.stages [], adjust {}', async () => {
    const { exported } = await roundTrip(everyOptionalField());
    const e = exported as Plan;
    expect(e.phases[0]!.exitCriteria).toStrictEqual([]);
    expect(e.customers[1]!.factors).toStrictEqual({});
    expect(e.customers[2]!.factors).toStrictEqual({ salesSkill: 5 });
    expect(e.scenarios[1]!.adjust).toStrictEqual({});
    expect(e.scenarios[2]!.adjust.stages).toStrictEqual([]);
  });

  it('keeps a number a number and a range a range', async () => {
    const { exported } = await roundTrip(everyOptionalField());
    const f = (exported as Plan).funnels[0]!;
    expect(f.stages[0]!.conversion).toBe(0.5);
    expect(f.stages[1]!.conversion).toStrictEqual({ min: 0.2, mode: 0.3, max: 0.5 });
    expect(f.deliveryDays).toBe(30);
    expect((exported as Plan).customers[1]!.firstDeal).toBe(1234567.89);
  });

  it('on empty collections, and writes collections left out as []', async () => {
    const base = smallPlan();
    const bare = { format: base.format, formatVersion: base.formatVersion, plan: base.plan };
    const { exported } = await roundTrip(bare);
    expect(exported).toStrictEqual({
      ...bare, phases: [], funnels: [], segments: [], people: [], customers: [], goals: [], targets: [], scenarios: [], decisions: [], actuals: [],
    });
  });

  it('on unicode text: CJK, emoji, right-to-left, combining marks, control characters', async () => {
    const plan = smallPlan();
    plan.plan.name = '华东区企业园区网络 — 🚀 plan';
    plan.plan.description = 'عربى · עברית · é (e\u0301) · \u0000\u0007 · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 · "\\"';
    plan.customers[0]!.name = '上海银行 · 张三的客户 👍🏽';
    plan.people[0]!.name = 'Ｗａｎｇ　Ｌｉ';
    plan.phases[1]!.exitCriteria = ['签约 2 家 S 级客户', '🎯'];
    const { exported } = await roundTrip(plan);
    expect(exported).toStrictEqual(plan);
  });

  it('writes keys in plan-format order, pretty-printed, ending in a newline', async () => {
    const { text } = await roundTrip(everyV2Key());
    expect(text.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(text) as Plan;
    expect(Object.keys(doc)).toEqual([
      'format', 'formatVersion', 'plan', 'phases', 'funnels', 'segments', 'people', 'customers', 'goals', 'targets', 'scenarios',
      'tiering', 'decisions', 'actuals',
    ]);
    expect(Object.keys(doc.plan)).toEqual(['name', 'description', 'currency', 'startMonth', 'horizonMonths', 'seed', 'trials']);
    expect(Object.keys(doc.funnels[0]!)).toEqual(['id', 'name', 'process', 'stages', 'dealSize', 'deliveryDays', 'payments']);
    expect(Object.keys(doc.customers[0]!)).toEqual([
      'id', 'name', 'segmentId', 'tier', 'relationship', 'potential', 'region', 'industry', 'owners', 'factors',
      'breakthroughPhaseId', 'entryStage', 'firstDeal', 'status', 'needs', 'relationshipPlan',
    ]);
    expect(text).toContain('\n  "plan": {\n    "name": ');
  });
});
