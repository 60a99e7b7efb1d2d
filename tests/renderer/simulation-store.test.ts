// The Simulation screen's store over a scripted host: a run's progress and
// end from events (also when the end arrives before the answer carrying the
// run id), cancel, the last result reloaded when the plan moves, and the
// trials/seed fields checked like the engine checks them.
import { describe, expect, it } from 'vitest';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import type { RendererEvent } from '../../renderer/api/events';
import { DEMO_PATH, demoPlan, fakeHost, flush, ok, snapshot as snapshotOf } from './harness';

const demo = demoPlan;
const PATH = DEMO_PATH;
const snapshot = (revision: number) => snapshotOf(demoPlan, revision, { schemaVersion: 2 });

function stored(id: string, stale = false): StoredRunView {
  return {
    run: { id, createdAt: '2027-01-01T00:00:00.000Z', actor: 'li', mode: 'monte-carlo', scenarioId: null, seed: 1, trials: 500, elapsedMs: 10, result: {} as never },
    stale,
  };
}

function setup(host: { latest: StoredRunView | null; revision: number; runId?: string; beforeAnswer?: (emit: (e: RendererEvent) => void) => void }) {
  const { store, calls, emit } = fakeHost((method, _arg, emit) => {
    switch (method) {
      case 'plan.load':
        return ok(snapshot(host.revision));
      case 'simulation.latest':
        return ok(host.latest);
      case 'simulation.active':
        return ok([]);
      case 'simulation.run':
        host.beforeAnswer?.(emit);
        return ok({ runId: host.runId ?? 'run-1' });
      case 'simulation.cancel':
        return ok({ cancelled: true });
      default:
        return ok(null);
    }
  });
  return { store, sim: store.simulation, calls, emit };
}

describe('SimulationStore', () => {
  it('runs with the plan\'s trials and seed, follows progress, and shows the stored result at the end', async () => {
    const host = { latest: null as StoredRunView | null, revision: 1 };
    const { store, sim, calls, emit } = setup(host);
    await store.start();
    await sim.open();
    expect(sim.lastLoaded).toBe(true);
    expect(sim.last).toBeNull();
    expect([sim.trials, sim.seed]).toEqual([demo.plan.trials, demo.plan.seed]);

    sim.setTrialsText('500');
    await sim.run();
    expect(calls.find((c) => c.method === 'simulation.run')!.arg).toEqual({ trials: 500, seed: demo.plan.seed, scenarioId: null });
    expect(sim.running).toMatchObject({ runId: 'run-1', done: 0, total: 500 });
    emit({ type: 'simulation-progress', runId: 'someone-else', done: 1, total: 9 });
    emit({ type: 'simulation-progress', runId: 'run-1', done: 250, total: 500 });
    expect(sim.running).toMatchObject({ done: 250, total: 500 });

    host.latest = stored('run-1');
    emit({ type: 'simulation-finished', runId: 'run-1', outcome: 'completed', path: PATH });
    expect(sim.running).toBeNull();
    await flush();
    expect(sim.last?.run.id).toBe('run-1');
  });

  it('handles an end that arrives before the answer with the run id', async () => {
    const host = {
      latest: null as StoredRunView | null,
      revision: 1,
      runId: 'fast',
      beforeAnswer: (emit: (e: RendererEvent) => void) => {
        host.latest = stored('fast');
        emit({ type: 'simulation-finished', runId: 'fast', outcome: 'completed', path: PATH });
      },
    };
    const { store, sim } = setup(host);
    await store.start();
    await sim.open();
    await sim.run();
    await flush();
    expect(sim.running).toBeNull();
    expect(sim.last?.run.id).toBe('fast');
  });

  it('cancels: asks the host, then says the run stored nothing', async () => {
    const { store, sim, calls, emit } = setup({ latest: null, revision: 1 });
    await store.start();
    await sim.open();
    await sim.run();
    await sim.cancel();
    expect(sim.running?.cancelling).toBe(true);
    expect(calls.at(-1)).toEqual({ method: 'simulation.cancel', arg: { runId: 'run-1' } });
    emit({ type: 'simulation-finished', runId: 'run-1', outcome: 'cancelled', path: PATH, message: 'cancelled' });
    expect(sim.running).toBeNull();
    expect(sim.cancelledNotice).toBe(true);
    expect(sim.last).toBeNull();
  });

  it('reloads the last result when the plan moves, so a stale flag shows without a reload', async () => {
    const host = { latest: stored('r', false) as StoredRunView | null, revision: 1 };
    const { store, sim, emit } = setup(host);
    await store.start();
    await sim.open();
    expect(sim.last?.stale).toBe(false);
    host.latest = stored('r', true);
    host.revision = 2;
    emit({ type: 'plan-changed', revision: 2, path: PATH });
    await flush();
    await flush();
    expect(sim.last?.stale).toBe(true);
  });

  it('checks trials and seed as the engine does, and does not run with bad ones', async () => {
    const { store, sim, calls } = setup({ latest: null, revision: 1 });
    await store.start();
    for (const [t, bad] of [['50', true], ['100', false], ['1000001', true], ['12.5', true], ['many', true], ['', false]] as const) {
      sim.setTrialsText(t);
      expect(sim.inputError === 'trials', t).toBe(bad);
    }
    sim.setSeedText('-1');
    expect(sim.inputError).toBe('seed');
    await sim.run();
    expect(calls.some((c) => c.method === 'simulation.run')).toBe(false);
  });
});
