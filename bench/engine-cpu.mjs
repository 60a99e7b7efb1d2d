// Times the bundled engine (engine-bundle.mjs) on one thread in a fresh
// process, as the app's simulation worker runs it: 10,000-trial runs of the
// bench plan after a warm-up, printing CPU and wall min / median / max and a
// hash of the result (the same hash: byte-identical results). The bench's
// 1-thread figure runs it with --json; the A/B tool for engine work is the
// same command on two checkouts, processes alternating on a shared machine:
//   for i in 1 2 3; do node bench/engine-cpu.mjs ../main; node bench/engine-cpu.mjs .; done
// usage: node bench/engine-cpu.mjs [checkout=.] [runs=6] [trials=10000] [--json]
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { bundleEngine, resultHash } from './engine-bundle.mjs';

const args = process.argv.slice(2).filter((a) => a !== '--json');
const asJson = process.argv.includes('--json');
const root = resolve(args[0] ?? '.');
const runs = Number(args[1] ?? 6);
const trials = Number(args[2] ?? 10_000);
const { simulate, benchPlan } = createRequire(import.meta.url)(await bundleEngine(root));

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
const hash = resultHash(result);
if (asJson) {
  process.stdout.write(JSON.stringify({ wall, cpu, hash }));
} else {
  const spread = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0].toFixed(0)} / ${s[(s.length - 1) >> 1].toFixed(0)} / ${s[s.length - 1].toFixed(0)}`;
  };
  console.log(`${root}: CPU ${spread(cpu)} ms, wall ${spread(wall)} ms (min / median / max of ${runs}), result hash ${hash}, load ${loadavg()[0].toFixed(1)}`);
}
