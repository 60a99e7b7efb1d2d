// The reforecast and the risk ranking are kept per session
// (services/simulation/analysis-cache.ts): asked again — by the Tracking
// screen, the Simulation screen or a report export — they come back without
// re-running their trials, and an edit of anything they are computed from
// (an actual, a simulation input) never gets the old figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Plan, Range } from '../../shared/plan/types';
import { reforecast, sensitivity } from '../../shared/simulation';
import { simulationRuns } from '../../electron/services/simulation/runs';
import { demoJson } from './export-helpers';
import { harness, tempDir, type Harness } from './store-helpers';

const withoutTime = (r: object) => ({ ...r, elapsedMs: 0 });
const scaled = (r: Range, f: number): Range => (typeof r === 'number' ? r * f : { min: r.min * f, mode: r.mode * f, max: r.max * f });

/** Jobs of `kind` the session's pool was given from now on. */
function countJobs(h: Harness, kind: string): () => number {
  // The pool is the process's shared one: a spy already on it is handed back, with earlier tests' calls.
  const spy = vi.spyOn(simulationRuns(h.session).pool, 'run');
  const count = () => spy.mock.calls.filter(([job]) => (job as { kind: string }).kind === kind).length;
  const before = count();
  return () => count() - before;
}

async function storedRun(h: Harness) {
  const { runId } = await h.call('simulation.run', {});
  return h.call('simulation.wait', { runId });
}

describe('kept analyses', () => {
  it('plan vs actual: asked again, after a rename, or by the report, the Tracking figures are reused; after an edit of an actual or of an input, computed afresh', async () => {
    const h = await harness(demoJson('en'));
    const view = await storedRun(h);
    const reforecasts = countJobs(h, 'reforecast');
    const first = await h.call('simulation.reforecast', { runId: view.run.id });
    expect(await h.call('simulation.reforecast', { runId: view.run.id })).toEqual(first);
    await h.call('plan.updateSettings', { patch: { name: 'Renamed plan' } });
    expect(await h.call('simulation.reforecast', { runId: view.run.id })).toEqual(first);
    expect(reforecasts()).toBe(1);

    // The report's plan vs actual is the kept one: no trials re-run.
    const out = join(tempDir(), 'r.html');
    const { exportId } = await h.call('export.start', { format: 'html', lang: 'en', path: out, sections: ['actuals'] });
    await h.call('export.wait', { exportId });
    expect(reforecasts()).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain(`${first.checks.length} actuals, through`);

    // One actual changed: new figures, the engine's own for the plan as it is now.
    const actual = (await h.plan()).plan.actuals![0]!;
    await h.call('actuals.set', { cells: [{ month: actual.month, metric: actual.metric, ...(actual.segmentId ? { segmentId: actual.segmentId } : {}), value: actual.value * 3 + 1 }] });
    const afterActual = await h.call('simulation.reforecast', { runId: view.run.id });
    expect(reforecasts()).toBe(2);
    const opts = { trials: view.run.trials, seed: view.run.seed!, scenarioId: null };
    expect(withoutTime(afterActual)).toEqual(withoutTime(reforecast((await h.plan()).plan as Plan, opts)));
    expect(afterActual.checks).not.toEqual(first.checks);

    // A simulation input changed (a stage conversion): computed afresh too.
    const ltc = (await h.plan()).plan.funnels[0]!;
    await h.call('funnels.update', { id: ltc.id, value: { ...ltc, stages: ltc.stages.map((s, i) => (i === 0 ? { ...s, conversion: scaled(s.conversion, 0.5) } : s)) } });
    const afterInput = await h.call('simulation.reforecast', { runId: view.run.id });
    expect(reforecasts()).toBe(3);
    expect(withoutTime(afterInput)).toEqual(withoutTime(reforecast((await h.plan()).plan as Plan, opts)));
  });

  it('the risk ranking: the same options reuse it, other options or another plan input compute it', async () => {
    const h = await harness(demoJson('en'));
    const rankings = countJobs(h, 'sensitivity');
    const first = await h.call('simulation.sensitivity', { trials: 100 });
    expect(await h.call('simulation.sensitivity', { trials: 100 })).toEqual(first);
    expect(rankings()).toBe(1);
    await h.call('simulation.sensitivity', { trials: 100, metric: 'cash' });
    expect(rankings()).toBe(2);

    const ltc = (await h.plan()).plan.funnels[0]!;
    await h.call('funnels.update', { id: ltc.id, value: { ...ltc, dealSize: scaled(ltc.dealSize, 2) } });
    const after = await h.call('simulation.sensitivity', { trials: 100 });
    expect(rankings()).toBe(3);
    expect(withoutTime(after)).toEqual(withoutTime(sensitivity((await h.plan()).plan as Plan, { trials: 100 })));
    expect(after).not.toEqual(first);
  });
});
