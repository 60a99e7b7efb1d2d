// Simulation runs through the API handlers: progress events, cancellation,
// results stored in the plan file and read back with a staleness flag, and
// the same result for any number of worker threads.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import { simulate } from '../../shared/simulation';
import type { SimulationResult } from '../../shared/simulation';
import { SimulationPool } from '../../electron/services/simulation/pool';
import { attachSimulationPool } from '../../electron/services/simulation/runs';
import { demoJson, harness, smallPlan, startApp, type Harness } from './store-helpers';

const pools: SimulationPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

function pool(size: number): SimulationPool {
  const p = new SimulationPool({ size });
  pools.push(p);
  return p;
}

async function withPool(size: number, plan = smallPlan()): Promise<Harness & { pool: SimulationPool }> {
  const h = await harness(plan);
  const p = pool(size);
  attachSimulationPool(h.session, p);
  return { ...h, pool: p };
}

const withoutTime = (r: unknown) => JSON.stringify({ ...(r as SimulationResult), elapsedMs: 0 });
const runRows = (h: Harness) => h.db().prepare('SELECT count(*) FROM simulation_runs').pluck().get() as number;

function finishedEvent(events: ApiEvent[], runId: string): Promise<ApiEvent & { type: 'simulation-finished' }> {
  return new Promise((resolve) => {
    const check = () => {
      const e = events.find((x) => x.type === 'simulation-finished' && x.runId === runId);
      if (e) resolve(e as ApiEvent & { type: 'simulation-finished' });
      else setTimeout(check, 10);
    };
    check();
  });
}

