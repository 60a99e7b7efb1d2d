// Importing plan-format JSON: every rule of plan-format.md refuses the whole
// document with its own message at the right JSON path, and nothing is written.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanIssue } from '../../shared/plan/rules';
import type { Plan } from '../../shared/plan/types';
import { demoJson, smallPlan, startApp } from './store-helpers';

type Doc = Plan & Record<string, unknown>;

/** Imports `doc` (object or raw text), expects invalid_plan, checks nothing was written; returns the issues. */
async function importIssues(doc: unknown): Promise<PlanIssue[]> {
  const t = startApp();
  const before = readdirSync(t.dataDir).sort();
  const plansBefore = readdirSync(join(t.dataDir, 'plans')).sort();
  const json = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const err = await t.fail('file.importJson', { json, path: join(t.dataDir, 'imported.salesplan') });
  expect(err.code).toBe('invalid_plan');
  expect(err.message).toMatch(/^The plan was not imported; nothing was written/);
  expect(readdirSync(t.dataDir).sort()).toEqual(before);
  expect(readdirSync(join(t.dataDir, 'plans')).sort()).toEqual(plansBefore);
  // The open plan is still the one from before.
  expect((await t.call('file.current', {}))?.path).toContain(join(t.dataDir, 'plans'));
  return (err.details as { issues: PlanIssue[] }).issues;
}

function edited(change: (p: Doc) => void): Doc {
  const p = smallPlan() as Doc;
  change(p);
  return p;
}

const CASES: [string, (p: Doc) => void, string, RegExp][] = [
  ['an unknown key', (p) => ((p.plan as unknown as Record<string, unknown>).colour = 'red'), 'plan.colour', /^unknown key$/],
  ['an unknown top-level key', (p) => (p.extra = 1), 'extra', /^unknown key$/],
  ['a wrong enum value', (p) => ((p.customers[1] as unknown as Record<string, unknown>).tier = 'X'), 'customers[1].tier', /expected one of "S"\|"A"\|"B"\|"C"/],
  ['a duplicate id', (p) => (p.customers[1]!.id = 'c1'), 'customers[1].id', /^duplicate id "c1"$/],
  ['a duplicate stage key', (p) => (p.funnels[0]!.stages[1]!.key = 'lead'), 'funnels[0].stages[1].key', /^duplicate stage key "lead"$/],
  ['payment shares not summing to 1', (p) => (p.funnels[0]!.payments[1]!.share = 0.4), 'funnels[0].payments', /must sum to 1 \(they sum to 0\.9\)/],
  ['a payment share of 0', (p) => (p.funnels[0]!.payments[1]!.share = 0), 'funnels[0].payments[1].share', /must be > 0/],
  ['overlapping phases', (p) => (p.phases[1]!.start = '2027-05'), 'phases[1]', /^overlaps phase "p1" \(2027-01…2027-06\)$/],
  ['a phase outside the horizon', (p) => (p.phases[1]!.end = '2029-03'), 'phases[1].end', /outside the plan horizon \(2027-01, 24 months\)/],
  ['a phase ending before it starts', (p) => (p.phases[1]!.end = '2027-03'), 'phases[1].end', /ends \(2027-03\) before it starts \(2027-07\)/],
  ['an unknown segment', (p) => (p.customers[0]!.segmentId = 'nope'), 'customers[0].segmentId', /^refers to unknown segment "nope"$/],
  ['an unknown owner', (p) => (p.customers[0]!.owners.FR = 'ghost'), 'customers[0].owners.FR', /^refers to unknown person "ghost"$/],
  ['an unknown breakthrough phase', (p) => (p.customers[0]!.breakthroughPhaseId = 'p9'), 'customers[0].breakthroughPhaseId', /unknown phase "p9"/],
  ['an unknown funnel', (p) => (p.segments[0]!.funnelId = 'mtc'), 'segments[0].funnelId', /unknown funnel "mtc"/],
  ['an unknown lead-entry phase', (p) => (p.segments[0]!.leads[1]!.phaseId = 'p7'), 'segments[0].leads[1].phaseId', /unknown phase "p7"/],
  ['two default lead entries', (p) => p.segments[0]!.leads.push({ perMonth: 1 }), 'segments[0].leads[2]', /only one default lead entry/],
  ['two lead entries for one phase', (p) => p.segments[0]!.leads.push({ phaseId: 'p2', perMonth: 1 }), 'segments[0].leads[2]', /only one lead entry for phase "p2"/],
  ['a goal for an unknown customer', (p) => (p.goals[0]!.customerId = 'c9'), 'goals[0].customerId', /unknown customer "c9"/],
  ['a goal owned by an unknown person', (p) => (p.goals[0]!.ownerId = 'x'), 'goals[0].ownerId', /unknown person "x"/],
  ['a target in an unknown phase', (p) => (p.targets[0]!.phaseId = 'p5'), 'targets[0].phaseId', /unknown phase "p5"/],
  ['a scenario adjusting an unknown funnel', (p) => (p.scenarios[0]!.adjust.stages![0]!.funnelId = 'f9'), 'scenarios[0].adjust.stages[0].funnelId', /unknown funnel "f9"/],
  ['a scenario adjusting an unknown stage', (p) => (p.scenarios[0]!.adjust.stages![0]!.stageKey = 'sign'), 'scenarios[0].adjust.stages[0].stageKey', /funnel "ltc" has no stage "sign"/],
  ['an entry stage past the last stage', (p) => (p.customers[0]!.entryStage = 2), 'customers[0].entryStage', /entry stage 2 does not exist: the funnel has stages 0…1/],
  ['a range with mode above max', (p) => (p.funnels[0]!.dealSize = { min: 1, mode: 5, max: 3 }), 'funnels[0].dealSize', /min ≤ mode ≤ max/],
  ['a conversion above 1', (p) => (p.funnels[0]!.stages[0]!.conversion = 1.2), 'funnels[0].stages[0].conversion', /≤ 1/],
  ['a name over 200 characters', (p) => (p.people[0]!.name = 'x'.repeat(201)), 'people[0].name', /at most 200 characters/],
  ['a description over 10,000 characters', (p) => (p.plan.description = 'x'.repeat(10_001)), 'plan.description', /at most 10000 characters/],
  ['a malformed month', (p) => (p.goals[0]!.due = '2027-13'), 'goals[0].due', /month "YYYY-MM"/],
  ['a malformed id', (p) => (p.people[1]!.id = 'zhao min'), 'people[1].id', /1–64 characters/],
  ['a relationship score above 4', (p) => (p.customers[0]!.relationship.key = 5), 'customers[0].relationship.key', /<=4|≤ ?4|too big/i],
];

