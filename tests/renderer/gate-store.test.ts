// The phase-gate store over a scripted host: target checks are "not
// simulated" until a run of the plan as entered exists, follow the run when
// one completes, fall back when it is stale; checks and focus segments are
// written as one phase update each (plain data, as IPC clones it).
import { describe, expect, it } from 'vitest';
import type { StoredRunView } from '../../shared/api/methods/simulation';
import type { Phase } from '../../shared/plan/types';
import { demoPlan, fakeHost, flush, ok, snapshot } from './harness';

const p1 = demoPlan.phases[0]!;
const targetIndex = p1.exitChecks!.findIndex((c) => c.kind === 'target');
const targetId = (p1.exitChecks![targetIndex] as { targetId: string }).targetId;

function view(probability: number, stale = false): StoredRunView {
  const phases = demoPlan.phases.map((p) => ({
    id: p.id,
    totals: {} as never,
    targets: demoPlan.targets.filter((t) => t.phaseId === p.id).map((t) => ({ id: t.id, probability: t.id === targetId ? probability : 0.5 })),
  }));
  return {
    run: { id: 'r1', createdAt: '2027-01-01T00:00:00.000Z', actor: 'li', mode: 'monte-carlo', scenarioId: null, seed: 1, trials: 500, elapsedMs: 1, result: { phases } as never },
    stale,
  };
}

function setup() {
  const host = { latest: null as StoredRunView | null };
  const h = fakeHost((method, arg) => {
    switch (method) {
      case 'plan.load':
        return ok(snapshot(demoPlan, 1));
      case 'simulation.latest':
        return ok(host.latest);
      case 'phases.update':
        return ok({ revision: 2, value: arg.value as Phase });
      default:
        return ok(null);
    }
  });
  return { ...h, host, gate: h.store.gate };
}

const status = (gate: ReturnType<typeof setup>['gate']) => gate.gates.get(p1.id)!.checks[targetIndex]!;

describe('GateStore', () => {
  it('asks for the latest run of the plan as entered, and judges target checks by it', async () => {
    const { store, gate, host, calls, emit } = setup();
    await store.start();
    const close = gate.open();
    await flush();
    expect(calls.filter((c) => c.method === 'simulation.latest').map((c) => c.arg)).toEqual([{ scenarioId: null }]);
    expect(status(gate)).toMatchObject({ status: 'notSimulated', why: 'noRun' });

    host.latest = view(0.95);
    emit({ type: 'simulation-finished', runId: 'r1', outcome: 'completed', path: '/plans/demo.salesplan' });
    await flush();
    expect(status(gate)).toMatchObject({ status: 'pass', measured: 0.95 });

    host.latest = view(0.95, true);
    await store.latestRun.load();
    expect(status(gate)).toMatchObject({ status: 'notSimulated', why: 'stale' });

    // Closed: a finished run is not fetched for nobody.
    close();
    const before = calls.length;
    emit({ type: 'simulation-finished', runId: 'r2', outcome: 'completed', path: '/plans/demo.salesplan' });
    await flush();
    expect(calls.length).toBe(before);
  });

  it('adds, replaces and removes a check, and sets focus segments, as one phase update each', async () => {
    const { store, gate, calls } = setup();
    await store.start();
    const phase = () => store.plan.collections.phases.get(p1.id)!;
    const n = p1.exitChecks!.length;
    expect(await gate.addCheck(phase(), { kind: 'goals', share: 0.5 })).toBeNull();
    const sent = () => calls.filter((c) => c.method === 'phases.update').at(-1)!.arg;
    expect(sent().value.exitChecks).toHaveLength(n + 1);
    expect(sent().value.exitChecks[n]).toEqual({ kind: 'goals', share: 0.5 });

    expect(await gate.replaceCheck(phase(), n, { kind: 'goals', share: 0.7, note: 'most of them' })).toBeNull();
    expect(sent().value.exitChecks[n]).toEqual({ kind: 'goals', share: 0.7, note: 'most of them' });

    expect(await gate.removeCheck(phase(), 0)).toBeNull();
    expect(sent().value.exitChecks).toEqual(phase().exitChecks);
    expect(phase().exitChecks).toHaveLength(n);
    expect(phase().exitChecks![0]).toEqual(p1.exitChecks![1]);

    expect(await gate.setFocusSegments(phase(), ['smb'])).toBeNull();
    expect(sent().value.focusSegmentIds).toEqual(['smb']);
  });
});
