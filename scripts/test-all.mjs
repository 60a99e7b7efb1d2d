// `npm test`: every check and test the project has, in order, then one
// summary line ("tests: N passed, N failed, N skipped") that CI reads.
// Stops at the first failing step but still prints the summary so far.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');

const steps = [
  ['type-check (every layer: shared, renderer, electron, tests)', 'node', ['scripts/typecheck.mjs']],
  ['lint', 'npx', ['eslint', '.']],
  ['build', 'npx', ['electron-vite', 'build']],
  // CI cannot build the Electron binding (no internet): the packaging check without it.
  ['packaging config (electron-builder, stand-in Electron)', 'node', ['scripts/check-builder.mjs', '--skip-build', '--without-electron-binding']],
  ['unit and node tests (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]],
  ['end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;
for (const [name, cmd, args, env] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failedStep = `${name} (exit ${r.status ?? r.signal})`;
    break;
  }
}

if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += v.numPassedTests ?? 0;
  totals.failed += v.numFailedTests ?? 0;
  totals.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

console.log('');
if (failedStep) console.log(`failed step: ${failedStep}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep || totals.failed > 0 ? 1 : 0);
