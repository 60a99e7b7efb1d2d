// The simulation engine as the app runs it: bundled by esbuild into one
// CommonJS file (the options of scripts/worker-bundle.mjs), not compiled
// module by module by tsx as the rest of the bench is. Under tsx every read
// of an imported binding is a getter call, which made the engine's figures
// ≈ 20 % slower than the app's workers and the built CLI ever are.

import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Engine = typeof import('../../shared/simulation');

const entry = fileURLToPath(new URL('../../shared/simulation/index.ts', import.meta.url));
let bundlePath: string | null = null;

/** Path of the bundled engine (built once per bench process). */
export function engineBundle(): string {
  if (bundlePath) return bundlePath;
  const out = join(mkdtempSync(join(tmpdir(), 'planner-bench-engine-')), 'engine.cjs');
  buildSync({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'bundle',
    legalComments: 'none',
    logLevel: 'warning',
  });
  bundlePath = out;
  return out;
}

/** The bundled engine, loaded in this thread. */
export function bundledEngine(): Engine {
  return createRequire(import.meta.url)(engineBundle()) as Engine;
}
