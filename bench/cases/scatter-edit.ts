// The readiness × potential scatter after one edit (issue #14), on the
// Customers screen of customers-screen.ts's session (bench/cases/app-session.ts:
// the real host and the built renderer in Chromium): a potential typed into
// the grid, timed until the chart has drawn it, then what the chart holds
// checked against the plan.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createTranslator } from '../../shared/i18n';

const en = createTranslator('en');

/** The in-page helpers customers-screen.ts installs (its HELPERS) that this probe uses. */
interface PageWaits {
  painted(): Promise<void>;
  until(cond: () => boolean, what: string): Promise<void>;
}

export interface ScatterEdit {
  /** From Enter in the cell editor to the scatter redrawn and a frame painted. */
  total: number;
  /** From the host's answer (the update request's responseEnd) to the scatter redrawn. */
  afterAnswer: number;
}

/**
 * Edits the potential of the first row's customer in the grid (Enter saves)
 * and waits until the readiness × potential chart has drawn it: ECharts'
 * `finished` event (every progressive chunk drawn) after a `setOption` made
 * since Enter. Then checks what the chart holds: every customer once, and the
 * new potential exactly once.
 */
async function scatterEdit(page: Page, potential: number, count: number): Promise<ScatterEdit> {
  const cell = page.locator('[role=grid] [role=row][aria-rowindex="2"] [role=gridcell]').nth(8);
  await cell.click();
  await page.keyboard.press('Enter');
  await page.locator('[role=grid] input.cg-editor').waitFor();
  const { total, afterAnswer } = await page.evaluate(
    async ({ potential, label }) => {
      const b = (window as unknown as { __bench: PageWaits }).__bench;
      const el = document.querySelector(`[role=img][aria-label="${label}"]`);
      type Chart = { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
      const charts = (window as unknown as { plannerCharts?: { of(el: Element): Chart | undefined } }).plannerCharts;
      const chart = el && charts?.of(el);
      if (!chart) throw new Error('no readiness × potential chart in the page');
      let setAt = 0;
      let finishedAt = 0;
      const spied = chart as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const name of ['setOption', 'appendData']) {
        const original = spied[name]!;
        spied[name] = function (this: unknown, ...a: unknown[]) {
          setAt = performance.now();
          return original.apply(this, a);
        };
      }
      const onFinished = () => (finishedAt = performance.now());
      chart.on('finished', onFinished);
      try {
        const input = document.querySelector<HTMLInputElement>('[role=grid] input.cg-editor')!;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(potential));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await b.painted();
        performance.clearResourceTimings();
        const t0 = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        await b
          .until(() => setAt > t0 && finishedAt > setAt, 'the scatter redrawn')
          .catch((e: Error) => {
            throw new Error(`${e.message} (setOption ${setAt > t0 ? 'called' : 'not called'}, finished ${finishedAt > setAt ? 'after it' : 'not after it'})`);
          });
        const drawn = finishedAt;
        await b.painted();
        const total = performance.now() - t0;
        const answer = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/customers.update'));
        if (!answer) throw new Error('no customers.update request seen');
        return { total, afterAnswer: drawn - (answer as PerformanceResourceTiming).responseEnd };
      } finally {
        delete spied.setOption;
        delete spied.appendData;
        chart.off('finished', onFinished);
      }
    },
    { potential, label: en.t('customers.scatter.chartLabel') },
  );
  const { points, hits } = await page.evaluate(
    ({ potential, label }) => {
      // What the chart draws (its series' processed data, internal but stable): all points, and those with y = potential.
      type Data = { count(): number; mapDimension(d: string): string; get(dim: string, i: number): unknown };
      type Chart = { getModel(): { eachSeries(f: (s: { getData(): Data }) => void): void } };
      const el = document.querySelector(`[role=img][aria-label="${label}"]`)!;
      const chart = (window as unknown as { plannerCharts: { of(el: Element): Chart } }).plannerCharts.of(el);
      let points = 0;
      let hits = 0;
      chart.getModel().eachSeries((s) => {
        const d = s.getData();
        const y = d.mapDimension('y');
        points += d.count();
        for (let i = 0; i < d.count(); i++) if (d.get(y, i) === potential) hits++;
      });
      return { points, hits };
    },
    { potential, label: en.t('customers.scatter.chartLabel') },
  );
  if (points !== count || hits !== 1) throw new Error(`the scatter holds ${points} points, ${hits} with potential ${potential} (expected ${count}, 1)`);
  return { total, afterAnswer };
}

/**
 * `runs` potential edits in a row on the Customers screen (open, with the
 * page helpers of customers-screen.ts installed) of the first row's customer,
 * each with a distinct value from `firstValue` on, so each run's point is told
 * from the others (and from another series of runs).
 */
export async function scatterEditRuns(
  page: Page,
  { count, runs: n, firstValue = 123_456_789 }: { count: number; runs: number; firstValue?: number },
): Promise<ScatterEdit[]> {
  const runs: ScatterEdit[] = [];
  // BENCH_CPUPROFILE=/tmp/edit: the renderer's CPU profile of each run, as /tmp/edit.N.cpuprofile (Chromium's performance panel reads it).
  const cdp = process.env.BENCH_CPUPROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 100 }));
  for (let i = 0; i < n; i++) {
    if (cdp) await cdp.send('Profiler.start');
    runs.push(await scatterEdit(page, firstValue + i, count));
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`${process.env.BENCH_CPUPROFILE}.${i}.cpuprofile`, JSON.stringify(profile));
    }
    // What the edit set off besides the chart (a plan reload, the undo state) ends before the next run.
    await page.evaluate(async () => {
      const b = (window as unknown as { __bench: PageWaits }).__bench;
      let seen = -1;
      let since = performance.now();
      await b.until(() => {
        const n = performance.getEntriesByType('resource').length;
        if (n !== seen) [seen, since] = [n, performance.now()];
        return performance.now() - since > 1500;
      }, 'the network to go quiet');
    });
  }
  return runs;
}
