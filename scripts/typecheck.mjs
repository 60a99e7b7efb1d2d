// `npm run typecheck`: every layer against its own tsconfig, one after the
// other (renderer: DOM, no Node; electron: Node, no DOM; shared: neither;
// tests, bench and scripts: both). Exits non-zero if any fails.
import { spawnSync } from 'node:child_process';

const TSCONFIGS = ['shared/tsconfig.json', 'renderer/tsconfig.json', 'electron/tsconfig.json', 'tsconfig.json'];

let failed = 0;
for (const project of TSCONFIGS) {
  console.log(`tsc --noEmit -p ${project}`);
  const r = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
