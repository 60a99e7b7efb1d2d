// Heavy file work off the main thread (electron/services/file-work): the app
// as the Electron shell configures it (workerFileWork), with real worker
// threads on real plan files. The answers must be those of the inline path,
// errors included; and while a job runs, the main thread keeps turning.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workerFileWork } from '../../electron/services/file-work/runner';
import { buildFileWorkerBundle, FILE_WORKER_BUNDLE_NAME } from '../../scripts/worker-bundle.mjs';
import { demoJson, sha256, startApp, tempDir } from './store-helpers';

const ROOT = join(import.meta.dirname, '../..');

/** Counts turns of the event loop while `work` runs: a blocked main thread would give 0. */
async function turnsDuring<T>(work: Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  try {
    return { value: await work, turns };
  } finally {
    running = false;
  }
}

describe('file work in worker threads (the Electron app)', () => {
  it('imports plan JSON in a worker and opens the new file; the main thread keeps turning', async () => {
    const t = startApp({ fileWork: workerFileWork() });
    const json = JSON.stringify(demoJson('en'));
    const { value: res, turns } = await turnsDuring(t.raw('file.importJson', { json }));
    expect(res.ok).toBe(true);
    expect(turns).toBeGreaterThan(0);
    // The first-launch demo copy already has the plan's name: the import takes the next free one.
    const current = await t.call('file.current', {});
    expect(current!.path).toBe(join(t.dataDir, 'plans', `${demoJson('en').plan.name} (2).salesplan`));
    expect((await t.call('plan.get', {})).plan.plan.name).toBe(demoJson('en').plan.name);
  });

  it('an invalid import comes back from the worker as invalid_plan with every issue, and writes nothing', async () => {
    const t = startApp({ fileWork: workerFileWork() });
    const before = readdirSync(join(t.dataDir, 'plans')).sort();
    const bad = demoJson('en') as unknown as { customers: { tier: string }[] };
    bad.customers[3]!.tier = 'Z';
    const err = await t.fail('file.importJson', { json: JSON.stringify(bad) });
    expect(err.code).toBe('invalid_plan');
    expect((err.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain('customers[3].tier');
    expect(readdirSync(join(t.dataDir, 'plans')).sort()).toEqual(before);
  });

  it('runs the open checks in a worker: a damaged file is refused as corrupt and left byte for byte', async () => {
    const t = startApp({ fileWork: workerFileWork() });
    const good = (await t.call('file.current', {}))!.path;
    const dir = tempDir('file-work-');
    const damaged = join(dir, 'damaged.salesplan');
    const copy = join(dir, 'copy.salesplan');
    expect((await t.raw('file.saveCopy', { path: copy })).ok).toBe(true);
    copyFileSync(copy, damaged);
    // Zero a page in the middle: the header stays ours, quick_check finds the damage.
    const { openSync, writeSync, closeSync, statSync } = await import('node:fs');
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(4096), 0, 4096, Math.floor(statSync(damaged).size / 8192) * 4096);
    closeSync(fd);
    const hash = sha256(damaged);
    const err = await t.fail('file.open', { path: damaged });
    expect(['corrupt', 'not_a_plan']).toContain(err.code);
    expect(sha256(damaged)).toBe(hash);
    expect((await t.call('file.current', {}))!.path).toBe(good);
    // And a sound file opens through the same path.
    expect((await t.call('file.open', { path: copy })).path).toBe(copy);
  });

  it('saves a copy in steps and has it checked before it takes the name', async () => {
    const t = startApp({ fileWork: workerFileWork() });
    const dir = tempDir('file-work-');
    const target = join(dir, 'Copy.salesplan');
    writeFileSync(target, 'an older copy the user chose to replace');
    const { value: res, turns } = await turnsDuring(t.raw('file.saveCopy', { path: target }));
    expect(res.ok).toBe(true);
    expect(turns).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual(['Copy.salesplan']); // no temporary file left
    const other = startApp({});
    expect((await other.call('file.open', { path: target })).name).toBe('Copy');
    expect((await other.call('plan.get', {})).plan.plan.name).toBe((await t.call('plan.get', {})).plan.plan.name);
  });
});

describe('the built file worker', () => {
  const dir = join(ROOT, '.tmp', `file-worker-test-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one CommonJS file that needs only Node built-ins and better-sqlite3, and does the same work', async () => {
    mkdirSync(dir, { recursive: true });
    const bundle = join(dir, FILE_WORKER_BUNDLE_NAME);
    await buildFileWorkerBundle(bundle);
    const { readFileSync } = await import('node:fs');
    const { builtinModules } = await import('node:module');
    const code = readFileSync(bundle, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
    expect(required.filter((m) => !m.startsWith('node:') && !builtinModules.includes(m))).toEqual(['better-sqlite3']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);

    const t = startApp({ fileWork: workerFileWork(pathToFileURL(bundle)) });
    const res = await t.raw('file.importJson', { json: JSON.stringify(demoJson('zh-CN')) });
    expect(res.ok).toBe(true);
    expect(existsSync((await t.call('file.current', {}))!.path)).toBe(true);
    const err = await t.fail('file.open', { path: join(dir, 'missing.salesplan') });
    expect(err.code).toBe('file_not_found');
  });
});
