// Scenarios side by side over the real services: common random numbers (a
// scenario that changes nothing gives exactly the plan's result, and a real
// scenario moves the numbers), stored runs reused when fresh and drawn the
// same way, a cancelled batch keeping the last comparison; and the what-if's
// "Keep as scenario" as one undoable edit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { attainmentRows, totalsRows } from '../../renderer/stores/compare/compareRows';
import type { SimulationResult } from '../../shared/simulation/types';
import { realHost } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function start() {
  const dataDir = mkdtempSync(join(tmpdir(), 'compare-store-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang: 'en' });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const h = realHost(app, { events: true });
  await h.store.start();
  return { app, ...h };
}

const comparable = (r: SimulationResult) => JSON.stringify({ ...r, scenario: null, elapsedMs: 0 });

describe('CompareStore', () => {
  it('runs every pick with the same seed and trials: a scenario that changes nothing gives identical results', async () => {
    const { store, calls } = await start();
    await store.plan.create('scenarios', { id: 'same', name: 'Same as the plan', adjust: {} });
    store.simulation.setTrialsText('500');
    store.simulation.setSeedText('42');
    const c = store.simulation.compare;
    c.pickOnly([null, 'same', 'pessimistic']);
    expect(c.canRun).toBe(true);
    await c.run();
    expect(c.note).toBeNull();
    // Columns in plan order: the plan as entered first, then scenarios as the plan lists them.
    const [plan, pess, same] = c.comparison!.columns;
    expect(c.comparison).toMatchObject({ trials: 500, seed: 42 });
    expect([plan!.key, pess!.key, same!.key]).toEqual([null, 'pessimistic', 'same']);
    expect(comparable(same!.result)).toBe(comparable(plan!.result));
    const runs = calls.filter((x) => x.method === 'simulation.run').map((x) => x.arg);
    expect(runs).toEqual([
      { trials: 500, seed: 42, scenarioId: null },
      { trials: 500, seed: 42, scenarioId: 'pessimistic' },
      { trials: 500, seed: 42, scenarioId: 'same' },
    ]);
    // The differences the table shows: none for the identical scenario, lower bookings for the pessimistic one.
    const rows = totalsRows(c.comparison!.columns.map((x) => x.result));
    const bookings = rows.find((r) => r.key === 'p2/bookings')!;
    expect(bookings.cells[2]).toMatchObject({ delta: 0, direction: 'same' });
    expect(bookings.cells[1]!.direction).toBe('down');
    expect(bookings.cells[1]!.value).toBeLessThan(bookings.cells[0]!.value!);
    for (const r of attainmentRows(c.comparison!.columns.map((x) => x.result))) expect(r.cells[2]).toMatchObject({ delta: 0, direction: 'same' });
  });

  it('reuses stored runs that are fresh and drawn the same way, and runs again after an input edit or another seed', async () => {
    const { store, calls } = await start();
    store.simulation.setTrialsText('500');
    const c = store.simulation.compare;
    c.pickOnly([null, 'optimistic']);
    await c.run();
    expect(c.comparison!.columns.map((x) => x.reused)).toEqual([false, false]);
    const runsSoFar = () => calls.filter((x) => x.method === 'simulation.run').length;
    expect(runsSoFar()).toBe(2);

    await c.run();
    expect(c.comparison!.columns.map((x) => x.reused)).toEqual([true, true]);
    expect(runsSoFar()).toBe(2);

    // The optimistic scenario changes: only its run is stale.
    const opt = store.plan.collections.scenarios.plain('optimistic')!;
    expect(c.planChanged).toBe(false);
    await store.plan.update('scenarios', 'optimistic', { ...opt, adjust: { ...opt.adjust, leads: 1.3 } });
    // The shown comparison says the plan moved on.
    expect(c.planChanged).toBe(true);
    await c.run();
    expect(c.planChanged).toBe(false);
    expect(c.comparison!.columns.map((x) => x.reused)).toEqual([true, false]);
    expect(runsSoFar()).toBe(3);

    store.simulation.setSeedText('7');
    await c.run();
    expect(c.comparison!.columns.map((x) => x.reused)).toEqual([false, false]);
    expect(runsSoFar()).toBe(5);
  });

  it('a cancelled batch stores nothing new and keeps the last comparison, with a note', async () => {
    const { store } = await start();
    store.simulation.setTrialsText('500');
    const c = store.simulation.compare;
    c.pickOnly([null, 'pessimistic']);
    await c.run();
    const shown = c.comparison;
    store.simulation.setTrialsText('1000000');
    c.pickOnly([null, 'pessimistic', 'optimistic']);
    const batch = c.run();
    // Cancel as soon as the first run has an id.
    await new Promise<void>((resolve) => {
      const check = () => (c.batch?.runId ? resolve() : setTimeout(check, 5));
      check();
    });
    await c.cancel();
    await batch;
    expect(c.batch).toBeNull();
    expect(c.note).toEqual({ kind: 'cancelled' });
    expect(c.comparison).toBe(shown);
  });

  it('picks two to four; more are refused, fewer cannot run', async () => {
    const { store } = await start();
    await store.plan.create('scenarios', { id: 'x', name: 'X', adjust: {} });
    await store.plan.create('scenarios', { id: 'y', name: 'Y', adjust: {} });
    const c = store.simulation.compare;
    expect(c.picked).toEqual([null]);
    expect(c.canRun).toBe(false);
    for (const k of ['y', 'pessimistic', 'optimistic', 'x']) c.toggle(k);
    // Four at most, in plan order.
    expect(c.picked).toEqual([null, 'pessimistic', 'optimistic', 'y']);
    expect(c.canRun).toBe(true);
  });
});

describe('Keep as scenario', () => {
  it('saves the sliders on top of the chosen scenario as one new scenario, and one undo takes it back', async () => {
    const { store } = await start();
    store.simulation.setScenario('pessimistic');
    const w = store.simulation.whatIf;
    w.setFactor('leads', 1.25);
    w.setStage('ltc', 'bid', 1.5);
    const before = store.plan.collections.scenarios.ids.length;
    const { id, refusal } = await store.scenarios.keepWhatIf('pessimistic', w.adjust);
    expect(refusal).toBeNull();
    const kept = store.plan.collections.scenarios.plain(id!)!;
    expect(kept.name).toBe('Workshop what-if 1');
    // Multipliers compose with the pessimistic scenario's own (leads 0.8, bid ×0.8).
    expect(kept.adjust.leads).toBeCloseTo(1.0, 10);
    expect(kept.adjust.stages).toEqual([{ funnelId: 'ltc', stageKey: 'bid', conversion: expect.closeTo(1.2, 10) }]);
    expect(kept.adjust.conversion).toBe(0.9);
    expect(store.plan.collections.scenarios.ids).toHaveLength(before + 1);
    await store.history.refreshState();
    await store.history.undo();
    expect(store.plan.collections.scenarios.ids).toHaveLength(before);
  });

  it('segment sliders keep only when they agree: then they join the lead multiplier', async () => {
    const { store } = await start();
    const w = store.simulation.whatIf;
    const ids = store.plan.collections.segments.ids;
    w.setFactor('leads', 1.1);
    w.setSegment(ids[0]!, 1.2);
    expect(w.scenarioAdjust(ids)).toBeNull();
    for (const id of ids) w.setSegment(id, 1.2);
    expect(w.scenarioAdjust(ids)!.leads).toBeCloseTo(1.32, 10);
    w.reset();
    expect(w.changed).toBe(false);
    expect(w.scenarioAdjust(ids)).toEqual({});
  });
});
