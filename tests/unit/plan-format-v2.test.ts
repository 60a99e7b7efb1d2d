// The rules plan-format v2 added (shared/docs/plan-format.md, "Version 2"):
// each accepted when right and refused with its own message at its JSON
// path when wrong; reserved ids; and the upgrade of a version-1 document.
import { describe, expect, it } from 'vitest';
import { validatePlan, type PlanParseResult } from '../../shared/plan/parse';
import type { Plan } from '../../shared/plan/types';
import { smallPlan } from '../node/store-plans';

type Doc = Plan & Record<string, unknown>;
type Loose = Record<string, unknown>;

/** A valid v2 plan using every new key. */
function v2(): Doc {
  const p = smallPlan() as Doc;
  p.segments.push({ id: 'gov', name: 'Government', funnelId: 'ltc', leads: [] });
  p.people.push({ id: 'zhou', name: 'Zhou Min', role: 'platform', customerLimit: 12 });
  p.funnels[0]!.stages[0]!.ownerId = 'zhou';
  p.targets.push({ id: 't2', phaseId: 'p1', metric: 'winRate', value: 0.3, ownerId: null, funnelId: 'ltc' });
  p.phases[0]!.focusSegmentIds = ['fin'];
  p.phases[0]!.exitChecks = [
    { kind: 'target', targetId: 't1', probability: 0.7 },
    { kind: 'coverage', tiers: ['S', 'A'], roles: ['AR', 'SR'], share: 1 },
    { kind: 'relationship', layer: 'key', level: 3, share: 0.8, note: 'Key people on side' },
    { kind: 'goals', share: 0.8 },
  ];
  p.customers[0]!.needs = 'One vendor for campus and DC';
  p.customers[0]!.relationshipPlan = { p1: { key: 2, broad: 2, organizational: 1 } };
  p.goals[0]!.status = 'inProgress';
  p.tiering = { method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 };
  p.decisions = [{ id: 'd1', at: '2027-03-14T10:05:00Z', text: 'Banks first', phaseId: 'p1', byId: 'wang' }];
  p.actuals = [
    { month: '2027-02', metric: 'wins', value: 3, segmentId: 'fin' },
    { month: '2027-02', metric: 'wins', value: 3 },
  ];
  return p;
}

function issues(doc: unknown): { path: string; message: string }[] {
  const r: PlanParseResult = validatePlan(JSON.parse(JSON.stringify(doc)));
  return r.ok ? [] : r.issues;
}

function edited(change: (p: Doc) => void): Doc {
  const p = v2();
  change(p);
  return p;
}
const check = (p: Doc, i: number) => p.phases[0]!.exitChecks![i] as unknown as Loose;

