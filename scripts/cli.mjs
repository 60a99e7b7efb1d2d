// `npm run cli -- <command> …`: the built CLI (out/cli/main.js, made by
// `npm run build` with the rest: scripts/cli-bundle.mjs), run in this process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`error: the CLI is not built (${main} is missing); run "npm run build" first\n`);
  process.exitCode = 1;
} else {
  await import(main);
}
