// The simulation worker as the packaged app starts it: one CommonJS file
// (scripts/worker-bundle.mjs), copied alone into an empty folder outside the
// project and run by a plain Node process with no node_modules to fall back
// on. If the bundle needed anything but Node's own modules, or were not
// CommonJS, this fails. Electron itself cannot run here; that it loads such a
// file from app.asar is Electron's own tested behaviour.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkerBundle, WORKER_BUNDLE_NAME } from '../../scripts/worker-bundle.mjs';
import { simulate } from '../../shared/simulation';
import { smallPlan, tempDir } from './store-helpers';

// Posts one 'chunks' and one 'merge' job the way pool.ts does and prints the merged result.
const DRIVER = `
const { Worker } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const opts = { trials: 600, seed: 3 };
const worker = new Worker(require('node:path').join(__dirname, ${JSON.stringify(WORKER_BUNDLE_NAME)}));
const cancel = new SharedArrayBuffer(4);
const ask = (id, task) => new Promise((resolve, reject) => {
  const onMessage = (m) => {
    if (m.id !== id || m.type === 'progress') return;
    worker.off('message', onMessage);
    m.type === 'done' ? resolve(m.value) : reject(new Error(m.error.message));
  };
  worker.on('message', onMessage);
  worker.postMessage({ id, task, cancel });
});
(async () => {
  const chunks = await ask(1, { kind: 'chunks', plan, opts, from: 0, to: 3 });
  const result = await ask(2, { kind: 'merge', plan, opts, chunks, elapsedMs: 0 });
  process.stdout.write(JSON.stringify({ ...result, elapsedMs: 0 }));
  await worker.terminate();
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the built simulation worker', () => {
  it('is one CommonJS file that needs only Node built-ins and runs alone in Node', async () => {
    const dir = tempDir('worker-bundle-');
    const bundle = join(dir, WORKER_BUNDLE_NAME);
    await buildWorkerBundle(bundle);

    const code = readFileSync(bundle, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
    expect(required.filter((m) => !m.startsWith('node:') && !builtinModules.includes(m))).toEqual([]);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);

    const plan = smallPlan();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'driver.cjs'), DRIVER);
    // cwd and the files are outside the project: no node_modules can be found from there.
    const r = spawnSync(process.execPath, ['driver.cjs', 'plan.json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(JSON.stringify({ ...simulate(plan, { trials: 600, seed: 3 }), elapsedMs: 0 }));
  });
});
