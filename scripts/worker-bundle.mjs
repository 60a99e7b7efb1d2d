// How the app's worker threads are built: each one CommonJS file beside the
// main bundle. Electron loads CommonJS worker scripts from inside app.asar
// (covered by Electron's own tests); an ES-module worker there, or one that
// imports chunks shared with the main bundle, is not.
//   out/main/simulation-worker.cjs  self-contained: requires only Node built-ins
//   out/main/file-worker.cjs        also requires better-sqlite3 (a native module
//                                   cannot be bundled; the app passes its binding path)
//   out/main/export-worker.cjs      requires the app's runtime dependencies (see buildExportWorkerBundle)
//   out/main/spreadsheet-worker.cjs also requires exceljs (shipped in app.asar as a
//                                   dependency; CommonJS, so require() reads it there)
// electron.vite.config.ts runs this after the main bundle;
// tests/node/electron-worker-bundle.test.ts runs the results in plain Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const WORKER_BUNDLE_NAME = 'simulation-worker.cjs';
export const FILE_WORKER_BUNDLE_NAME = 'file-worker.cjs';
export const SPREADSHEET_WORKER_BUNDLE_NAME = 'spreadsheet-worker.cjs';
export const EXPORT_WORKER_BUNDLE_NAME = 'export-worker.cjs';
const simulationEntry = fileURLToPath(new URL('../electron/services/simulation/worker.ts', import.meta.url));
const fileEntry = fileURLToPath(new URL('../electron/services/file-work/worker.ts', import.meta.url));
const exportEntry = fileURLToPath(new URL('../electron/services/export/worker.ts', import.meta.url));
const spreadsheetEntry = fileURLToPath(new URL('../electron/services/spreadsheet-worker.ts', import.meta.url));

/** @param {string} outFile */
export async function buildWorkerBundle(outFile) {
  await bundle(simulationEntry, outFile, []);
}

/** @param {string} outFile */
export async function buildFileWorkerBundle(outFile) {
  await bundle(fileEntry, outFile, ['better-sqlite3']);
}

/** @param {string} outFile */
export async function buildSpreadsheetWorkerBundle(outFile) {
  await bundle(spreadsheetEntry, outFile, ['exceljs']);
}

/**
 * The export worker keeps the app's runtime dependencies outside (Chromium's
 * driver, exceljs, pptxgenjs and the report font ship in app.asar as
 * dependencies; the font is found with require.resolve); renderer-side
 * libraries it uses (echarts for SVG charts) go into the file.
 * @param {string} outFile
 */
export async function buildExportWorkerBundle(outFile) {
  await bundle(exportEntry, outFile, ['better-sqlite3', 'exceljs', 'papaparse', 'playwright-core', 'pptxgenjs', '@fontsource/noto-sans-sc', 'zod']);
}

async function bundle(entry, outFile, external) {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    external,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Everything but Node's own modules goes into the one file.
    packages: 'bundle',
    sourcemap: false,
    legalComments: 'none',
    // import.meta.url has no meaning in CommonJS: the file's own URL stands in for it.
    define: { 'import.meta.url': '__workerFileUrl' },
    banner: { js: "const __workerFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}
