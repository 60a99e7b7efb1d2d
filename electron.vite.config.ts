import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main → out/main (ESM), preload → out/preload/index.cjs (one CommonJS bundle:
// a sandboxed preload cannot load ESM or other files), renderer → out/renderer
// (served by Electron from file:// and by the HTTP host).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // Started by electron/services/simulation/pool.ts as ./simulation-worker.js beside index.js.
          'simulation-worker': resolve('electron/services/simulation/worker.ts'),
          // Started by electron/services/export/job.ts as ./export-worker.js beside index.js.
          'export-worker': resolve('electron/services/export/worker.ts'),
        },
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
