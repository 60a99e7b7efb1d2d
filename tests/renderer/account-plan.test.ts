// A customer's account plan in the stores: needs (saved, searchable), the
// account ladder (one planned level per edit, undoable; the behind-plan
// filter and its current phase), and the breakthrough odds of the latest
// run (LatestRunStore: not simulated, stale, current, reloaded when a run ends).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import type { Customer } from '../../shared/plan/types';
import type { PursuitResult, BreakthroughGoalResult } from '../../shared/simulation/types';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { currentPhase, isBehindPlan, withPlannedLevel } from '../../renderer/stores/customers/ladder';
import { DEMO_PATH, demoPlan, fakeHost, flush, ok, realHost, snapshot } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'account-plan-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang: 'en' });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const { store } = realHost(app, { events: true });
  await store.start();
  return { app, store };
}

const PHASES = [
  { id: 'p1', start: '2027-01', end: '2027-06' },
  { id: 'p2', start: '2027-07', end: '2027-12' },
  { id: 'p3', start: '2028-03', end: '2028-12' },
];

describe('current phase of the account ladder', () => {
  it('is the phase containing the month, else the first not yet ended, else the last', () => {
    expect(currentPhase(PHASES, '2027-07')).toBe('p2');
    expect(currentPhase(PHASES, '2027-06')).toBe('p1');
    expect(currentPhase(PHASES, '2026-12')).toBe('p1'); // before the plan
    expect(currentPhase(PHASES, '2028-02')).toBe('p3'); // between p2 and p3
    expect(currentPhase(PHASES, '2031-01')).toBe('p3'); // every phase over
    expect(currentPhase([], '2027-01')).toBeNull();
  });
});

describe('a planned level', () => {
  const base: Customer = structuredClone(demoPlan.customers.find((c) => c.id === 'yj-bank')!);
  const ids = ['p1', 'p2', 'p3', 'p4'];

  it('starts a phase from the plan before it, else today, keeps phase order, and "—" removes the phase', () => {
    expect(base.relationshipPlan).toBeUndefined();
    const first = withPlannedLevel(base, ids, 'p2', 'key', 3);
    expect(first.relationshipPlan).toEqual({ p2: { ...base.relationship, key: 3 } });
    const second = withPlannedLevel(first, ids, 'p4', 'broad', 4);
    expect(second.relationshipPlan!.p4).toEqual({ ...base.relationship, key: 3, broad: 4 });
    const third = withPlannedLevel(second, ids, 'p1', 'organizational', 1);
    expect(Object.keys(third.relationshipPlan!)).toEqual(['p1', 'p2', 'p4']);
    const cleared = withPlannedLevel(withPlannedLevel(withPlannedLevel(third, ids, 'p1', 'key', null), ids, 'p2', 'key', null), ids, 'p4', 'key', null);
    expect(cleared.relationshipPlan).toBeUndefined();
    expect(base.relationshipPlan).toBeUndefined(); // the stored value is not touched
  });

  it('puts a customer behind plan when any layer today is below the current phase\'s plan', () => {
    const c = withPlannedLevel(base, ids, 'p1', 'key', base.relationship.key + 1);
    expect(isBehindPlan(c, 'p1')).toBe(true);
    expect(isBehindPlan(c, 'p2')).toBe(false); // no plan for p2
    expect(isBehindPlan(withPlannedLevel(base, ids, 'p1', 'key', base.relationship.key), 'p1')).toBe(false);
    expect(isBehindPlan(c, null)).toBe(false);
  });
});

