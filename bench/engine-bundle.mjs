// The simulation engine as the app runs it: a checkout's shared/simulation
// bundled by esbuild into one CommonJS file with the options of the app's
// simulation worker (scripts/worker-bundle.mjs), plus the bench plan. The
// bench's Monte Carlo figures and the A/B tool (engine-cpu.mjs) load this
// file: run by tsx module by module instead, every read of an imported
// binding is a getter call, ≈ 20 % slower than the app's workers and the
// built CLI ever are.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ownCheckout = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles `checkout`'s engine (this one by default) into a temporary file and
 * returns its path; the file exports shared/simulation's API and `benchPlan`.
 * @param {string} [checkout]
 * @returns {Promise<string>}
 */
export async function bundleEngine(checkout = ownCheckout) {
  const root = resolve(checkout);
  const dir = mkdtempSync(join(tmpdir(), 'planner-engine-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export * from ${JSON.stringify(join(root, 'shared/simulation'))};\n` +
      `export { benchPlan } from ${JSON.stringify(join(root, 'bench/plans/simulation-bench'))};\n`,
  );
  const outfile = join(dir, 'engine.cjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'bundle',
    legalComments: 'none',
    // The checkout's compiler settings (esbuild would not find them from the temporary entry).
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * A result's digest without its elapsed time: equal digests, byte-identical
 * results (how the bench checks that two ways of running the trials agree).
 * @param {object} result
 * @returns {string}
 */
export function resultHash(result) {
  return createHash('sha256').update(JSON.stringify({ ...result, elapsedMs: 0 })).digest('hex').slice(0, 12);
}
