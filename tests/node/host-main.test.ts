// `npm run web`'s entry as a process: the URL is the first line on stdout,
// SIGTERM closes cleanly, and bad arguments fail with a message.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'host-main-test-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const child = spawn(process.execPath, [TSX, 'electron/host/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, stderr: () => stderr };
}

describe('electron/host/main.ts', () => {
  it('prints the URL with the token as its first stdout line and exits 0 on SIGTERM', async () => {
    const p = run(['--port', '0', '--data-dir', join(dir, 'data'), '--renderer-dir', rendererDir]);
    const first = await new Promise<string>((r) => createInterface({ input: p.child.stdout }).once('line', r));
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const res = await fetch(first);
    expect(res.status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('fails with a usage message on a bad option and on a missing renderer build', async () => {
    const bad = run(['--port', 'lots']);
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toMatch(/--port must be 0\.\.65535/);
    const unbuilt = run(['--data-dir', join(dir, 'data2'), '--renderer-dir', join(dir, 'nowhere')]);
    expect(await unbuilt.exited).toBe(1);
    expect(unbuilt.stderr()).toMatch(/renderer is not built/);
  });

  it('fails clearly when FILE cannot be opened', async () => {
    const p = run(['--data-dir', join(dir, 'data3'), '--renderer-dir', rendererDir, join(dir, 'missing.salesplan')]);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/missing\.salesplan/);
  });
});
