// `npm run cli -- <command> …`: the built CLI (out/cli/main.js, made by
// `npm run build` with the rest: scripts/cli-bundle.mjs), run in this process.
// package.json starts it with --no-concurrent-recompilation: V8 then compiles
// hot code on the thread that runs it, not on a helper thread that competes
// with the simulation's threads for the cores (`simulate` keeps every core
// busy); that took ≈ 15 % off simulate's CPU time (docs/simulation-runs.md, CLI).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`error: the CLI is not built (${main} is missing); run "npm run build" first\n`);
  process.exitCode = 1;
} else {
  await import(main);
}
