import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import {
  buildExportWorkerBundle,
  buildFileWorkerBundle,
  buildSpreadsheetWorkerBundle,
  buildWorkerBundle,
  EXPORT_WORKER_BUNDLE_NAME,
  FILE_WORKER_BUNDLE_NAME,
  SPREADSHEET_WORKER_BUNDLE_NAME,
  WORKER_BUNDLE_NAME,
} from './scripts/worker-bundle.mjs';
import { buildCliBundle } from './scripts/cli-bundle.mjs';

/**
 * out/main/simulation-worker.cjs, file-worker.cjs, spreadsheet-worker.cjs and export-worker.cjs,
 * CommonJS files (scripts/worker-bundle.mjs says why), and the CLI in out/cli/ (scripts/cli-bundle.mjs).
 */
function workerBundles(): Plugin {
  return {
    name: 'worker-bundles',
    apply: 'build',
    async closeBundle() {
      await buildWorkerBundle(resolve('out/main', WORKER_BUNDLE_NAME));
      await buildFileWorkerBundle(resolve('out/main', FILE_WORKER_BUNDLE_NAME));
      await buildSpreadsheetWorkerBundle(resolve('out/main', SPREADSHEET_WORKER_BUNDLE_NAME));
      await buildExportWorkerBundle(resolve('out/main', EXPORT_WORKER_BUNDLE_NAME));
      await buildCliBundle(resolve('out/cli'));
    },
  };
}

// main → out/main (ESM) plus the workers as out/main/*-worker.cjs, preload → out/preload/index.cjs (one CommonJS bundle:
// a sandboxed preload cannot load ESM or other files), renderer → out/renderer
// (served by Electron from app://planner/ and by the HTTP host).
export default defineConfig({
  main: {
    // Started beside index.js by electron/services/simulation/pool.ts and electron/services/file-work/runner.ts.
    plugins: [workerBundles()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