describe('simulation.run', () => {
  it('answers with a run id at once, reports progress, stores the result and announces the end', async () => {
    const h = await withPool(2);
    const { runId } = await h.call('simulation.run', { trials: 1000, seed: 11 });
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    // Nothing is stored until the run completes.
    expect(await h.call('simulation.result', { runId })).toBeNull();
    const view = await h.call('simulation.wait', { runId });
    await finishedEvent(h.events, runId);

    const progress = h.events.filter((e): e is ApiEvent & { type: 'simulation-progress' } => e.type === 'simulation-progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((e) => e.runId === runId && e.total === 1000)).toBe(true);
    const done = progress.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1000);
    const end = h.events.at(-1);
    expect(end).toEqual({ type: 'simulation-finished', runId, outcome: 'completed', path: h.path });

    // The stored result is exactly the engine's, run on one thread.
    expect(view.stale).toBe(false);
    expect(view.run).toMatchObject({ id: runId, mode: 'monte-carlo', scenarioId: null, seed: 11, trials: 1000, actor: 'tester' });
    expect(withoutTime(view.run.result)).toBe(withoutTime(simulate(smallPlan(), { trials: 1000, seed: 11 })));
    expect(view.run.elapsedMs).toBe(view.run.result.elapsedMs);
    expect(await h.call('simulation.result', { runId })).toEqual(view);
    expect(await h.call('simulation.latest', {})).toEqual(view);
    // A run is not an edit of the plan: no revision, no history.
    expect(h.events.some((e) => e.type === 'plan-changed')).toBe(false);
    expect(h.changes()).toHaveLength(0);
  });

  it('gives the same result, byte for byte, with 1, 2 or 3 workers, a worker and the calling thread, or the calling thread alone', async () => {
    const results: string[] = [];
    for (const size of [1, 2, 3]) {
      const h = await withPool(size);
      const { runId } = await h.call('simulation.run', { trials: 1750, scenarioId: 'low' });
      results.push(withoutTime((await h.call('simulation.wait', { runId })).run.result));
    }
    // The CLI's pool: its own thread runs a share beside one worker, and merges.
    const caller = await harness(smallPlan());
    const callerPool = new SimulationPool({ size: 1, callerRuns: true });
    pools.push(callerPool);
    attachSimulationPool(caller.session, callerPool);
    const callerRun = await caller.call('simulation.run', { trials: 1750, scenarioId: 'low' });
    results.push(withoutTime((await caller.call('simulation.wait', callerRun)).run.result));
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(results[3]).toBe(results[0]);
    expect(JSON.parse(results[0]!).scenario).toBe('low');

    // A session that runs small runs on its own thread (the CLI's) gives the same bytes, and never
    // touches the pool (a closed one here: a job there would fail).
    const h = await withPool(1);
    await h.pool.close();
    Object.assign(h.session.options, { inlineTrials: 1750 });
    const { runId } = await h.call('simulation.run', { trials: 1750, scenarioId: 'low' });
    expect(withoutTime((await h.call('simulation.wait', { runId })).run.result)).toBe(results[0]);
    const over = await h.call('simulation.run', { trials: 1751, scenarioId: 'low' });
    expect(await finishedEvent(h.events, over.runId)).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/pool is closed/) });
  });

  it('refuses input that makes a run meaningless before any work starts (simulation_input)', async () => {
    const h = await withPool(2);
    for (const [arg, reason] of [
      [{ trials: 50 }, 'trialsOutOfRange'],
      [{ trials: 1_000_001 }, 'trialsOutOfRange'],
      [{ scenarioId: 'nope' }, 'unknownScenario'],
      [{ seed: -1 }, 'invalidSeed'],
    ] as const) {
      const e = await h.fail('simulation.run', arg);
      expect(e.code).toBe('simulation_input');
      expect((e.details as { reason: string }).reason).toBe(reason);
    }
    expect((await h.fail('simulation.run', { trials: 50 })).message).toContain('100…1000000');
    const noFunnels = { ...smallPlan(), funnels: [], segments: [], customers: [], goals: [], scenarios: [] };
    const empty = await withPool(1, noFunnels);
    const e = await empty.fail('simulation.run', {});
    expect(e).toMatchObject({ code: 'simulation_input', details: { reason: 'noFunnels', path: 'funnels' } });
    // Nothing started: no worker, no event, no stored run.
    expect(h.pool.started + empty.pool.started).toBe(0);
    expect([...h.events, ...empty.events].filter((x) => x.type.startsWith('simulation'))).toEqual([]);
    expect(runRows(h) + runRows(empty)).toBe(0);
  });

  it('cancels a run in progress: it stops, says so, and stores nothing', async () => {
    const h = await withPool(2, demoJson());
    const before = await h.call('simulation.run', { trials: 300 });
    const kept = await h.call('simulation.wait', before);
    const { runId } = await h.call('simulation.run', { trials: 1_000_000 });
    // Wait until the workers have done some chunks, then cancel.
    await new Promise<void>((resolve) => {
      const check = () => (h.events.some((e) => e.type === 'simulation-progress' && e.runId === runId && e.done > 0) ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(await h.call('simulation.active', {})).toEqual([expect.objectContaining({ runId, mode: 'monte-carlo', total: 1_000_000 })]);
    const t0 = performance.now();
    expect(await h.call('simulation.cancel', { runId })).toEqual({ cancelled: true });
    expect(await h.fail('simulation.wait', { runId })).toMatchObject({ code: 'cancelled' });
    // Workers stop at the next chunk boundary (250 trials), not after a million trials.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(await finishedEvent(h.events, runId)).toMatchObject({ outcome: 'cancelled' });
    expect(await h.call('simulation.result', { runId })).toBeNull();
    expect((await h.call('simulation.latest', {}))!.run.id).toBe(kept.run.id);
    expect(runRows(h)).toBe(1);
    expect(await h.call('simulation.active', {})).toEqual([]);
    expect(await h.call('simulation.cancel', { runId })).toEqual({ cancelled: false });
  });

  it('runs expected-value mode inline, stored apart from Monte-Carlo runs', async () => {
    const h = await withPool(1);
    const { runId } = await h.call('simulation.run', { expected: true, scenarioId: 'low' });
    const view = await h.call('simulation.wait', { runId });
    expect(view.run).toMatchObject({ mode: 'expected', scenarioId: 'low', trials: 0, seed: null });
    expect(view.run.result.totals.bookings).toEqual({ mean: expect.any(Number) });
    expect(await h.call('simulation.latest', { scenarioId: 'low', expected: true })).toEqual(view);
    expect(await h.call('simulation.latest', { scenarioId: 'low' })).toBeNull();
    expect(await h.call('simulation.latest', { expected: true })).toBeNull();
    expect(h.pool.started).toBe(0);
  });

  it('keeps only the latest five runs per scenario and mode', async () => {
    const h = await withPool(1);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await h.call('simulation.run', { expected: true })).runId);
    await h.call('simulation.wait', { runId: ids.at(-1)! });
    expect(runRows(h)).toBe(5);
    expect(await h.call('simulation.result', { runId: ids[0]! })).toBeNull();
    expect(await h.call('simulation.result', { runId: ids[2]! })).not.toBeNull();
    expect((await h.call('simulation.latest', { expected: true }))!.run.id).toBe(ids.at(-1));
  });
});