const CASES: [string, (p: Doc) => void, string, RegExp][] = [
  ['an unknown focus segment', (p) => p.phases[0]!.focusSegmentIds!.push('retail'), 'phases[0].focusSegmentIds[1]', /^refers to unknown segment "retail"$/],
  ['an exit check naming an unknown target', (p) => (check(p, 0).targetId = 't9'), 'phases[0].exitChecks[0].targetId', /^refers to unknown target "t9"$/],
  ['an exit check naming a target of another phase', (p) => (p.targets[0]!.phaseId = 'p2'), 'phases[0].exitChecks[0].targetId', /belongs to phase "p2", not to this phase "p1"/],
  ['a probability above 1', (p) => (check(p, 0).probability = 1.5), 'phases[0].exitChecks[0].probability', /between 0 and 1/],
  ['a negative share', (p) => (check(p, 3).share = -0.1), 'phases[0].exitChecks[3].share', /between 0 and 1/],
  ['a relationship level of 5', (p) => (check(p, 2).level = 5), 'phases[0].exitChecks[2].level', /level 0…4/],
  ['an empty tier list', (p) => (check(p, 1).tiers = []), 'phases[0].exitChecks[1].tiers', /at least one/],
  ['a repeated role', (p) => (check(p, 1).roles = ['AR', 'AR']), 'phases[0].exitChecks[1].roles', /must not list a value twice/],
  ['a coverage role that is not an iron-triangle role', (p) => (check(p, 1).roles = ['platform']), 'phases[0].exitChecks[1].roles[0]', /expected one of "AR"\|"SR"\|"FR"/],
  ['an exit check of unknown kind', (p) => (check(p, 3).kind = 'vibes'), 'phases[0].exitChecks[3].kind', /./],
  ['a note over 500 characters', (p) => (check(p, 2).note = 'x'.repeat(501)), 'phases[0].exitChecks[2].note', /at most 500 characters/],
  ['a key another kind of check does not take', (p) => (check(p, 3).level = 2), 'phases[0].exitChecks[3].level', /^unknown key$/],
  ['a stage owned by an unknown person', (p) => (p.funnels[0]!.stages[1]!.ownerId = 'ghost'), 'funnels[0].stages[1].ownerId', /^refers to unknown person "ghost"$/],
  ['a customer limit above 10,000', (p) => (p.people[2]!.customerLimit = 10_001), 'people[2].customerLimit', /at most 10000/],
  ['a fractional customer limit', (p) => (p.people[2]!.customerLimit = 2.5), 'people[2].customerLimit', /whole number/],
  ['an unknown role', (p) => ((p.people[2] as unknown as Loose).role = 'wolf'), 'people[2].role', /"platform"/],
  ['needs over 10,000 characters', (p) => (p.customers[0]!.needs = 'x'.repeat(10_001)), 'customers[0].needs', /at most 10000 characters/],
  ['a relationship plan for an unknown phase', (p) => (p.customers[0]!.relationshipPlan!.p7 = { key: 1, broad: 1, organizational: 1 }), 'customers[0].relationshipPlan.p7', /unknown phase "p7"/],
  ['a planned level above 4', (p) => (p.customers[0]!.relationshipPlan!.p1!.broad = 6), 'customers[0].relationshipPlan.p1.broad', /./],
  ['an unknown goal status', (p) => ((p.goals[0] as unknown as Loose).status = 'done'), 'goals[0].status', /"notStarted"/],
  ['a target scoped by an unknown funnel', (p) => (p.targets[1]!.funnelId = 'mtc'), 'targets[1].funnelId', /^refers to unknown funnel "mtc"$/],
  ['a target scoped by an unknown segment', (p) => (p.targets[0]!.segmentId = 'retail'), 'targets[0].segmentId', /^refers to unknown segment "retail"$/],
  ['a target scoped by funnel and segment', (p) => (p.targets[1]!.segmentId = 'fin'), 'targets[1].segmentId', /by "funnelId" or by "segmentId", not both/],
  ['the v1 metric cycleDays in a v2 document', (p) => ((p.targets[0] as unknown as Loose).metric = 'cycleDays'), 'targets[0].metric', /"salesCycleDays"/],
  ['a tiering share above 1', (p) => (p.tiering = { method: 'share', scope: 'all', S: 1.2, A: 0, B: 0 }), 'tiering.S', /a share must be between 0 and 1/],
  ['tiering shares summing above 1', (p) => (p.tiering = { method: 'share', scope: 'all', S: 0.5, A: 0.4, B: 0.3 }), 'tiering', /sum to at most 1 \(they sum to 1\.2\)/],
  ['a negative tiering threshold', (p) => (p.tiering = { method: 'threshold', scope: 'all', S: 10, A: 5, B: -1 }), 'tiering.B', /a threshold must be ≥ 0/],
  ['tiering thresholds increasing', (p) => (p.tiering = { method: 'threshold', scope: 'all', S: 10, A: 20, B: 5 }), 'tiering.A', /must not be above the S threshold/],
  ['an unknown tiering method', (p) => ((p.tiering as unknown as Loose).method = 'vibes'), 'tiering.method', /"share"\|"threshold"/],
  ['a duplicate decision id', (p) => p.decisions!.push({ id: 'd1', at: '2027-03-15T10:05:00Z', text: 'Again' }), 'decisions[1].id', /^duplicate id "d1"$/],
  ['a decision in an unknown phase', (p) => (p.decisions![0]!.phaseId = 'p4'), 'decisions[0].phaseId', /^refers to unknown phase "p4"$/],
  ['a decision by an unknown person', (p) => (p.decisions![0]!.byId = 'x'), 'decisions[0].byId', /^refers to unknown person "x"$/],
  ['a decision time without an offset', (p) => (p.decisions![0]!.at = '2027-03-14T10:05:00'), 'decisions[0].at', /ISO 8601 time with an offset/],
  ['a decision time that does not exist', (p) => (p.decisions![0]!.at = '2027-02-30T25:05:00Z'), 'decisions[0].at', /./],
  ['an empty decision text', (p) => (p.decisions![0]!.text = ' '), 'decisions[0].text', /must not be empty/],
  ['a decision text over 2,000 characters', (p) => (p.decisions![0]!.text = 'x'.repeat(2001)), 'decisions[0].text', /at most 2000 characters/],
  ['an actual for an unknown segment', (p) => (p.actuals![0]!.segmentId = 'retail'), 'actuals[0].segmentId', /^refers to unknown segment "retail"$/],
  ['an actual outside the horizon', (p) => (p.actuals![1]!.month = '2029-01'), 'actuals[1].month', /outside the plan horizon \(2027-01, 24 months\)/],
  ['two actuals for one month, metric and segment', (p) => p.actuals!.push({ month: '2027-02', metric: 'wins', value: 1, segmentId: 'fin' }), 'actuals[2]', /a second wins actual for 2027-02 in segment "fin"/],
  ['two whole-plan actuals for one month and metric', (p) => p.actuals!.push({ month: '2027-02', metric: 'wins', value: 1 }), 'actuals[2]', /a second wins actual for 2027-02 \(whole plan\)/],
  ['a negative actual', (p) => (p.actuals![0]!.value = -1), 'actuals[0].value', /≥ 0/],
  ['an actual of a metric that is not recorded', (p) => ((p.actuals![0] as unknown as Loose).metric = 'winRate'), 'actuals[0].metric', /"leads"/],
  ['an id "__proto__"', (p) => (p.decisions![0]!.id = '__proto__'), 'decisions[0].id', /is reserved/],
  ['an id "constructor"', (p) => (p.people[2]!.id = 'constructor'), 'people[2].id', /is reserved/],
  ['an id "prototype"', (p) => (p.phases[1]!.id = 'prototype'), 'phases[1].id', /is reserved/],
];