describe('import refuses an invalid plan, naming each problem and where it is', () => {
  it.each(CASES)('%s', async (_name, change, path, message) => {
    const issues = await importIssues(edited(change));
    const at = issues.filter((i) => i.path === path);
    expect(at, JSON.stringify(issues)).toHaveLength(1);
    expect(at[0]!.message).toMatch(message);
  });

  it('lists every problem of a document, not just the first', async () => {
    const issues = await importIssues(
      edited((p) => {
        p.customers[0]!.segmentId = 'nope';
        p.goals[0]!.ownerId = 'x';
        p.phases[1]!.start = '2027-05';
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['customers[0].segmentId', 'goals[0].ownerId', 'phases[1]']);
  });

  it('finds the problem at its index in a large collection: customers[12].tier', async () => {
    const demo = demoJson() as Doc;
    (demo.customers[12] as unknown as Record<string, unknown>).tier = 'SS';
    const issues = await importIssues(demo);
    expect(issues.map((i) => i.path)).toEqual(['customers[12].tier']);
  });

  it('refuses a non-finite number (1e400 parses to Infinity)', async () => {
    const text = JSON.stringify(smallPlan()).replace('"potential":1000', '"potential":1e400');
    const issues = await importIssues(text);
    expect(issues).toEqual([{ path: 'customers[0].potential', message: expect.stringMatching(/finite|Infinity|number/i) }]);
  });

  it('refuses a newer format version, naming both versions', async () => {
    const issues = await importIssues({ ...smallPlan(), formatVersion: 3 });
    expect(issues).toEqual([
      { path: 'formatVersion', message: 'this plan is format version 3; this app reads format version 2 — update the app to open it' },
    ]);
  });

  it('refuses a document that is not a plan', async () => {
    expect(await importIssues({ format: 'something-else' })).toEqual([{ path: 'format', message: expect.stringContaining('not a sales-strategy plan') }]);
    expect((await importIssues('[1, 2]'))[0]!.message).toBe('a plan must be a JSON object');
    expect((await importIssues('{"format": "sales-strategy-plan",'))[0]!.message).toMatch(/^not valid JSON/);
  });

  it('refuses more than 50 MB before parsing it', async () => {
    // Not JSON at all: had it been parsed, the message would be a syntax error.
    const big = `{${' '.repeat(51 * 1024 * 1024)}`;
    const issues = await importIssues(big);
    expect(issues).toEqual([{ path: '', message: 'the file is 51.0 MB; plans over 50 MB are refused' }]);
  });
});
