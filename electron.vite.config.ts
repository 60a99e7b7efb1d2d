import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { buildWorkerBundle, WORKER_BUNDLE_NAME } from './scripts/worker-bundle.mjs';

/** out/main/simulation-worker.cjs, one self-contained CommonJS file (scripts/worker-bundle.mjs says why). */
function simulationWorker(): Plugin {
  return {
    name: 'simulation-worker-bundle',
    apply: 'build',
    async closeBundle() {
      await buildWorkerBundle(resolve('out/main', WORKER_BUNDLE_NAME));
    },
  };
}

// main → out/main (ESM) plus the simulation worker as out/main/simulation-worker.cjs, preload → out/preload/index.cjs (one CommonJS bundle:
// a sandboxed preload cannot load ESM or other files), renderer → out/renderer
// (served by Electron from app://planner/ and by the HTTP host).
export default defineConfig({
  main: {
    // Started by electron/services/simulation/pool.ts as ./simulation-worker.cjs beside index.js.
    plugins: [simulationWorker()],
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
