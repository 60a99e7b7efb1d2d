// Exports as the app makes them (issue #10): `export.start` → `export.wait`
// on the demo plan (36 actuals) with an up-to-date stored run (so no
// simulation is run for the report), three exports in one session, each
// including its worker thread (and, for the PDF, launching Chromium) — the
// built worker when `npm run build` has run, as in the app. The first
// export of the session computes the risk ranking and (PDF, HTML) plan vs
// actual; the next two reuse them (services/simulation/analysis-cache.ts):
// the figure is the median of the three, and the first one is a figure of
// its own (no budget). CPU time of this process (host and worker threads; Chromium not
// counted) goes to stderr. Then the 50,000-customer workbook in its own
// process: wall time and peak memory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExportFormat } from '../../shared/api/methods/export';
import { createDispatcher } from '../../shared/api/dispatch';
import { handlers } from '../../electron/services/handlers';
import { demoPlan } from '../../electron/services/demo';
import { PlannerSession } from '../../electron/services/session';
import { exportJobs } from '../../electron/services/export/jobs';
import type { BenchCase } from './types';

const dispatch = createDispatcher(handlers);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The worker the built app starts (electron-vite); the TypeScript one (tsx, seconds to start) when out/ was not built. */
const BUILT = join(ROOT, 'out/main/export-worker.cjs');

async function call<T>(session: PlannerSession, method: string, arg: unknown): Promise<T> {
  const r = await dispatch(method as never, arg as never, session);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const measured = new Map<ExportFormat, Promise<number[]>>();
/** The three exports' wall times of `format`, measured once for both of its figures. */
function exportTimes(format: ExportFormat): Promise<number[]> {
  let times = measured.get(format);
  if (!times) measured.set(format, (times = measureExports(format)));
  return times;
}

async function measureExports(format: ExportFormat): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  const session = new PlannerSession({ lang: 'en', actor: 'bench', appVersion: 'bench' });
  try {
    await call(session, 'file.importJson', { json: JSON.stringify(demoPlan('en')), path: join(dir, 'demo.salesplan') });
    const { runId } = await call<{ runId: string }>(session, 'simulation.run', {});
    await call(session, 'simulation.wait', { runId });
    if (existsSync(BUILT)) exportJobs(session).workerUrl = pathToFileURL(BUILT);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const { exportId } = await call<{ exportId: string }>(session, 'export.start', { format, lang: 'zh-CN', path: join(dir, `out-${i}.${format}`) });
      await call(session, 'export.wait', { exportId });
      times.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      process.stderr.write(`  ${format} export ${i + 1}: ${Math.round(times[i]!)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU (this process)\n`);
    }
    return times;
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const budgets: [ExportFormat, string, number][] = [
  ['pdf', 'PDF report', 3000],
  ['html', 'standalone HTML report', 1000],
  ['xlsx', 'XLSX workbook', 1000],
  ['pptx', 'PPTX deck', 2000],
];

let big: { ms: number; mb: number } | null = null;
function bigWorkbook(): { ms: number; mb: number } {
  if (!big) {
    const child = fileURLToPath(new URL('./export-xlsx-child.ts', import.meta.url));
    const [ms, mb] = execFileSync(process.execPath, [...process.execArgv, child], { encoding: 'utf8' }).trim().split(' ').map(Number);
    big = { ms: ms!, mb: mb! };
  }
  return big;
}

export const exportCases: BenchCase[] = [
  ...budgets.flatMap(([format, label, budget]): BenchCase[] => [
    { name: `Export: ${label}, demo plan (zh-CN), stored run`, unit: 'ms', budget, run: async () => ({ runs: await exportTimes(format) }) },
    // Informational: the first one also runs the reforecast over the run's 10,000 trials and the risk
    // ranking (≈ 1.5 s of CPU on the build machine: alone more than the HTML's budget).
    { name: `Export: ${label}, demo plan (zh-CN), stored run, first of the session`, unit: 'ms', budget: null, run: async () => (await exportTimes(format))[0]! },
  ]),
  { name: 'Export: XLSX workbook, 50,000 customers, own process', unit: 'ms', budget: 10_000, run: () => bigWorkbook().ms },
  { name: 'Peak memory (max RSS), XLSX of 50,000 customers, own process', unit: 'MB', budget: 500, run: () => bigWorkbook().mb },
];