describe('stale results', () => {
  async function storedRun(h: Harness, scenarioId: string | null = null): Promise<StoredRunView> {
    const { runId } = await h.call('simulation.run', { trials: 200, scenarioId });
    return h.call('simulation.wait', { runId });
  }

  it('are flagged after an edit of a simulation input (a stage conversion), not after other edits', async () => {
    const h = await withPool(2);
    await storedRun(h);
    const c2 = (await h.plan()).plan.customers.find((c) => c.id === 'c2')!;
    await h.call('customers.update', { id: 'c2', value: { ...c2, region: 'Zhejiang' } });
    await h.call('plan.updateSettings', { patch: { name: 'Renamed plan' } });
    expect((await h.call('simulation.latest', {}))!.stale).toBe(false);

    const ltc = (await h.plan()).plan.funnels[0]!;
    const stages = ltc.stages.map((s) => (s.key === 'lead' ? { ...s, conversion: 0.6 } : s));
    await h.call('funnels.update', { id: 'ltc', value: { ...ltc, stages } });
    expect((await h.call('simulation.latest', {}))!.stale).toBe(true);
    // Back to the inputs the run used: fresh again.
    await h.call('funnels.update', { id: 'ltc', value: { ...ltc } });
    expect((await h.call('simulation.latest', {}))!.stale).toBe(false);
  });

  it('of the old result shape (before KPIs per scope) are not read as today\'s: the plan counts as not simulated', async () => {
    const h = await withPool(1);
    const view = await storedRun(h);
    expect(view.run.result.resultVersion).toBe(2);
    // What an engine-1 build stored: no resultVersion, a top-level `kpis` with `cycleDays`.
    const { resultVersion: _v, scopes: _s, pursuits: _p, goals: _g, ...rest } = view.run.result as SimulationResult;
    const old = { ...rest, kpis: { winRate: { mean: 1.2, p10: 1, p50: 1.2, p90: 1.4 }, cycleDays: { mean: 30, p10: 20, p50: 30, p90: 40 } } };
    h.db().prepare('UPDATE simulation_runs SET result = ? WHERE id = ?').run(JSON.stringify(old), view.run.id);
    expect(await h.call('simulation.latest', {})).toBeNull();
    expect(await h.call('simulation.result', { runId: view.run.id })).toBeNull();
    // A new run is read again.
    const fresh = await storedRun(h);
    expect((await h.call('simulation.latest', {}))!.run.id).toBe(fresh.run.id);
  });

  it('after a customer edit; a run stored with a fingerprint of before "v2-" (engine version 3 or older) is stale', async () => {
    const h = await withPool(2);
    const view = await storedRun(h);
    const c1 = (await h.plan()).plan.customers.find((c) => c.id === 'c1')!;
    await h.call('customers.update', { id: 'c1', value: { ...c1, relationship: { ...c1.relationship, key: 0 } } });
    expect((await h.call('simulation.latest', {}))!.stale).toBe(true);
    await h.call('customers.update', { id: 'c1', value: { ...c1 } });
    expect((await h.call('simulation.latest', {}))!.stale).toBe(false);
    // What an earlier build stored: a whole-plan fingerprint (26 hex digits, no "v2-"); its draws were other.
    h.db().prepare('UPDATE simulation_runs SET fingerprint = ? WHERE id = ?').run('1df6c80a0fba0f094929b051da', view.run.id);
    expect((await h.call('simulation.latest', {}))!.stale).toBe(true);
  });

  it('of a scenario follow that scenario\'s own inputs', async () => {
    const h = await withPool(2);
    await storedRun(h, 'low');
    await storedRun(h, null);
    const low = (await h.plan()).plan.scenarios[0]!;
    await h.call('scenarios.update', { id: 'low', value: { ...low, adjust: { ...low.adjust, leads: 0.5 } } });
    expect((await h.call('simulation.latest', { scenarioId: 'low' }))!.stale).toBe(true);
    expect((await h.call('simulation.latest', {}))!.stale).toBe(false);
  });
});

