// The CLI as users and scripts run it: a separate process on real files,
// judged by exit code, stdout and stderr.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliLoads } from './cli-helpers';
import { translate } from '../../shared/i18n/translate';
import { LATEST_SCHEMA_VERSION } from '../../electron/store';
import { asV1 } from './migrations/legacy-plan';
import { demoJson, sha256, smallPlan, startApp, tempDir } from './store-helpers';


function writePlan(dir: string, name: string, plan: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof plan === 'string' ? plan : JSON.stringify(plan, null, 2));
  return p;
}

describe('salesplan CLI', () => {
  it('--help lists the commands; no command is a usage error', async () => {
    const dir = tempDir();
    const [help, none, unknown, sub] = await Promise.all([cli(dir, '--help'), cli(dir), cli(dir, 'frobnicate'), cli(dir, 'export', '--help')]);
    expect(help.code).toBe(0);
    for (const c of ['new', 'import', 'export', 'validate', 'info']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: salesplan <command>/);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('error: unknown command "frobnicate" (run "salesplan --help" for the list)\n');
    expect(sub).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: salesplan export FILE [--format pdf|html|xlsx|pptx|csv|json] [--out PATH]') });
  });

  it('new --demo creates a plan file; new never overwrites', async () => {
    const dir = tempDir();
    const made = await cli(dir, 'new', '--demo', 'demo.salesplan');
    expect(made).toMatchObject({ code: 0, stdout: `created ${join(dir, 'demo.salesplan')}\n`, stderr: '' });
    const hash = sha256(join(dir, 'demo.salesplan'));
    const again = await cli(dir, 'new', 'demo.salesplan');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`error: ${join(dir, 'demo.salesplan')} already exists; the CLI never overwrites a file\n`);
    expect(sha256(join(dir, 'demo.salesplan'))).toBe(hash);
    const exported = await cli(dir, 'export', 'demo.salesplan');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toStrictEqual(demoJson());
    // Reading a plan does not change it.
    expect(sha256(join(dir, 'demo.salesplan'))).toBe(hash);
  });

  it('new --lang zh-CN makes a blank Chinese plan; a bad --lang is a usage error', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'new', '--lang', 'zh-CN', 'blank.salesplan')).code).toBe(0);
    const info = await cli(dir, 'info', 'blank.salesplan');
    expect(info.stdout).toContain(`name:           ${translate('zh-CN', 'newBlank.defaultName')}\n`);
    expect(info.stdout).toMatch(/^phases: +4$/m);
    const bad = await cli(dir, 'new', '--lang', 'fr', 'x.salesplan');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be en or zh-CN');
  });

  it('import then export gives back the same plan, to stdout or --out', async () => {
    const dir = tempDir();
    writePlan(dir, 'plan.json', smallPlan());
    expect(await cli(dir, 'import', 'plan.json', 'p.salesplan')).toMatchObject({ code: 0, stdout: `imported "Test plan" into ${join(dir, 'p.salesplan')}\n` });
    const out = await cli(dir, 'export', 'p.salesplan', '--format', 'json', '--out', 'back.json');
    expect(out).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8'))).toStrictEqual(smallPlan());
    expect(await cli(dir, 'export', 'p.salesplan', '--format', 'docx')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown --format "docx"') });
  });

  it('import refuses an invalid plan, lists every problem, and writes nothing', async () => {
    const dir = tempDir();
    const plan = smallPlan();
    plan.customers[1]!.segmentId = 'nope';
    plan.phases[1]!.start = '2027-03';
    writePlan(dir, 'bad.json', plan);
    const before = readdirSync(dir).sort();
    const r = await cli(dir, 'import', 'bad.json', 'p.salesplan');
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: The plan was not imported; nothing was written: phases\[1\]: overlaps phase "p1".* \(and 1 more problem\)$/);
    expect(lines.slice(1).sort()).toEqual(['customers[1].segmentId: refers to unknown segment "nope"', 'phases[1]: overlaps phase "p1" (2027-01…2027-06)']);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('import refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    writePlan(dir, 'plan.json', smallPlan());
    writeFileSync(join(dir, 'taken.salesplan'), 'mine');
    const r = await cli(dir, 'import', 'plan.json', 'taken.salesplan');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(join(dir, 'taken.salesplan'), 'utf8')).toBe('mine');
  });

  it('validate prints each problem as "path: message", one per line, and exits 1', async () => {
    const dir = tempDir();
    writePlan(dir, 'good.json', smallPlan());
    const bad = smallPlan() as unknown as { customers: Record<string, unknown>[]; plan: Record<string, unknown> };
    bad.customers[1]!.tier = 'Z';
    bad.plan.colour = 'blue';
    writePlan(dir, 'bad.json', bad);
    const [good, invalid, missing, notJson] = await Promise.all([
      cli(dir, 'validate', 'good.json'),
      cli(dir, 'validate', 'bad.json'),
      cli(dir, 'validate', 'missing.json'),
      cli(dir, 'validate', writePlan(dir, 'text.json', 'hello')),
    ]);
    expect(good).toMatchObject({ code: 0, stdout: 'valid: "Test plan" — 2 customers, 2 phases, 1 funnels\n' });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr.trimEnd().split('\n')).toEqual(['plan.colour: unknown key', 'customers[1].tier: Invalid option: expected one of "S"|"A"|"B"|"C"']);
    expect(missing).toMatchObject({ code: 1, stderr: `error: There is no file at ${join(dir, 'missing.json')}\n` });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^not valid JSON/);
  });

  it('reads a format-version-1 document as version 2 and exports version 2 (cycleDays → salesCycleDays)', async () => {
    const dir = tempDir();
    const v1 = asV1(smallPlan()) as unknown as Record<string, unknown> & { targets: Record<string, unknown>[] };
    delete v1.decisions;
    delete v1.actuals;
    v1.targets.push({ id: 't2', phaseId: 'p2', metric: 'cycleDays', value: 40, ownerId: null });
    writePlan(dir, 'v1.json', v1);
    const valid = await cli(dir, 'validate', 'v1.json');
    expect(valid).toMatchObject({ code: 0, stdout: 'valid: "Test plan" — 2 customers, 2 phases, 1 funnels (format version 1, read as 2)\n' });
    expect((await cli(dir, 'import', 'v1.json', 'v1.salesplan')).code).toBe(0);
    const exported = JSON.parse((await cli(dir, 'export', 'v1.salesplan')).stdout) as ReturnType<typeof smallPlan>;
    expect(exported.formatVersion).toBe(2);
    expect(exported.targets[1]).toEqual({ id: 't2', phaseId: 'p2', metric: 'salesCycleDays', value: 40, ownerId: null });
    expect(exported).toEqual({ ...smallPlan(), decisions: [], targets: exported.targets });
    const info = await cli(dir, 'info', 'v1.salesplan');
    expect(info.stdout).toMatch(/^decisions: +0$/m);
    expect(info.stdout).toMatch(/^actuals: +0$/m);
    expect(info.stdout).toMatch(/^tiering: +none$/m);
  });

  it('info shows name, currency, horizon, counts, schema version and size', async () => {
    const dir = tempDir();
    await cli(dir, 'new', '--demo', 'demo.salesplan');
    const r = await cli(dir, 'info', 'demo.salesplan');
    expect(r.code).toBe(0);
    const demo = demoJson();
    expect(r.stdout).toContain(`name:           ${demo.plan.name}\n`);
    expect(r.stdout).toContain('currency:       CNY\n');
    expect(r.stdout).toContain('horizon:        2027-01 … 2029-12 (36 months)\n');
    expect(r.stdout).toContain(`customers:      ${demo.customers.length}\n`);
    expect(r.stdout).toContain(`goals:          ${demo.goals.length}\n`);
    expect(r.stdout).toContain(`schema version: ${LATEST_SCHEMA_VERSION}\n`);
    expect(r.stdout).toMatch(/^file size: +\d+ bytes$/m);
  });

  it('info loads neither the API schemas (zod) nor simulation code, simulate no schemas; validate does load the schemas', async () => {
    const dir = tempDir();
    expect((await cli(dir, 'new', 'blank.salesplan')).code).toBe(0);
    expect((await cli(dir, 'new', '--demo', 'demo.salesplan')).code).toBe(0);
    writePlan(dir, 'plan.json', smallPlan());
    const info = await cliLoads(dir, 'info', 'blank.salesplan');
    const validate = await cliLoads(dir, 'validate', 'plan.json');
    const simulate = await cliLoads(dir, 'simulate', 'demo.salesplan', '--expected', '--json');
    // Marks of zod's code and of the simulation's, in whatever chunk the bundler put them.
    const has = (files: string[], mark: string) => files.some((f) => readFileSync(f, 'utf8').includes(mark));
    expect(info).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('schema version:') });
    expect(validate.code).toBe(0);
    expect(simulate).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('"resultVersion"') });
    expect(has(simulate.loaded, 'ZodError')).toBe(false);
    expect(info.loaded.length).toBeGreaterThan(0);
    expect(has(info.loaded, 'ZodError')).toBe(false);
    expect(has(info.loaded, 'function validateSimulationInput')).toBe(false);
    expect(has(validate.loaded, 'ZodError')).toBe(true);
  });

  it('says in one line why a file cannot be opened', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.salesplan'), 'just text');
    const r = await cli(dir, 'info', 'notes.salesplan');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `error: ${join(dir, 'notes.salesplan')} is not a plan file (it is not an SQLite database)\n` });
  });

  it('refuses a plan that a window has open', async () => {
    const t = startApp();
    const path = (await t.call('file.current', {}))!.path;
    const r = await cli(t.dataDir, 'export', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .* is open in another window or program; close it there first\n$/);
  });
});
