// How the CLI is built: out/cli/main.js, an ES module that imports each
// command's code (and what only it needs: zod schemas, the engine, exceljs)
// from chunks beside it when that command runs, plus out/cli/simulation-worker.cjs,
// the same worker bundle as the app's (services/simulation/pool.ts looks for
// it beside the file that holds the pool: all are in one folder). better-sqlite3 is native and
// stays a dependency (node_modules, or app.asar's in the packaged app).
// electron.vite.config.ts runs this after the main bundle; `npm run cli`
// runs the result (docs/simulation-runs.md, CLI).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkerBundle, WORKER_BUNDLE_NAME } from './worker-bundle.mjs';

const entry = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));

/** @param {string} outDir */
export async function buildCliBundle(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: { main: entry },
    outdir: outDir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'bundle',
    external: ['better-sqlite3'],
    // Bundled CommonJS packages (exceljs, papaparse) call require() for Node's modules.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    chunkNames: '[name]-[hash]',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  await buildWorkerBundle(join(outDir, WORKER_BUNDLE_NAME));
}
