// The edits plan-format v2 added, through the dispatcher: the tiering rule,
// actuals, decisions and the new fields of existing entities. Each is one
// transaction checked against the v2 rules (refusals name the JSON path and
// change nothing), recorded in the history, and undone and redone whole.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan/types';
import { harness, smallPlan } from './store-helpers';

function withExitCheck(): Plan {
  const p = smallPlan();
  p.people.push({ id: 'zhou', name: 'Zhou Min', role: 'platform' });
  p.funnels[0]!.stages[0]!.ownerId = 'zhou';
  p.phases[0]!.focusSegmentIds = ['fin'];
  p.phases[0]!.exitChecks = [{ kind: 'target', targetId: 't1', probability: 0.7 }];
  p.targets.push({ id: 't2', phaseId: 'p2', metric: 'deliveryCycleDays', value: 40, ownerId: null, segmentId: 'fin' });
  return p;
}

describe('tiering.set', () => {
  it('sets, replaces and removes the rule; each an undoable edit', async () => {
    const h = await harness();
    const rule = { method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 } as const;
    expect(await h.call('tiering.set', { tiering: rule })).toEqual({ revision: 1, value: rule });
    // scope defaults to "all".
    const { value } = await h.call('tiering.set', { tiering: { method: 'threshold', S: 1000, A: 500, B: 100 } });
    expect(value).toEqual({ method: 'threshold', scope: 'all', S: 1000, A: 500, B: 100 });
    await h.call('tiering.set', { tiering: null });
    expect((await h.plan()).plan).not.toHaveProperty('tiering');
    expect(h.changes().map((c) => c.summary)).toEqual(['Removed the tiering rule', 'Changed the tiering rule', 'Changed the tiering rule']);
    expect(h.changes()[0]!.items).toEqual([{ kind: 'tiering', op: 'update', entityId: null, prevId: null, before: value, after: null }]);
    await h.call('history.undo', {});
    expect((await h.plan()).plan.tiering).toEqual(value);
    await h.call('history.undo', {});
    expect((await h.plan()).plan.tiering).toEqual(rule);
    await h.call('history.redo', {});
    expect((await h.plan()).plan.tiering).toEqual(value);
  });

  it('refuses shares over 1 in sum and rising thresholds, with the path, changing nothing', async () => {
    const h = await harness();
    const sum = await h.fail('tiering.set', { tiering: { method: 'share', scope: 'all', S: 0.5, A: 0.4, B: 0.3 } });
    expect(sum.code).toBe('invalid_plan');
    expect(sum.details).toMatchObject({ issues: [{ path: 'tiering', message: expect.stringContaining('sum to at most 1') }] });
    const rising = await h.fail('tiering.set', { tiering: { method: 'threshold', scope: 'all', S: 1, A: 2, B: 0 } });
    expect(rising.details).toMatchObject({ issues: [{ path: 'tiering.A' }] });
    expect((await h.plan()).revision).toBe(0);
    expect(h.changes()).toHaveLength(0);
  });
});

describe('actuals.set and actuals.replace', () => {
  it('sets cells (in place or appended), removes with null, and undoes each call whole', async () => {
    const h = await harness();
    const first = await h.call('actuals.set', {
      cells: [
        { month: '2027-01', metric: 'leads', value: 12, segmentId: 'fin' },
        { month: '2027-01', metric: 'wins', value: 1 },
      ],
    });
    expect(first.value).toEqual([
      { month: '2027-01', metric: 'leads', value: 12, segmentId: 'fin' },
      { month: '2027-01', metric: 'wins', value: 1 },
    ]);
    const second = await h.call('actuals.set', {
      cells: [
        { month: '2027-01', metric: 'leads', value: 14, segmentId: 'fin' },
        { month: '2027-01', metric: 'wins', value: null },
        { month: '2027-02', metric: 'cash', value: 300 },
      ],
    });
    expect(second.value).toEqual([
      { month: '2027-01', metric: 'leads', value: 14, segmentId: 'fin' },
      { month: '2027-02', metric: 'cash', value: 300 },
    ]);
    expect(h.changes()[0]).toMatchObject({ method: 'actuals.set', summary: 'Changed the actuals' });
    await h.call('history.undo', {});
    expect((await h.plan()).plan.actuals).toEqual(first.value);
    const replaced = await h.call('actuals.replace', { actuals: [{ month: '2027-03', metric: 'revenue', value: 5 }] });
    expect((await h.plan()).plan.actuals).toEqual(replaced.value);
  });

  it('refuses a month outside the horizon and an unknown segment, at their paths, changing nothing', async () => {
    const h = await harness();
    const late = await h.fail('actuals.set', { cells: [{ month: '2030-01', metric: 'wins', value: 1 }] });
    expect(late.details).toMatchObject({ issues: [{ path: 'actuals[0].month', message: expect.stringContaining('outside the plan horizon') }] });
    const unknown = await h.fail('actuals.replace', { actuals: [{ month: '2027-01', metric: 'wins', value: 1, segmentId: 'retail' }] });
    expect(unknown.details).toMatchObject({ issues: [{ path: 'actuals[0].segmentId', message: 'refers to unknown segment "retail"' }] });
    const twice = await h.fail('actuals.replace', {
      actuals: [{ month: '2027-01', metric: 'wins', value: 1 }, { month: '2027-01', metric: 'wins', value: 2 }],
    });
    expect(twice.details).toMatchObject({ issues: [{ path: 'actuals[1]' }] });
    expect((await h.fail('actuals.set', { cells: [{ month: '2027-01', metric: 'winRate', value: 1 }] } as never)).code).toBe('invalid_argument');
    expect((await h.plan()).plan.actuals).toEqual([]);
    expect(h.changes()).toHaveLength(0);
  });

  it('a segment that actuals name cannot be deleted', async () => {
    const h = await harness();
    await h.call('actuals.set', { cells: [{ month: '2027-01', metric: 'wins', value: 1, segmentId: 'fin' }] });
    await h.call('goals.delete', { id: 'g1' });
    await h.call('customers.delete', { id: 'c2' });
    await h.call('customers.delete', { id: 'c1' });
    const e = await h.fail('segments.delete', { id: 'fin' });
    expect(e.code).toBe('in_use');
    expect(e.message).toContain('1 actual');
  });
});

