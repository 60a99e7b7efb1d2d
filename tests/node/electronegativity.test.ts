// Electronegativity (Doyensec's Electron security linter) over the Electron
// sources: no HIGH finding. Runs the real tool as users run it, offline: its
// one networked check (AvailableSecurityFixesGlobalCheck, which downloads
// Electron's release list) is left out; Electron's version is given (-e).
//
// Findings accepted today, all below HIGH, and why:
// - AUXCLICK_JS_CHECK (MEDIUM), main/window.ts: middle-click could open a new
//   window — window.ts refuses every new window (setWindowOpenHandler → deny)
//   and every navigation away from the app page (will-navigate), tested in
//   electron-preload-window.test.ts.
// - PRELOAD_JS_CHECK (MEDIUM), main/window.ts: "review the preload" — the
//   preload is sandboxed, exposes only invoke/on through contextBridge, and
//   every call is checked by sender and zod schema (electron-security.test.ts).
// - CSP_GLOBAL_CHECK (INFORMATIONAL): the tool cannot parse a CSP it finds as
//   a joined array in main/security.ts; the policy itself is tested in
//   host.test.ts and electron-security.test.ts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from './store-helpers';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;

it('finds no HIGH-severity issue in the Electron sources', { timeout: 120_000 }, async () => {
  const out = join(tempDir(), 'electronegativity.csv');
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [BIN, '-i', join(ROOT, 'electron'), '-o', out, '-r', '-v', 'false', '-e', ELECTRON_VERSION, '-x', 'AvailableSecurityFixesGlobalCheck'],
      { cwd: ROOT },
      (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()),
    ),
  );
  const csv = readFileSync(out, 'utf8');
  expect(csv).toMatch(/^issue, severity, confidence/);
  const high = csv.split('\n').filter((line) => line.includes(',"HIGH",'));
  expect(high).toEqual([]);
  // The run looked at our code: the accepted findings above are there.
  expect(csv).toContain('PRELOAD_JS_CHECK');
});
