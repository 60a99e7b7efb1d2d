// The engine's A/B tool: bundles a checkout's engine as the app's workers run
// it (esbuild, CommonJS) and times 10,000-trial runs of the bench plan on one
// thread, printing CPU and wall min / median / max and a hash of the result.
// On a shared machine compare two checkouts by alternating processes:
//   for i in 1 2 3; do node bench/engine-cpu.mjs ../main; node bench/engine-cpu.mjs .; done
// usage: node bench/engine-cpu.mjs [checkout=.] [runs=6] [trials=10000]
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const runs = Number(process.argv[3] ?? 6);
const trials = Number(process.argv[4] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'engine-cpu-'));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  `export { simulate } from ${JSON.stringify(join(root, 'shared/simulation'))};\n` +
    `export { benchPlan } from ${JSON.stringify(join(root, 'bench/plans/simulation-bench'))};\n`,
);
const out = join(dir, 'engine.cjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error' });
const { simulate, benchPlan } = createRequire(import.meta.url)(out);

const plan = benchPlan();
simulate(plan, { trials: 1000 }); // JIT warm-up
const cpu = [];
const wall = [];
let result;
for (let i = 0; i < runs; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  result = simulate(plan, { trials });
  wall.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
const spread = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(0)} / ${s[(s.length - 1) >> 1].toFixed(0)} / ${s[s.length - 1].toFixed(0)}`;
};
const hash = createHash('sha256').update(JSON.stringify({ ...result, elapsedMs: 0 })).digest('hex').slice(0, 12);
console.log(
  `${root}: CPU ${spread(cpu)} ms, wall ${spread(wall)} ms (min / median / max of ${runs}), result hash ${hash}, load ${loadavg()[0].toFixed(1)}`,
);
