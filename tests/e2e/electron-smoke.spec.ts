// Launches the built Electron app and goes through what a first-time user
// does: the window shows the demo plan (served from app://planner), one
// simulation runs in the worker, and File ▸ Save a copy… writes a plan file
// that opens. Electron's binary is downloaded by its install script, which
// this project's build machines cannot do: there the test is skipped, saying
// why; on a machine with the binary (after `npm start` built the Electron
// binding) it runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from '@playwright/test';
import Database from 'better-sqlite3';
import { createTranslator } from '../../shared/i18n';
import { expect, readDemo, ROOT, test } from './fixtures';

const en = createTranslator('en');

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

const binary = electronBinary();
const binding = join(ROOT, 'native', `electron-${process.arch}`, 'better_sqlite3.node');

test('the Electron app opens the demo plan, runs a simulation and saves a copy', async () => {
  test.skip(
    binary.path === null,
    `Electron binary not installed: ${binary.why} (node_modules/electron/dist is filled by its install script, which downloads it)`,
  );
  test.skip(!existsSync(binding), `${binding} is missing: run "node scripts/electron-binding.mjs" (npm start does) on a machine with internet`);
  const mainEntry = join(ROOT, 'out/main/index.js');
  expect(existsSync(mainEntry), 'run "npx electron-vite build" first').toBe(true);
  const home = mkdtempSync(join(tmpdir(), 'planner-electron-'));
  const copy = join(home, 'Copy of the demo.salesplan');
  const app = await electron.launch({
    executablePath: binary.path!,
    args: [mainEntry, '--no-sandbox', '--lang=en-US'],
    env: { ...process.env, SALESPLAN_HOME: home },
  });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toBe('app://planner/index.html');
    const heading = window.getByRole('heading', { level: 2, name: readDemo('en').plan.name });
    await expect(heading).toBeVisible({ timeout: 30_000 });
    // Native menus replace the in-app File menu.
    await expect(window.locator('button[aria-haspopup="menu"]')).toHaveCount(0);

    // One simulation, through the worker bundle started from out/main/simulation-worker.cjs.
    await window.getByRole('navigation', { name: en.t('nav.label') }).getByRole('link', { name: en.t('nav.simulation') }).click();
    await window.getByRole('textbox', { name: en.t('simulation.trials') }).fill('500');
    await window.getByRole('button', { name: en.t('simulation.run'), exact: true }).click();
    await expect(window.getByRole('table', { name: en.t('simulation.totals.title') })).toBeVisible({ timeout: 60_000 });

    // File ▸ Save a copy…, with the save dialog answered in the main process.
    await app.evaluate(
      async ({ dialog, Menu }, { target, label }) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
        // The File menu is the first on Windows and Linux, the second on macOS (after the app menu).
        const item = Menu.getApplicationMenu()!
          .items.flatMap((m) => m.submenu?.items ?? [])
          .find((i) => i.label === label);
        item!.click();
      },
      { target: copy, label: en.t('file.saveCopy') },
    );
    await expect.poll(() => existsSync(copy), { timeout: 15_000 }).toBe(true);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
