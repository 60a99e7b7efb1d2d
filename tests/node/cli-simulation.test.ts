// The simulation commands as users and scripts run them: the real CLI in its
// own process on a copy of the demo plan, judged by exit code and output.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliWithEnv, type Run } from './cli-helpers';
import type { Plan, Range } from '../../shared/plan/types';
import { KPI_METRICS, SERIES_METRICS } from '../../shared/plan/types';
import { simulate } from '../../shared/simulation';
import type { ExpectedResult, SimulationResult } from '../../shared/simulation';


async function json<T = Record<string, unknown>>(r: Promise<Run>): Promise<T> {
  const run = await r;
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

const withoutTime = (o: object) => JSON.stringify({ ...o, elapsedMs: 0 });
const STAT_KEYS = ['mean', 'p10', 'p50', 'p90'];
/** The documented result shape (docs/simulation-engine.md), Monte Carlo and --expected alike. */
const SHAPE = ['resultVersion', 'trials', 'seed', 'scenario', 'months', 'series', 'totals', 'phases', 'scopes', 'pursuits', 'goals', 'elapsedMs'];

let dir: string;
let demo: Plan;
// One folder for the whole file (the demo copy is made once): store-helpers' tempDir lasts one test.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesplan-sim-cli-'));
  expect((await cli(dir, 'new', '--demo', 'demo.salesplan')).code).toBe(0);
  demo = JSON.parse((await cli(dir, 'export', 'demo.salesplan')).stdout) as Plan;
});