describe('needs and the ladder over the real services', () => {
  it('saves needs as typed, finds the customer by a word of them, and a blank text removes them', async () => {
    const { store } = await start();
    const view = store.customers;
    const text = 'Branch network refresh\nOne vendor for campus and data centre';
    expect(await view.writes.setNeeds('yj-bank', text)).toBeNull();
    expect(store.plan.collections.customers.plain('yj-bank')!.needs).toBe(text);
    view.setFilter({ text: 'CAMPUS yj' });
    expect(view.filtered.map((r) => r.id)).toEqual(['yj-bank']);
    expect(await view.writes.setNeeds('yj-bank', '   ')).toBeNull();
    expect('needs' in store.plan.collections.customers.plain('yj-bank')!).toBe(false);
    expect(view.filtered).toEqual([]);
  });

  it('writes one planned level per edit, undone one at a time by the global undo', async () => {
    const { store } = await start();
    const before = store.plan.collections.customers.plain('jn-bank')!;
    expect(await store.customers.writes.setPlannedLevel('jn-bank', 'p2', 'organizational', 4)).toBeNull();
    expect(await store.customers.writes.setPlannedLevel('jn-bank', 'p3', 'key', null)).toBeNull();
    const after = store.plan.collections.customers.plain('jn-bank')!;
    expect(after.relationshipPlan!.p2).toEqual({ ...before.relationshipPlan!.p2, organizational: 4 });
    expect(after.relationshipPlan!.p3).toBeUndefined();
    // Setting the level it already has writes nothing (no empty history entry).
    await store.history.refreshState();
    const undoText = store.history.undoText;
    expect(await store.customers.writes.setPlannedLevel('jn-bank', 'p2', 'organizational', 4)).toBeNull();
    await store.history.refreshState();
    expect(store.history.undoText).toBe(undoText);

    await store.history.undo();
    expect(store.plan.collections.customers.plain('jn-bank')!.relationshipPlan!.p3).toEqual(before.relationshipPlan!.p3);
    await store.history.undo();
    expect(store.plan.collections.customers.plain('jn-bank')).toEqual(before);
  });

  it('filters the customers behind the plan of the current phase, which follows the month', async () => {
    const { store } = await start();
    const view = store.customers;
    const customers = store.plan.collections.customers.plainList;
    const behindIn = (phaseId: string) =>
      customers.filter((c) => c.relationshipPlan?.[phaseId] && (['key', 'broad', 'organizational'] as const).some((l) => c.relationship[l] < c.relationshipPlan![phaseId]![l]));
    view.setToday('2026-11'); // before the plan: its first phase
    view.setFilter({ behindPlan: true });
    expect(view.currentPhaseId).toBe('p1');
    expect(view.filtered.map((r) => r.id)).toEqual(behindIn('p1').map((c) => c.id));
    expect(view.filtered.length).toBeGreaterThan(0);
    view.setToday('2027-08');
    expect(view.currentPhaseId).toBe('p2');
    expect(view.filtered.map((r) => r.id)).toEqual(behindIn('p2').map((c) => c.id));
    expect(behindIn('p2').length).toBeGreaterThan(behindIn('p1').length);

    // Raising today's level to the plan takes the customer off the list.
    const jn = store.plan.collections.customers.plain('jn-bank')!;
    expect(view.filtered.some((r) => r.id === 'jn-bank')).toBe(true);
    await view.writes.writeCustomer('jn-bank', { ...jn, relationship: { ...jn.relationshipPlan!.p2! } });
    expect(view.filtered.some((r) => r.id === 'jn-bank')).toBe(false);
  });
});

describe('LatestRunStore', () => {
  const pursuit: PursuitResult = { customerId: 'jn-bank', phaseId: 'p1', usesPlan: true, readiness: 1.2, readinessToday: 1, probability: 0.62, probabilityToday: 0.41 };
  const goal: BreakthroughGoalResult = { id: 'g01', customerId: 'jn-bank', month: '2027-06', probability: 0.6, probabilityToday: 0.4 };
  const stored = (stale: boolean): StoredRunView => ({
    run: { id: 'r1', createdAt: '2027-01-01T00:00:00.000Z', actor: 't', mode: 'monte-carlo', scenarioId: null, seed: 1, trials: 500, elapsedMs: 1, result: { pursuits: [pursuit], goals: [goal] } as never },
    stale,
  });

  function setup() {
    const host = { latest: null as StoredRunView | null, revision: 1 };
    const h = fakeHost((method) => {
      if (method === 'plan.load') return ok(snapshot(demoPlan, host.revision));
      if (method === 'simulation.latest') return ok(host.latest);
      return { ok: false, error: { code: 'unknown_method', message: method } };
    });
    return { host, ...h, latest: h.store.latestRun };
  }

  it('asks nothing until a view watches, then shows odds only from a run that matches the plan', async () => {
    const { host, store, calls, emit, latest } = setup();
    await store.start();
    expect(calls.some((c) => c.method === 'simulation.latest')).toBe(false);
    const stop = latest.watch();
    await flush();
    expect(calls.filter((c) => c.method === 'simulation.latest').map((c) => c.arg)).toEqual([{ scenarioId: null }]);
    expect(latest.state).toBe('none');
    expect(latest.pursuits.size).toBe(0);

    host.latest = stored(false);
    emit({ type: 'simulation-finished', runId: 'r0', outcome: 'completed', path: '/plans/other.salesplan' });
    await flush();
    expect(latest.state).toBe('none'); // another file's run
    emit({ type: 'simulation-finished', runId: 'r1', outcome: 'completed', path: DEMO_PATH });
    await flush();
    expect(latest.state).toBe('current');
    expect(latest.pursuits.get('jn-bank')).toMatchObject({ probability: 0.62, probabilityToday: 0.41 });
    expect(latest.goals.get('g01')?.probability).toBe(0.6);

    // The plan moved: the run no longer matches it, so nothing is shown as its odds.
    host.latest = stored(true);
    host.revision = 2;
    emit({ type: 'plan-changed', revision: 2, path: DEMO_PATH });
    await flush();
    await flush();
    expect(latest.state).toBe('stale');
    expect(latest.pursuits.size).toBe(0);
    expect(latest.goals.size).toBe(0);

    stop();
    const asked = calls.length;
    emit({ type: 'simulation-finished', runId: 'r2', outcome: 'completed', path: DEMO_PATH });
    await flush();
    expect(calls.length).toBe(asked);
  });
});
