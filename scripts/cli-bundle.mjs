// How the CLI is built: out/cli/main.js, an ES module that imports each
// command's code (and what only it needs: zod schemas, the engine, exceljs)
// from chunks beside it when that command runs, plus the worker bundles its
// commands start, the same as the app's: out/cli/simulation-worker.cjs
// (simulate, required-leads, sensitivity) and out/cli/export-worker.cjs
// (export --format pdf|html|xlsx|pptx|csv). services/simulation/pool.ts and
// services/export/job.ts look for them beside the file that holds their code:
// all are in one folder. The CLI starts no file worker (its session does file
// work inline) and no spreadsheet worker (calibrate reads a workbook itself).
// better-sqlite3 is native and stays a dependency (node_modules), as do the
// export worker's runtime dependencies (scripts/worker-bundle.mjs).
// electron.vite.config.ts runs this after the main bundle; `npm run cli`
// runs the result (docs/simulation-runs.md, CLI).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExportWorkerBundle, buildWorkerBundle, EXPORT_WORKER_BUNDLE_NAME, WORKER_BUNDLE_NAME } from './worker-bundle.mjs';

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
  await buildExportWorkerBundle(join(outDir, EXPORT_WORKER_BUNDLE_NAME));
}