describe('simulate', () => {
  it('--json prints one object of the documented shape, and stores the run in the plan file', async () => {
    const r = await json<SimulationResult>(cli(dir, 'simulate', 'demo.salesplan', '--trials', '500', '--json'));
    // The demo plan has actuals: the run's result gains plan vs actual and the reforecast (cli-actuals.test.ts).
    expect(Object.keys(r)).toEqual([...SHAPE, 'planVsActual', 'reforecast']);
    expect(r).toMatchObject({ resultVersion: 2, trials: 500, seed: demo.plan.seed, scenario: null });
    expect(r.months).toHaveLength(demo.plan.horizonMonths);
    expect(r.months[0]).toBe(demo.plan.startMonth);
    expect(Object.keys(r.series)).toEqual([...SERIES_METRICS]);
    for (const m of SERIES_METRICS) {
      expect(Object.keys(r.series[m])).toEqual(STAT_KEYS);
      for (const k of STAT_KEYS) expect(r.series[m][k as keyof (typeof r.series)[typeof m]]).toHaveLength(demo.plan.horizonMonths);
      expect(Object.keys(r.totals[m])).toEqual(STAT_KEYS);
      expect(r.totals[m].p10).toBeLessThanOrEqual(r.totals[m].p50);
      expect(r.totals[m].p50).toBeLessThanOrEqual(r.totals[m].p90);
    }
    expect(r.totals.bookings.mean).toBeGreaterThan(0);
    expect(r.phases.map((p) => p.id)).toEqual(demo.phases.map((p) => p.id));
    for (const p of r.phases) {
      expect(Object.keys(p)).toEqual(['id', 'totals', 'targets']);
      const own = demo.targets.filter((t) => t.phaseId === p.id);
      expect(p.targets.map((t) => t.id)).toEqual(own.map((t) => t.id));
      for (const t of p.targets) {
        expect(Object.keys(t)).toEqual(['id', 'metric', 'value', 'funnelId', 'segmentId', 'pooled', 'probability']);
        const own = demo.targets.find((x) => x.id === t.id)!;
        expect([t.funnelId, t.segmentId]).toEqual([own.funnelId ?? null, own.segmentId ?? null]);
        expect(t.probability).toBeGreaterThanOrEqual(0);
        expect(t.probability).toBeLessThanOrEqual(1);
      }
    }
    // Scopes: all funnels pooled, then each funnel, then each segment, each with horizon and phase KPIs.
    expect(r.scopes.map((s) => [s.kind, s.id])).toEqual([
      ['all', null],
      ...demo.funnels.map((f) => ['funnel', f.id]),
      ...demo.segments.map((s) => ['segment', s.id]),
    ]);
    expect(r.scopes[0]!.pooled).toBe(demo.funnels.length > 1);
    for (const s of r.scopes) {
      expect(Object.keys(s)).toEqual(['kind', 'id', 'pooled', 'totals', 'kpis', 'phases']);
      expect(Object.keys(s.kpis)).toEqual([...KPI_METRICS]);
      expect(s.phases.map((p) => p.id)).toEqual(demo.phases.map((p) => p.id));
      for (const w of [s, ...s.phases]) {
        for (const k of ['winRate', 'conversion'] as const) if (w.kpis[k].p90 !== null) expect(w.kpis[k].p90).toBeLessThanOrEqual(1);
      }
    }
    expect(r.scopes[0]!.kpis.winRate.mean).toBeGreaterThan(0);
    // Every firstContract goal has its odds (null only when its customer is not pursued).
    expect(r.goals.map((g) => g.id)).toEqual(demo.goals.filter((g) => g.metric === 'firstContract').map((g) => g.id));
    expect(r.pursuits.map((p) => p.customerId)).toEqual(demo.customers.filter((c) => c.breakthroughPhaseId !== undefined).map((c) => c.id));
    expect(r.elapsedMs).toBeGreaterThan(0);

    const db = new Database(join(dir, 'demo.salesplan'), { readonly: true });
    const stored = db.prepare("SELECT trials, seed, mode, result FROM simulation_runs ORDER BY rowid DESC LIMIT 1").get() as Record<string, unknown>;
    db.close();
    expect(stored).toMatchObject({ trials: 500, seed: demo.plan.seed, mode: 'monte-carlo' });
    // What is stored is the engine's result; plan vs actual and the reforecast are computed for the print.
    const { planVsActual, reforecast, ...engine } = r as SimulationResult & { planVsActual: unknown; reforecast: unknown };
    expect(planVsActual).toBeDefined();
    expect(reforecast).toBeDefined();
    expect(JSON.parse(stored.result as string)).toEqual(engine);
  });

  it('gives the same output for the same seed, and another for another seed', async () => {
    // In turn: a plan file has one writer at a time, so a second CLI on it would be refused.
    const run = (seed: string) => json(cli(dir, 'simulate', 'demo.salesplan', '--trials', '300', '--seed', seed, '--json'));
    const same1 = await run('42');
    const same2 = await run('42');
    const other = await run('43');
    expect(withoutTime(same2)).toBe(withoutTime(same1));
    expect(withoutTime(other)).not.toBe(withoutTime(same1));
    expect(same1.seed).toBe(42);
  });

  it('over 1,000 trials (its own thread and a worker) gives the engine\'s bytes; SALESPLAN_TRACE shows where the time went', async () => {
    const r = await cliWithEnv(dir, { SALESPLAN_TRACE: '1' }, 'simulate', 'demo.salesplan', '--trials', '1500', '--seed', '4', '--json');
    expect(r.code).toBe(0);
    const { planVsActual: _p, reforecast: _r, ...result } = JSON.parse(r.stdout) as SimulationResult & Record<string, unknown>;
    expect(withoutTime(result)).toBe(withoutTime(simulate(demo, { trials: 1500, seed: 4 })));
    // Each step on one line, ms since the process started, the thread: the CLI's and a worker, in order.
    const steps = [...r.stderr.matchAll(/^trace +([\d.]+) ms {2}(main|worker \d+) {2}(.+)$/gm)].map(([, ms, thread, step]) => ({ ms: Number(ms), thread, step }));
    expect(steps.length).toBe(r.stderr.trim().split('\n').length);
    const at = (step: string) => steps.find((x) => x.step === step)!;
    for (const step of ['CLI loaded', 'file open', 'chunks posted', 'own chunks done', 'chunks received', 'merged', 'result written', 'exit']) {
      expect(at(step)).toMatchObject({ thread: 'main' });
    }
    // One worker per core but one (at least one, at most three): each loads, runs its chunks; one of them then the reforecast.
    const workers = [...new Set(steps.filter((x) => x.thread !== 'main').map((x) => x.thread))];
    expect(workers.length).toBeGreaterThanOrEqual(1);
    for (const w of workers)
      expect(steps.filter((x) => x.thread === w).map((x) => x.step).slice(0, 3)).toEqual(['worker loaded', 'chunks task received', 'chunks done']);
    expect(steps.filter((x) => x.step === 'reforecast task received')).toHaveLength(1);
    expect(at('chunks posted').ms).toBeLessThan(at('chunks task received').ms);
    expect(at('chunks done').ms).toBeLessThanOrEqual(at('chunks received').ms);
    expect(at('merged').ms).toBeLessThan(at('exit').ms);
    // Off by default: not a line.
    expect((await cli(dir, 'simulate', 'demo.salesplan', '--trials', '1500', '--seed', '4', '--json')).stderr).toBe('');
  });

  it('--expected prints the same shape with means only; --scenario applies a scenario', async () => {
    const base = await json<ExpectedResult>(cli(dir, 'simulate', 'demo.salesplan', '--expected', '--json'));
    expect(Object.keys(base)).toEqual(SHAPE);
    expect(Object.keys(base.scopes[0]!.kpis.winRate)).toEqual(['mean']);
    expect(base).toMatchObject({ trials: 0, seed: null, scenario: null });
    for (const m of SERIES_METRICS) {
      expect(Object.keys(base.series[m])).toEqual(['mean']);
      expect(Object.keys(base.totals[m])).toEqual(['mean']);
    }
    expect(base.phases[0].targets[0]).toMatchObject({ probability: null });
    const low = await json<ExpectedResult>(cli(dir, 'simulate', 'demo.salesplan', '--expected', '--scenario', 'pessimistic', '--json'));
    expect(low.scenario).toBe('pessimistic');
    // Pessimistic: fewer leads, lower conversion, slower deals.
    expect(low.totals.leads.mean).toBeCloseTo(0.8 * base.totals.leads.mean, 3);
    expect(low.totals.bookings.mean).toBeLessThan(base.totals.bookings.mean);
    const mc = await json<SimulationResult>(cli(dir, 'simulate', 'demo.salesplan', '--trials', '200', '--scenario', 'optimistic', '--json'));
    expect(mc.scenario).toBe('optimistic');
  });

  it('prints a readable table without --json', async () => {
    const r = await cli(dir, 'simulate', 'demo.salesplan', '--trials', '200');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Simulation of "${demo.plan.name}"`);
    expect(r.stdout).toContain('200 trials');
    for (const p of demo.phases) expect(r.stdout).toContain(`${p.name} (${p.id})`);
    expect(r.stdout).toMatch(/^phase +metric +p10 +p50 +p90 +mean$/m);
    expect(r.stdout).toMatch(/^ +revenue +CN¥/m);
    expect(r.stdout).toMatch(/^p2 +t-p2-bookings +bookings +CN¥13M +\d+(\.\d)?%$/m);
    expect(r.stdout).toMatch(/^all funnels \(pooled\) +winRate +\d+(\.\d)?%/m);
    for (const f of demo.funnels) expect(r.stdout).toContain(`funnel ${f.name} (${f.id})`);
    expect(r.stdout).toMatch(/^ +salesCycleDays +\d/m);
  });

  it('refuses bad input with one line and a non-zero exit, before any work', async () => {
    const few = await cli(dir, 'simulate', 'demo.salesplan', '--trials', '50');
    expect(few).toMatchObject({ code: 1, stdout: '' });
    expect(few.stderr).toBe('error: trials: trials must be an integer in 100…1000000, got 50\n');
    const scenario = await cli(dir, 'simulate', 'demo.salesplan', '--scenario', 'nope');
    expect(scenario).toMatchObject({ code: 1, stdout: '', stderr: 'error: scenarioId: unknown scenario "nope"\n' });
    const malformed = await cli(dir, 'simulate', 'demo.salesplan', '--scenario', 'no such id');
    expect(malformed).toMatchObject({ code: 1, stdout: '' });
    expect(malformed.stderr).toBe('error: Invalid argument for simulation.run: scenarioId: must be 1–64 characters of A–Z, a–z, 0–9, "_", "." or "-"\n');
    const notNumber = await cli(dir, 'simulate', 'demo.salesplan', '--trials', 'many');
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toContain('--trials must be a number, got "many"');
    const noFunnels = join(dir, 'nofunnels.json');
    // Without funnels and segments, nothing may refer to them (focus segments, target scopes, actuals).
    const phases = demo.phases.map((p) => ({ ...p, focusSegmentIds: [] }));
    const targets = demo.targets.map(({ funnelId: _f, segmentId: _s, ...t }) => t);
    writeFileSync(noFunnels, JSON.stringify({ ...demo, phases, targets, funnels: [], segments: [], customers: [], goals: [], scenarios: [], actuals: [] }));
    expect((await cli(dir, 'import', 'nofunnels.json', 'nofunnels.salesplan')).code).toBe(0);
    const empty = await cli(dir, 'simulate', 'nofunnels.salesplan');
    expect(empty).toMatchObject({ code: 1, stdout: '', stderr: 'error: funnels: the plan has no funnels\n' });
  });
});

describe('required-leads', () => {
  it('prints the multiplier on every lead volume, and that many leads reach the probability', async () => {
    const q = 0.7;
    const r = await json<{ target: string; probability: number; multiplier: number; attainment: number; leadsPerMonth: Record<string, number> }>(
      cli(dir, 'required-leads', 'demo.salesplan', '--target', 't-p1-bookings', '--probability', String(q), '--json'),
    );
    expect(Object.keys(r)).toEqual(['target', 'probability', 'multiplier', 'attainment', 'leadsPerMonth']);
    expect(r).toMatchObject({ target: 't-p1-bookings', probability: q });
    expect(r.multiplier).toBeGreaterThan(0);
    expect(r.attainment).toBeGreaterThanOrEqual(q);
    expect(Object.keys(r.leadsPerMonth)).toEqual(demo.segments.map((s) => s.id));

    // Scale every lead volume by the multiplier, simulate with a fresh seed: the target is met about q of the time.
    const scale = (x: Range): Range => (typeof x === 'number' ? x * r.multiplier : { min: x.min * r.multiplier, mode: x.mode * r.multiplier, max: x.max * r.multiplier });
    const scaled: Plan = { ...demo, segments: demo.segments.map((s) => ({ ...s, leads: s.leads.map((e) => ({ ...e, perMonth: scale(e.perMonth) })) })) };
    writeFileSync(join(dir, 'scaled.json'), JSON.stringify(scaled));
    expect((await cli(dir, 'import', 'scaled.json', 'scaled.salesplan')).code).toBe(0);
    const sim = await json<{ phases: { id: string; targets: { id: string; probability: number }[] }[] }>(
      cli(dir, 'simulate', 'scaled.salesplan', '--trials', '2000', '--seed', '99', '--json'),
    );
    const p = sim.phases.find((x) => x.id === 'p1')!.targets.find((t) => t.id === 't-p1-bookings')!.probability;
    // 2,000 trials: one standard error is ≈ 0.01; the search stops within 1 % of the multiplier.
    expect(p).toBeGreaterThan(q - 0.05);
    expect(p).toBeLessThan(q + 0.08);
  });

  it('says why a ratio target cannot be met by more leads, and refuses an unknown target', async () => {
    const r = await json(cli(dir, 'required-leads', 'demo.salesplan', '--target', 't-p3-winRate', '--json'));
    expect(r).toMatchObject({ target: 't-p3-winRate', multiplier: null, leadsPerMonth: null, reachable: false, reason: 'kpiTarget' });
    const bad = await cli(dir, 'required-leads', 'demo.salesplan', '--target', 'nope');
    expect(bad).toMatchObject({ code: 1, stderr: 'error: targetId: unknown target "nope"\n' });
    expect((await cli(dir, 'required-leads', 'demo.salesplan')).code).toBe(2);
  });
});

describe('sensitivity', () => {
  it('lists every input with its swing, largest first', async () => {
    const r = await json<{ metric: string; phaseId: string; items: { input: { kind: string }; swing: number }[] }>(
      cli(dir, 'sensitivity', 'demo.salesplan', '--metric', 'bookings', '--phase', 'p2', '--trials', '200', '--json'),
    );
    expect(r).toMatchObject({ metric: 'bookings', phaseId: 'p2', trials: 200 });
    const stages = demo.funnels.reduce((n, f) => n + f.stages.length, 0);
    expect(r.items).toHaveLength(2 * stages + demo.segments.length + demo.funnels.length);
    const swings = r.items.map((i) => Math.abs(i.swing));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(swings[0]).toBeGreaterThan(0);
    const text = await cli(dir, 'sensitivity', 'demo.salesplan', '--phase', 'p2', '--trials', '100');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^input +−10 % +\+10 % +swing$/m);
    const bad = await cli(dir, 'sensitivity', 'demo.salesplan', '--phase', 'nope', '--trials', '100');
    expect(bad).toMatchObject({ code: 1, stderr: 'error: phaseId: unknown phase "nope"\n' });
  });

  it('is listed in --help with simulate and required-leads', async () => {
    const help = await cli(dir, '--help');
    for (const c of ['simulate', 'required-leads', 'sensitivity']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
});
