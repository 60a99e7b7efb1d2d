// The architecture's import boundaries are lint rules (eslint.config.js).
// Each case lints a one-line snippet as if it lived in a given folder, so a
// boundary that stops firing, or starts firing on allowed code, fails here.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/**
 * The no-restricted-imports messages for `code` placed at `file`. Any other
 * error (a parse error, a config that failed to load) fails the test; unused
 * imports are expected in one-line snippets.
 */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${root}/${file}` });
  const errors = result!.messages.filter((m) => m.severity === 2);
  const other = errors.filter((m) => m.ruleId !== 'no-restricted-imports' && !m.ruleId?.endsWith('no-unused-vars'));
  expect(other.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  return errors.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

type Case = [file: string, code: string];

const forbidden: Case[] = [
  // Only the shell imports Electron.
  ['shared/api/x.ts', "import { app } from 'electron';"],
  ['renderer/views/x.tsx', "import { ipcRenderer } from 'electron';"],
  ['renderer/views/x.tsx', "import type { IpcRenderer } from 'electron/renderer';"],
  ['electron/store/x.ts', "import { app } from 'electron';"],
  ['electron/services/x.ts', "export { dialog } from 'electron';"],
  ['electron/cli/x.ts', "import 'electron';"],
  ['electron/host/x.ts', "import { shell } from 'electron/main';"],
  ['tests/node/x.test.ts', "import { app } from 'electron';"],
  // shared/ is pure.
  ['shared/plan/x.ts', "import { readFileSync } from 'node:fs';"],
  ['shared/plan/x.ts', "import { join } from 'path';"],
  ['shared/simulation/x.ts', "import { Worker } from 'worker_threads';"],
  ['shared/simulation/x.ts', "import { randomUUID } from 'crypto';"],
  ['shared/api/x.ts', "import { readFile } from 'fs/promises';"],
  ['shared/api/x.ts', "import { spawn } from 'child_process';"],
  ['shared/i18n/x.ts', "import os from 'os';"],
  ['shared/plan/x.ts', "import Database from 'better-sqlite3';"],
  ['shared/i18n/x.ts', "import { useState } from 'react';"],
  ['shared/i18n/x.ts', "import { createRoot } from 'react-dom/client';"],
  ['shared/plan/x.ts', "import { makeAutoObservable } from 'mobx';"],
  ['shared/plan/x.ts', "import { observer } from 'mobx-react-lite';"],
  ['shared/plan/x.ts', "import * as echarts from 'echarts/core';"],
  ['shared/plan/x.ts', "import { useReactTable } from '@tanstack/react-table';"],
  ['shared/plan/x.ts', "import { createPlannerApp } from '../../electron/services/app';"],
  ['shared/plan/x.ts', "import { RootStore } from '../../renderer/stores/root';"],
  // renderer/ never reaches Node, Electron or the store.
  ['renderer/stores/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['renderer/stores/x.ts', "import path from 'path';"],
  ['renderer/views/x.tsx', "import Database from 'better-sqlite3';"],
  ['renderer/views/x.tsx', "import { createPlannerApp } from '../../electron/services/app';"],
  ['renderer/x.ts', "import type { PlannerApp } from '../electron/services/app';"],
  ['renderer/components/table/x.tsx', "export * from '../../../electron/store/db';"],
  // The Node side does not depend on the shell or the UI.
  ['electron/services/x.ts', "import { windowTitle } from '../main/launch';"],
  ['electron/store/x.ts', "import { UiStore } from '../../renderer/stores/ui';"],
  ['electron/main/x.ts', "import { App } from '../../renderer/App';"],
  // The sandboxed preload can require nothing but electron.
  ['electron/preload/x.ts', "import { join } from 'node:path';"],
  ['electron/preload/x.ts', "import { readFileSync } from 'fs';"],
  ['electron/preload/x.ts', "import { createPlannerApp } from '../services/app';"],
  ['electron/preload/x.ts', "import { isAppUrl } from '../main/security';"],
];

const allowed: Case[] = [
  ['electron/main/x.ts', "import { app, BrowserWindow } from 'electron';\nimport { join } from 'node:path';"],
  ['electron/main/x.ts', "import { createPlannerApp } from '../services/app';"],
  ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
  ['electron/preload/x.ts', "import { BRIDGE_KEY } from '../../shared/api/bridge';"],
  ['electron/store/x.ts', "import Database from 'better-sqlite3';\nimport { join } from 'node:path';"],
  ['electron/services/x.ts', "import { parsePlanText } from '../../shared/plan/parse';"],
  ['shared/plan/x.ts', "import { z } from 'zod';\nimport { formatPath } from './rules';"],
  // A folder merely *named* like a forbidden module is not that module.
  ['shared/plan/x.ts', "import { x } from './path';"],
  ['renderer/views/x.tsx', "import { observer } from 'mobx-react-lite';\nimport { useState } from 'react';"],
  ['renderer/views/x.tsx', "import { createClient } from '../../shared/api/client';"],
  ['tests/node/x.test.ts', "import Database from 'better-sqlite3';\nimport { app } from '../../electron/services/app';"],
  ['electron.vite.config.ts', "import { defineConfig } from 'electron-vite';"],
];

describe('lint boundaries', () => {
  it.each(forbidden)('%s may not: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toHaveLength(1);
  });

  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });

  it('says why, pointing at the architecture', async () => {
    const [message] = await boundaryErrors('renderer/x.ts', "import { ipcRenderer } from 'electron';");
    expect(message).toMatch(/Only electron\/main and electron\/preload may import Electron/);
  });
});

/** The write-convention messages (no-restricted-syntax) for `code` placed at `file`. */
async function conventionErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${root}/${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('one way to write (views and components go through store actions)', () => {
  it.each([
    ['renderer/views/x.tsx', "declare const plan: any; void plan.update('people', 'a', {});"],
    ['renderer/components/x.tsx', "declare const plan: any; void plan.remove('goals', 'g');"],
    ['renderer/views/x.tsx', "declare const root: any; void root.client.invoke('team.get', {});"],
    ['renderer/views/x.tsx', "import { toApiError } from '../stores/PlanStore';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await conventionErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/views/x.tsx', "declare const people: any; void people.deletePerson({});"],
    ['renderer/stores/x.ts', "declare const plan: any; void plan.update('people', 'a', {});"],
  ])('%s may: %s', async (file, code) => {
    expect(await conventionErrors(file, code)).toEqual([]);
  });
});