describe('stored runs', () => {
  it('are there when the plan file is opened again', async () => {
    const first = startApp();
    const path = join(first.dataDir, 'sim.salesplan');
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path });
    const { runId } = await first.call('simulation.run', { trials: 300 });
    const stored = await first.call('simulation.wait', { runId });
    first.app.close();

    const again = startApp({ dataDir: first.dataDir, openPath: path });
    expect(await again.call('simulation.latest', {})).toEqual(stored);
    // …and are not part of the plan-format JSON.
    const { json } = await again.call('file.exportJson', {});
    expect(json).not.toContain(runId);
    expect(JSON.parse(json)).toStrictEqual(smallPlan());
  });

  it('belong to the file a run started on: switching files stops the run and stores nothing', async () => {
    const h = await withPool(2, demoJson());
    const { runId } = await h.call('simulation.run', { trials: 1_000_000 });
    await h.call('file.importJson', { json: JSON.stringify(smallPlan()), path: join(h.dataDir, 'other.salesplan') });
    expect(await h.fail('simulation.wait', { runId })).toMatchObject({ code: 'cancelled' });
    expect(await h.call('simulation.latest', {})).toBeNull();
    await h.call('file.open', { path: h.path });
    expect(runRows(h)).toBe(0);
  });
});

describe('simulation.expected (live what-if)', () => {
  it('applies ad-hoc multipliers on top of the scenario, without storing anything', async () => {
    const h = await withPool(1);
    const base = await h.call('simulation.expected', {});
    const more = await h.call('simulation.expected', { adjust: { leads: 2 } });
    expect(more.totals.leads.mean).toBeCloseTo(2 * base.totals.leads.mean, 6);
    expect(more.totals.bookings.mean).toBeGreaterThan(1.9 * base.totals.bookings.mean);
    // The stored scenario "low" (leads 0.8, bid conversion 0.9) equals the same multipliers given ad hoc…
    const low = await h.call('simulation.expected', { scenarioId: 'low' });
    const adHoc = await h.call('simulation.expected', { adjust: { leads: 0.8, stages: [{ funnelId: 'ltc', stageKey: 'bid', conversion: 0.9 }] } });
    expect(withoutTime({ ...adHoc, scenario: 'low' })).toBe(withoutTime(low));
    // …and ad-hoc multipliers compose with it.
    const lowMore = await h.call('simulation.expected', { scenarioId: 'low', adjust: { leads: 1.25 } });
    expect(lowMore.scenario).toBe('low');
    expect(lowMore.totals.leads.mean).toBeCloseTo(base.totals.leads.mean, 6);
    expect(runRows(h)).toBe(0);
    expect((await h.fail('simulation.expected', { scenarioId: 'nope' })).code).toBe('simulation_input');
  });
});

describe('reverse funnel and sensitivity through the API', () => {
  it('run in the worker pool and map bad input to simulation_input', async () => {
    const h = await withPool(1);
    const r = await h.call('simulation.requiredLeads', { targetId: 't1', probability: 0.5, trials: 400 });
    expect(r).toMatchObject({ target: 't1', probability: 0.5, reachable: true });
    expect(r.attainment).toBeGreaterThanOrEqual(0.5);
    expect(Object.keys(r.leadsPerMonth!)).toEqual(['fin']);
    expect(h.pool.started).toBe(1);
    expect(await h.fail('simulation.requiredLeads', { targetId: 'nope' })).toMatchObject({ code: 'simulation_input', details: { reason: 'unknownTarget' } });

    const s = await h.call('simulation.sensitivity', { metric: 'bookings', trials: 200 });
    const swings = s.items.map((i) => Math.abs(i.swing ?? 0));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(await h.fail('simulation.sensitivity', { phaseId: 'nope' })).toMatchObject({ code: 'simulation_input', details: { reason: 'unknownPhase' } });
  });
});
