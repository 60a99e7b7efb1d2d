// `actuals --import` and `simulate --json` with actuals, as users run them:
// the real CLI in its own process on a copy of the demo plan (which has
// three months of actuals), judged by exit code, output and the plan file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan/types';
import { cli } from './cli-helpers';

let dir: string;
const exportPlan = async () => JSON.parse((await cli(dir, 'export', 'demo.salesplan')).stdout) as Plan;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesplan-actuals-cli-'));
  expect((await cli(dir, 'new', '--demo', 'demo.salesplan')).code).toBe(0);
});

describe('actuals --import', () => {
  it('imports a sheet of month, metric, value and segment as one edit (labels and 万 read as people write them)', async () => {
    writeFileSync(
      join(dir, 'april.csv'),
      ['Month,Metric,Value,Segment', '2027-04,leads,14,fin', '2027/4,Wins,1,Banks and financial institutions', '2027-04,订货,120万,', '2027-04,cash,"85,000",smb'].join('\n'),
    );
    const r = await cli(dir, 'actuals', 'demo.salesplan', '--import', 'april.csv');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('imported 4 actuals');
    const april = (await exportPlan()).actuals!.filter((a) => a.month === '2027-04');
    expect(april).toEqual([
      { month: '2027-04', metric: 'leads', value: 14, segmentId: 'fin' },
      { month: '2027-04', metric: 'wins', value: 1, segmentId: 'fin' },
      { month: '2027-04', metric: 'bookings', value: 1_200_000 },
      { month: '2027-04', metric: 'cash', value: 85_000, segmentId: 'smb' },
    ]);
  });

  it('refuses a sheet with a month outside the horizon or a duplicate, naming the rows, and changes nothing', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      ['month,metric,value,segment', '2027-05,leads,10,fin', '2031-01,leads,10,fin', '2027-05,leads,11,fin', '2027-05,bookings,-5,', '2027-05,smiles,3,'].join('\n'),
    );
    const before = await exportPlan();
    const r = await cli(dir, 'actuals', 'demo.salesplan', '--import', 'bad.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2031-01 is outside the plan’s horizon (rows 3; 1 in all)');
    expect(r.stderr).toContain('2027-05 leads fin appears more than once (rows 4; 1 in all; first in row 2)');
    expect(r.stderr).toContain('“-5” is not a number of 0 or more (rows 5');
    expect(r.stderr).toContain('“smiles” is not a metric (rows 6');
    expect(r.stderr).toContain('nothing was changed');
    expect(await exportPlan()).toEqual(before);
  });
});

describe('simulate --json with actuals', () => {
  it('adds the plan-vs-actual block and the reforecast of every target', async () => {
    const r = await cli(dir, 'simulate', 'demo.salesplan', '--trials', '500', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const plan = await exportPlan();
    expect(out.planVsActual.asOf).toBe('2027-04');
    expect(out.planVsActual.checks).toHaveLength(plan.actuals!.length);
    for (const c of out.planVsActual.checks) {
      expect(c.percentile).toBeGreaterThanOrEqual(0);
      expect(c.percentile).toBeLessThanOrEqual(1);
      expect(c.p10).toBeLessThanOrEqual(c.p90);
    }
    const targets = out.phases.flatMap((p: { targets: { id: string; probability: number }[] }) => p.targets);
    expect(out.reforecast.targets.map((t: { id: string }) => t.id)).toEqual(targets.map((t: { id: string }) => t.id));
    // "As planned" is the run's own probability: the same trials, re-created from the seed.
    out.reforecast.targets.forEach((t: { probability: number }, i: number) => expect(t.probability).toBe(targets[i].probability));
    expect(out.reforecast.ess).toBeGreaterThan(0);
    expect(out.reforecast.ess).toBeLessThanOrEqual(500);
    expect(out.reforecast.essBelowWarning).toBe(out.reforecast.ess < 50);
  });
});
