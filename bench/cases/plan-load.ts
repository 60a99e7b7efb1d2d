// Plan loading with bad input (issue #14): plans whose customers do not fit
// a window. A million customers (a file grown in SQLite) must be refused at
// once with the limits named, not freeze the window while the host reads
// them; 1,000 customers with 10 MB of needs notes load as any plan does.
// Real HTTP host in this process, the built renderer in Chromium; each figure
// timed in the page from the navigation's start (3 runs).
import { join } from 'node:path';
import { customers50kPlan } from '../plans/customers-50k';
import { growCustomers } from '../plans/grow-customers';
import { call, openAppSession, sharedSession, type AppSession } from './app-session';
import type { BenchCase } from './types';

const RUNS = 3;

type Session = AppSession;

const ROWS = '[role=grid] [role=row][aria-rowindex="2"]';
const REFUSAL = '[role=alert]';

/** Notes (performance.now(), from the navigation's start) when the first rows or a refusal show, and which, after a painted frame. */
const PROBE = `
if (location.hash.startsWith('#/customers')) {
  const look = () => {
    const what = document.querySelector('${ROWS}') ? 'rows' : document.querySelector('${REFUSAL}') ? 'refusal' : null;
    if (!what) return requestAnimationFrame(look);
    // Seen in a frame's callbacks, before its paint: the next frame's callbacks run after that paint.
    requestAnimationFrame(() => (window.__shown = { what, at: performance.now() }));
  };
  requestAnimationFrame(look);
}`;

async function open(): Promise<Session> {
  const s = await openAppSession('plan-load-bench-');
  await s.page.addInitScript(PROBE);
  return s;
}

const shared = sharedSession(open);
const session = shared.get;
const close = shared.close;

/** Loads the app on the Customers screen `RUNS` times; each run's time until `expected` (rows or a refusal) shows. */
async function loads(s: Session, expected: 'rows' | 'refusal'): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await s.page.goto('about:blank');
    await s.page.goto(`${s.host.url}#/customers`);
    const handle = await s.page.waitForFunction(() => (window as unknown as { __shown?: unknown }).__shown, undefined, { timeout: 120_000 });
    const shown = (await handle.jsonValue()) as { what: string; at: number };
    if (shown.what !== expected) throw new Error(`expected ${expected}, the page showed ${shown.what}`);
    runs.push(shown.at);
  }
  return runs;
}

/**
 * A copy of the demo plan grown past what a window loads (`grow` adds the
 * customers), opened, and the page loaded until the refusal shows; the
 * refusal must name `named` (the count or the size).
 */
async function refusalRuns(fileName: string, grow: (path: string) => void, named: string): Promise<{ runs: number[] }> {
  const s = await session();
  const big = join(s.dir, fileName);
  await call(s.app, 'file.new', { path: join(s.dir, `first-${fileName}`), demo: true });
  await call(s.app, 'file.saveCopy', { path: big });
  grow(big);
  await call(s.app, 'file.open', { path: big });
  const runs = await loads(s, 'refusal');
  const text = await s.page.getByRole('alert').textContent();
  if (!text?.includes(named)) throw new Error(`the refusal does not name ${named}: ${text}`);
  return { runs };
}

const cases: Omit<BenchCase, 'cleanup'>[] = [
  {
    name: `Plan loading, 1,000,000 customers (bad input): page load → refusal shown, limits named (${RUNS} runs)`,
    unit: 'ms',
    budget: 1000,
    run: () => refusalRuns('million.salesplan', (path) => growCustomers(path, 1_000_000), '1,000,000'),
  },
  {
    name: `Plan loading, 7,000 customers with 70 MB of needs notes (bad input): page load → refusal shown (${RUNS} runs)`,
    unit: 'ms',
    budget: 1000,
    run: () => refusalRuns('notes-70mb.salesplan', (path) => growCustomers(path, 7000, 10_000), 'MB'),
  },
  {
    name: `Plan loading, 1,000 customers with 10 MB of needs notes: page load → first rows shown (${RUNS} runs)`,
    unit: 'ms',
    budget: 1000,
    async run() {
      const s = await session();
      const plan = customers50kPlan(1000);
      for (const c of plan.customers) c.needs = `${c.name} `.repeat(1000).slice(0, 10_000);
      await call(s.app, 'file.importJson', { json: JSON.stringify(plan), path: join(s.dir, 'notes.salesplan') });
      return { runs: await loads(s, 'rows') };
    },
  },
];

export const planLoadCases: BenchCase[] = cases.map((c) => ({ ...c, cleanup: close }));
