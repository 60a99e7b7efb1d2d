// Export jobs of one session: start (checked and answered with an id at
// once), progress events, cancel, wait, and the download of a file written
// without a path (browser host). The report model is gathered here (it may
// run a simulation in the pool); rendering runs in an export worker.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { EXPORT_EXTENSIONS, type ExportDone, type ExportFormat } from '../../../shared/api/methods/export';
import { ApiError } from '../../../shared/api/result';
import type { Locale } from '../../../shared/i18n/translate';
import type { Plan } from '../../../shared/plan/types';
import type { ReportModel, SectionKind } from '../../../shared/report/model';
import type { PdfPrinter, PlannerSession } from '../session';
import { safeFileStem } from '../file-names';
import { gatherReport } from './gather';
import type { Paper } from './html';
import { exportWorkerUrl, runExport } from './job';
import { writeAtomically } from './write';

export interface ExportRequest {
  format: ExportFormat;
  lang: Locale;
  scenarioId?: string | null;
  sections?: SectionKind[];
  paper?: Paper;
  path?: string;
  /** Told before a simulation is run for the report. */
  onRunNeeded?: () => void;
}

interface Job {
  id: string;
  controller: AbortController;
  /** Written without a path: the bytes may be downloaded. */
  downloadable: boolean;
  finished: Promise<ExportDone>;
  done: ExportDone | null;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  csv: 'text/csv',
};

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private downloadDir: string | null = null;
  /** The export worker's code (the benchmark points this at the built worker). */
  workerUrl: URL = exportWorkerUrl();

  constructor(private readonly session: PlannerSession) {}

  private outputFor(req: ExportRequest, exportId: string): { path: string; downloadable: boolean } {
    if (req.path !== undefined) {
      if (!isAbsolute(req.path)) throw new ApiError('invalid_argument', `The export path must be absolute: ${req.path}`, { path: req.path });
      return { path: req.path, downloadable: false };
    }
    if (req.format === 'csv') throw new ApiError('invalid_argument', 'A CSV export needs a folder path');
    if (!this.downloadDir) {
      const base = this.session.options.dataDir ? join(this.session.options.dataDir, 'exports') : join(tmpdir(), `sales-planner-exports-${process.pid}`);
      mkdirSync(base, { recursive: true });
      this.downloadDir = base;
    }
    const stem = safeFileStem(basename(this.session.requireFile().path, extname(this.session.requireFile().path)));
    return { path: join(this.downloadDir, `${stem}-${exportId.slice(0, 8)}${EXPORT_EXTENSIONS[req.format]}`), downloadable: true };
  }

  start(req: ExportRequest): { exportId: string } {
    this.session.requireFile();
    const id = randomUUID();
    const { path, downloadable } = this.outputFor(req, id);
    const controller = new AbortController();
    const emitProgress = (done: number, total: number) => this.session.emit({ type: 'export-progress', exportId: id, done, total });
    const work = async (): Promise<ExportDone> => {
      let ranSimulation = false;
      const { plan, model } = await gatherReport(this.session, {
        lang: req.lang,
        scenarioId: req.scenarioId ?? null,
        ...(req.sections ? { sections: req.sections } : {}),
        risks: req.format === 'pdf' || req.format === 'html' || req.format === 'pptx',
        // Plan vs actual is drawn by the report only (the deck and the workbook leave it out).
        reforecast: req.format === 'pdf' || req.format === 'html',
        simulation: req.format !== 'csv',
        onRunNeeded: () => {
          ranSimulation = true;
          req.onRunNeeded?.();
        },
      });
      if (controller.signal.aborted) throw new ApiError('cancelled', 'The export was cancelled; no file was written');
      const paper = req.paper ?? 'A4';
      const printPdf = this.session.options.printPdf;
      if (req.format === 'pdf' && printPdf) await this.printWithHost(printPdf, { model, plan, paper }, path, controller.signal, emitProgress);
      else await runExport({ format: req.format, model, plan, paper }, path, { signal: controller.signal, onProgress: emitProgress }, this.workerUrl);
      return { exportId: id, path, name: basename(path), ranSimulation };
    };
    const job: Job = { id, controller, downloadable, done: null, finished: null as never };
    job.finished = work().then(
      (done) => {
        job.done = done;
        this.session.emit({ type: 'export-finished', exportId: id, outcome: 'completed' });
        return done;
      },
      (e: unknown) => {
        const cancelled = e instanceof ApiError && e.code === 'cancelled';
        const message = e instanceof Error ? e.message : String(e);
        this.session.emit({ type: 'export-finished', exportId: id, outcome: cancelled ? 'cancelled' : 'failed', message });
        throw e;
      },
    );
    job.finished.catch(() => {}); // for waiters; nobody has to wait
    this.jobs.set(id, job);
    setImmediate(() => emitProgress(0, 1));
    return { exportId: id };
  }

  /** The app's own printer (Electron printToPDF): the worker writes the HTML, the host prints it. */
  private async printWithHost(
    printPdf: PdfPrinter,
    job: { model: ReportModel; plan: Plan; paper: Paper },
    out: string,
    signal: AbortSignal,
    progress: (done: number, total: number) => void,
  ): Promise<void> {
    const htmlPath = join(mkdtempSync(join(tmpdir(), 'planner-report-')), 'report.html');
    try {
      await runExport({ format: 'html', ...job }, htmlPath, { signal, onProgress: (done, total) => progress(done, total + 1) }, this.workerUrl);
      const html = readFileSync(htmlPath, 'utf8');
      await writeAtomically(out, async (temp) => {
        const pdf = await printPdf(html, job.paper);
        if (signal.aborted) throw new ApiError('cancelled', 'The export was cancelled; no file was written');
        writeFileSync(temp, pdf);
      });
    } finally {
      rmSync(dirname(htmlPath), { recursive: true, force: true });
    }
  }

  private job(exportId: string): Job {
    const job = this.jobs.get(exportId);
    if (!job) throw new ApiError('not_found', `There is no export "${exportId}"`, { exportId });
    return job;
  }

  cancel(exportId: string): { cancelled: boolean } {
    const job = this.job(exportId);
    if (job.done || job.controller.signal.aborted) return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }

  wait(exportId: string): Promise<ExportDone> {
    return this.job(exportId).finished;
  }

  download(exportId: string): { name: string; mime: string; base64: string } {
    const job = this.job(exportId);
    if (!job.done) throw new ApiError('not_found', `The export "${exportId}" has not finished`, { exportId });
    if (!job.downloadable || !statSync(job.done.path).isFile())
      throw new ApiError('invalid_argument', `The export "${exportId}" was written to ${job.done.path}, not offered for download`);
    const ext = extname(job.done.path).slice(1) as ExportFormat;
    return { name: job.done.name, mime: MIME[ext] ?? 'application/octet-stream', base64: readFileSync(job.done.path).toString('base64') };
  }
}

const bySession = new WeakMap<PlannerSession, ExportJobs>();

export function exportJobs(session: PlannerSession): ExportJobs {
  let jobs = bySession.get(session);
  if (!jobs) bySession.set(session, (jobs = new ExportJobs(session)));
  return jobs;
}