describe('plan-format v2 rules', () => {
  it('accepts a document using every new key', () => {
    expect(issues(v2())).toEqual([]);
  });

  it.each(CASES)('refuses %s, at its path', (_name, change, path, message) => {
    const found = issues(edited(change));
    const at = found.filter((i) => i.path === path);
    expect(at, JSON.stringify(found)).toHaveLength(1);
    expect(at[0]!.message).toMatch(message);
  });

  it('accepts the edge values: shares 0 and 1, level 0 and 4, limit 0 and 10,000, thresholds equal', () => {
    const p = v2();
    p.phases[0]!.exitChecks = [
      { kind: 'goals', share: 0 },
      { kind: 'target', targetId: 't1', probability: 1 },
      { kind: 'relationship', layer: 'organizational', level: 0, share: 1 },
      { kind: 'relationship', layer: 'broad', level: 4, share: 0 },
    ];
    p.people[2]!.customerLimit = 0;
    p.people[1]!.customerLimit = 10_000;
    p.tiering = { method: 'threshold', scope: 'all', S: 5, A: 5, B: 0 };
    expect(issues(p)).toEqual([]);
    p.tiering = { method: 'share', scope: 'all', S: 0.2, A: 0.3, B: 0.5 };
    expect(issues(p)).toEqual([]);
  });

  it('refuses "__proto__" as a relationship-plan key without touching any prototype', () => {
    const text = JSON.stringify(v2()).replace('"relationshipPlan":{"p1"', '"relationshipPlan":{"__proto__"');
    const r = validatePlan(JSON.parse(text));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toContain('customers[0].relationshipPlan.__proto__');
    expect(({} as Loose).key).toBeUndefined();
  });
});

describe('reading a version-1 document', () => {
  function v1(): Loose {
    const p = JSON.parse(JSON.stringify(smallPlan())) as Loose & Plan;
    p.formatVersion = 1 as never;
    p.phases.forEach((ph) => {
      delete ph.focusSegmentIds;
      delete ph.exitChecks;
    });
    p.goals.forEach((g) => delete g.status);
    delete p.decisions;
    delete p.actuals;
    (p.targets as unknown as Loose[]).push({ id: 't2', phaseId: 'p2', metric: 'cycleDays', value: 40, ownerId: null });
    return p;
  }

  it('upgrades it: formatVersion 2, cycleDays → salesCycleDays, every other value kept, defaults filled', () => {
    const doc = v1();
    const r = validatePlan(doc);
    expect(r.ok).toBe(true);
    const plan = (r as { plan: Plan }).plan;
    expect(plan.formatVersion).toBe(2);
    expect(plan.targets[1]).toEqual({ id: 't2', phaseId: 'p2', metric: 'salesCycleDays', value: 40, ownerId: null });
    expect(plan.targets[0]).toEqual(smallPlan().targets[0]);
    expect(plan.phases.map((ph) => [ph.focusSegmentIds, ph.exitChecks])).toEqual([[[], []], [[], []]]);
    expect(plan.goals[0]!.status).toBe('notStarted');
    expect([plan.decisions, plan.actuals]).toEqual([[], []]);
    expect(plan.customers).toEqual(smallPlan().customers);
    // The caller's document is not changed.
    expect((doc.targets as Loose[])[1]!.metric).toBe('cycleDays');
    expect(doc.formatVersion).toBe(1);
  });

  it('refuses a version-1 document that uses keys or values of version 2, naming each', () => {
    const doc = v1() as Loose & Plan;
    (doc as Loose).decisions = [];
    doc.people[0]!.role = 'platform';
    doc.goals[0]!.status = 'achieved';
    (doc.targets[1] as unknown as Loose).metric = 'deliveryCycleDays';
    doc.funnels[0]!.stages[0]!.ownerId = 'wang';
    expect(issues(doc).map((i) => i.path)).toEqual([
      'decisions', 'goals[0].status', 'funnels[0].stages[0].ownerId', 'people[0].role', 'targets[1].metric',
    ]);
    expect(issues(doc)[0]!.message).toBe('"decisions" is new in format version 2, but the document says "formatVersion": 1');
  });

  it('refuses format versions it does not know, naming both for a newer one', () => {
    expect(issues({ ...v1(), formatVersion: 3 })).toEqual([
      { path: 'formatVersion', message: 'this plan is format version 3; this app reads format version 2 — update the app to open it' },
    ]);
    expect(issues({ ...v1(), formatVersion: 0 })[0]!.message).toMatch(/must be 1 or 2/);
    expect(issues({ ...v1(), formatVersion: '2' })[0]!.path).toBe('formatVersion');
  });
});
