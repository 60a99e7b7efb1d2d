// Export jobs through the API: progress events from the worker, cancel in
// the middle of a render (nothing written, no temporary file left), and a
// browser-host export (no path) handed back as bytes for a download.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../shared/api/contract';
import { exportJobs } from '../../electron/services/export/jobs';
import { exportWorkerUrl } from '../../electron/services/export/job';
import { demoJson } from './export-helpers';
import { harness, tempDir } from './store-helpers';

function nextEvent(events: ApiEvent[], pred: (e: ApiEvent) => boolean): Promise<ApiEvent> {
  return new Promise((resolve) => {
    const check = () => {
      const e = events.find(pred);
      if (e) resolve(e);
      else setTimeout(check, 5);
    };
    check();
  });
}

const BUILT_WORKER = join(import.meta.dirname, '../../out/main/export-worker.cjs');

describe('export jobs', () => {
  it('use worker-dev.mjs from sources and export-worker.cjs beside the main bundle', () => {
    expect(exportWorkerUrl('file:///x/electron/services/export/job.ts').href).toBe('file:///x/electron/services/export/worker-dev.mjs');
    expect(exportWorkerUrl('file:///opt/app/resources/app.asar/out/main/index.js').href).toBe('file:///opt/app/resources/app.asar/out/main/export-worker.cjs');
  });

  // Without `npm run build` there is no built worker to try (npm test builds first).
  it.skipIf(!existsSync(BUILT_WORKER))('the worker built by electron-vite writes the same kind of report', async () => {
    const h = await harness(demoJson('en'));
    exportJobs(h.session).workerUrl = pathToFileURL(BUILT_WORKER);
    const out = join(tempDir(), 'built.html');
    const { exportId } = await h.call('export.start', { format: 'html', lang: 'zh-CN', path: out, sections: ['roadmap'] });
    await h.call('export.wait', { exportId });
    expect(readFileSync(out, 'utf8')).toContain('市场阶段路线图');
  });

  it('cancelled while the worker renders: the wait says cancelled, and the folder stays empty', async () => {
    const h = await harness(demoJson('en'));
    const { runId } = await h.call('simulation.run', {});
    await h.call('simulation.wait', { runId });
    const dir = tempDir();
    const { exportId } = await h.call('export.start', { format: 'pdf', lang: 'en', path: join(dir, 'r.pdf') });
    // The worker's first step (total 3) means rendering has started.
    await nextEvent(h.events, (e) => e.type === 'export-progress' && e.exportId === exportId && e.total === 3);
    expect(await h.call('export.cancel', { exportId })).toEqual({ cancelled: true });
    expect(await h.fail('export.wait', { exportId })).toMatchObject({ code: 'cancelled' });
    expect(await nextEvent(h.events, (e) => e.type === 'export-finished' && e.exportId === exportId)).toMatchObject({ outcome: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without a path (browser host): the finished file comes back as bytes to download', async () => {
    const h = await harness(demoJson('en'));
    const { exportId } = await h.call('export.start', { format: 'html', lang: 'en', sections: ['roadmap'] });
    const done = await h.call('export.wait', { exportId });
    expect(done.name).toMatch(/\.html$/);
    const file = await h.call('export.download', { exportId });
    expect(file.mime).toBe('text/html');
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(html).toContain(demoJson('en').phases[0]!.name);
    expect(html).not.toContain('Executive summary');
    expect(await h.fail('export.start', { format: 'csv', lang: 'en' })).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('export jobs with the app’s own PDF printer', () => {
  it('hands the report HTML to the session’s printer (Electron: printToPDF) and writes what it returns', async () => {
    const { chromium } = await import('playwright-core');
    const { CHROMIUM_ARGS, findChromium } = await import('../../electron/services/export/chromium');
    const printed: string[] = [];
    const h = await harness(demoJson('en'));
    // A real printer over the same HTML, standing where Electron's printToPDF stands in the app.
    (h.session.options as { printPdf?: unknown }).printPdf = async (html: string, paper: 'A4' | 'Letter') => {
      printed.push(paper);
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.setContent(html);
        return await page.pdf({ format: paper });
      } finally {
        await browser.close();
      }
    };
    const out = join(tempDir(), 'app.pdf');
    const { exportId } = await h.call('export.start', { format: 'pdf', lang: 'en', path: out, paper: 'Letter', sections: ['roadmap'] });
    await h.call('export.wait', { exportId });
    expect(printed).toEqual(['Letter']);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
