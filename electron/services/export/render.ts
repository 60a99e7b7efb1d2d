// One export job, start to finish, given its data: renders the chosen format
// into a temporary path. Runs in the export worker thread (job.ts), never on
// the event loop that serves the UI; progress is reported in steps. Each
// format's code (ECharts, Chromium's driver, exceljs, pptxgenjs) is loaded
// only when that format is asked for: a worker starts faster.
import { writeFileSync } from 'node:fs';
import type { ExportFormat } from '../../../shared/api/methods/export';
import type { Plan } from '../../../shared/plan/types';
import type { ReportModel } from '../../../shared/report/model';
import type { Paper } from './html';

export interface RenderJob {
  format: ExportFormat;
  model: ReportModel;
  plan: Plan;
  paper: Paper;
  /** Where to write (a file, or a folder for csv); the caller renames it into place. */
  temp: string;
}

export interface RenderHooks {
  progress(done: number, total: number): void;
  signal: AbortSignal;
}

export async function renderExport(job: RenderJob, hooks: RenderHooks): Promise<void> {
  switch (job.format) {
    case 'html': {
      const { reportHtml } = await import('./html');
      hooks.progress(0, 2);
      writeFileSync(job.temp, reportHtml(job.model, { paper: job.paper }), 'utf8');
      hooks.progress(2, 2);
      return;
    }
    case 'pdf': {
      const { htmlToPdf } = await import('./pdf');
      hooks.progress(0, 3);
      // Chromium starts up while the report's code is loaded and the report built.
      const html = async () => {
        const { reportHtml } = await import('./html');
        const text = reportHtml(job.model, { paper: job.paper });
        hooks.progress(1, 3);
        return text;
      };
      const pdf = await htmlToPdf(html, job.paper, hooks.signal);
      hooks.progress(2, 3);
      writeFileSync(job.temp, pdf);
      hooks.progress(3, 3);
      return;
    }
    case 'xlsx': {
      const { writeXlsx } = await import('./xlsx');
      await writeXlsx(job.temp, job.model, job.plan, hooks.progress);
      return;
    }
    case 'csv': {
      const { writeCsvFolder } = await import('./csv');
      writeCsvFolder(job.temp, job.plan, job.model.lang, hooks.progress);
      return;
    }
    case 'pptx': {
      const { writePptx } = await import('./pptx');
      await writePptx(job.temp, job.model, job.plan, hooks.progress);
      return;
    }
    default: {
      const never: never = job.format;
      throw new Error(`unknown export format ${String(never)}`);
    }
  }
}
