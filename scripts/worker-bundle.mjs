// How the simulation worker is built for the app: one self-contained CommonJS
// file, out/main/simulation-worker.cjs, that requires only Node built-ins.
// Electron loads CommonJS worker scripts from inside app.asar (covered by
// Electron's own tests); an ES-module worker there, or one that imports
// chunks shared with the main bundle, is not. electron.vite.config.ts runs
// this after the main bundle; tests/node/electron-worker-bundle.test.ts runs
// the result alone in Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const WORKER_BUNDLE_NAME = 'simulation-worker.cjs';
const entry = fileURLToPath(new URL('../electron/services/simulation/worker.ts', import.meta.url));

/** @param {string} outFile */
export async function buildWorkerBundle(outFile) {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Everything but Node's own modules goes into the one file.
    packages: 'bundle',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
