// Launches the built Electron app and checks that the window shows the demo
// plan. Electron's binary is downloaded by its install script, which this
// project's build machines cannot do: there the test is skipped, saying why;
// on a machine with the binary it runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, readDemo, ROOT, test } from './fixtures';

// Resolves the binary the way node_modules/electron/index.js does, but without
// its fallback of downloading Electron when the binary is missing.
function electronBinary(): { path: string | null; why: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, why: `${pathFile} is missing` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const path = join(dist, relative);
  return existsSync(path) ? { path, why: '' } : { path: null, why: `${path} does not exist` };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const binary = electronBinary();
const hasElectronBinary = binary.path !== null;

test('the Electron window opens the demo plan', async () => {
  test.skip(!hasElectronBinary, `Electron binary not installed: ${binary.why} (node_modules/electron/dist is filled by its install script, which downloads it)`);
  const mainEntry = join(ROOT, 'out/main/index.js');
  expect(existsSync(mainEntry), 'run "npx electron-vite build" first').toBe(true);
  const home = mkdtempSync(join(tmpdir(), 'planner-electron-'));
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [mainEntry, '--no-sandbox'],
    env: { ...process.env, SALESPLAN_HOME: home },
  });
  try {
    const window = await app.firstWindow();
    // The first-launch demo copy follows the OS language: either demo is right.
    const names = [readDemo('en').plan.name, readDemo('zh-CN').plan.name];
    const heading = window.getByRole('heading', { level: 2 }).filter({ hasText: new RegExp(names.map(escapeRegExp).join('|')) });
    await expect(heading).toBeVisible({ timeout: 30_000 });
    // Native menus replace the in-app File menu.
    await expect(window.locator('button[aria-haspopup="menu"]')).toHaveCount(0);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