describe('references v2 adds', () => {
  it('renaming a person, a target or a segment follows into stage owners, exit checks, focus segments and target scopes', async () => {
    const h = await harness(withExitCheck());
    const zhou = (await h.plan()).plan.people[2]!;
    await h.call('people.update', { id: 'zhou', value: { ...zhou, id: 'zhou2' } });
    const t1 = (await h.plan()).plan.targets[0]!;
    await h.call('targets.update', { id: 't1', value: { ...t1, id: 't1b' } });
    const fin = (await h.plan()).plan.segments[0]!;
    await h.call('segments.update', { id: 'fin', value: { ...fin, id: 'banks' } });
    const { plan } = await h.plan();
    expect(plan.funnels[0]!.stages[0]!.ownerId).toBe('zhou2');
    expect(plan.phases[0]!.exitChecks).toEqual([{ kind: 'target', targetId: 't1b', probability: 0.7 }]);
    expect(plan.phases[0]!.focusSegmentIds).toEqual(['banks']);
    expect(plan.targets[1]!.segmentId).toBe('banks');
  });

  it('refuses deleting what v2 fields refer to, with the counts', async () => {
    const h = await harness(withExitCheck());
    expect(await h.fail('people.delete', { id: 'zhou' })).toMatchObject({ code: 'in_use', message: expect.stringContaining('1 funnel') });
    expect(await h.fail('targets.delete', { id: 't1' })).toMatchObject({ code: 'in_use', message: expect.stringContaining('1 phase') });
  });

  it('refuses moving a target out of the phase whose exit check names it', async () => {
    const h = await harness(withExitCheck());
    const t1 = (await h.plan()).plan.targets[0]!;
    const e = await h.fail('targets.update', { id: 't1', value: { ...t1, phaseId: 'p2' } });
    expect(e.code).toBe('invalid_plan');
    expect(e.details).toMatchObject({ issues: [{ path: 'phases[0].exitChecks[0].targetId', message: expect.stringContaining('belongs to phase "p2"') }] });
    expect((await h.plan()).plan.targets[0]).toEqual(t1);
  });

  it('refuses a stage owner, a relationship plan phase or a target scope that does not exist', async () => {
    const h = await harness(withExitCheck());
    const { plan } = await h.plan();
    const f = plan.funnels[0]!;
    const owner = await h.fail('funnels.update', { id: 'ltc', value: { ...f, stages: [{ ...f.stages[0]!, ownerId: 'ghost' }, f.stages[1]!] } });
    expect(owner.details).toMatchObject({ issues: [{ path: 'funnels[0].stages[0].ownerId' }] });
    const c = plan.customers[0]!;
    const ladder = await h.fail('customers.update', { id: 'c1', value: { ...c, relationshipPlan: { p9: { key: 1, broad: 1, organizational: 1 } } } });
    expect(ladder.details).toMatchObject({ issues: [{ path: 'customers[0].relationshipPlan.p9' }] });
    const t = plan.targets[0]!;
    const both = await h.fail('targets.update', { id: 't1', value: { ...t, funnelId: 'ltc', segmentId: 'fin' } });
    expect(both.details).toMatchObject({ issues: [{ path: 'targets[0].segmentId' }] });
    expect((await h.plan()).revision).toBe(0);
  });

  it('a customer ladder and needs survive update and undo', async () => {
    const h = await harness();
    const c = (await h.plan()).plan.customers[0]!;
    const value = { ...c, needs: 'Campus refresh', relationshipPlan: { p1: { key: 2, broad: 1, organizational: 1 }, p2: { key: 3, broad: 2, organizational: 2 } } };
    await h.call('customers.update', { id: 'c1', value });
    expect((await h.plan()).plan.customers[0]).toEqual(value);
    await h.call('history.undo', {});
    expect((await h.plan()).plan.customers[0]).toEqual(c);
  });
});

describe('tiering.apply', () => {
  it('re-tiers the customers by the rule in one undoable edit, and refuses without a rule', async () => {
    const h = await harness();
    expect(await h.fail('tiering.apply', {})).toMatchObject({ code: 'conflict', details: { reason: 'no-tiering-rule' } });
    // c1 (potential 1000) is S, c2 (50) is B: a 50 % share rule makes c2 C.
    await h.call('tiering.set', { tiering: { method: 'share', scope: 'all', S: 0.5, A: 0, B: 0 } });
    const res = await h.call('tiering.apply', {});
    expect(res.value).toEqual({ changed: 1 });
    expect((await h.plan()).plan.customers.map((c) => c.tier)).toEqual(['S', 'C']);
    expect(h.changes()[0]).toMatchObject({ method: 'tiering.apply', summary: 'Applied the tiering rule to 1 customer' });
    expect((await h.call('tiering.apply', {})).value).toEqual({ changed: 0 });
    await h.call('history.undo', {});
    expect((await h.plan()).plan.customers.map((c) => c.tier)).toEqual(['S', 'B']);
  });
});
