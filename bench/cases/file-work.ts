// Heavy file work and the main thread (issue #7): the longest stall of the
// event loop while a 50,000-customer plan is opened, imported from JSON and
// saved as a copy — with the file work in worker threads, as the Electron app
// runs it, and inline (the CLI's way) for comparison. A stall is the longest
// gap between ticks of a 1 ms timer; the UI cannot answer for that long.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlannerApp } from '../../electron/services/app';
import { workerFileWork } from '../../electron/services/file-work/runner';
import { demoRepeated } from '../plans/demo-repeated';
import { call } from './app-session';
import type { BenchCase } from './types';

const CUSTOMERS = 50_000;

/** The longest gap between ticks of a 1 ms interval while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
    longest = Math.max(longest, performance.now() - last);
  } finally {
    clearInterval(timer);
  }
  return longest;
}

type Op = 'open' | 'import' | 'saveCopy';

async function measure(op: Op, inWorker: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'file-work-bench-'));
  const app = createPlannerApp({ dataDir: dir, actor: 'bench', ...(inWorker ? { fileWork: workerFileWork() } : {}) });
  try {
    const json = JSON.stringify(demoRepeated(CUSTOMERS));
    const big = join(dir, 'big.salesplan');
    if (op === 'import') return await longestStall(() => call(app, 'file.importJson', { json, path: big }));
    await call(app, 'file.importJson', { json, path: big });
    if (op === 'saveCopy') return await longestStall(() => call(app, 'file.saveCopy', { path: join(dir, 'copy.salesplan') }));
    await call(app, 'file.new', {});
    return await longestStall(() => call(app, 'file.open', { path: big }));
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const n = CUSTOMERS.toLocaleString('en');
const LABEL: Record<Op, string> = { open: `open a ${n}-customer plan`, import: `import a ${n}-customer plan from JSON`, saveCopy: `save a copy of a ${n}-customer plan` };

export const fileWorkCases: BenchCase[] = (['open', 'import', 'saveCopy'] as const).flatMap((op) => [
  { name: `Main-thread stall, ${LABEL[op]} (file work in a worker, as in the app)`, unit: 'ms' as const, budget: 100, run: () => measure(op, true) },
  { name: `Main-thread stall, ${LABEL[op]} (inline, as in the CLI)`, unit: 'ms' as const, budget: null, run: () => measure(op, false) },
]);
