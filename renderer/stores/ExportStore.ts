// The Export screen's state: format, language, scenario, sections and paper;
// the export in progress (progress from host events, cancel); and the file
// it produced, handed to the browser as a download. Exports run in the
// host's export worker: this store only asks and listens.
import { action, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import { EXPORT_FORMATS, type ExportDone, type ExportFormat } from '../../shared/api/methods/export';
import type { ApiError } from '../../shared/api/result';
import type { Locale } from '../../shared/i18n';
import { SECTION_KINDS, type SectionKind } from '../../shared/report/model';
import type { RendererEvent } from '../api/events';
import { toApiError } from './PlanStore';
import type { UiStore } from './UiStore';

/** CSV is a folder of files: offered by the CLI (`--out FOLDER`), not as one browser download. */
export const SCREEN_FORMATS: readonly ExportFormat[] = EXPORT_FORMATS.filter((f) => f !== 'csv');
/** Formats made from the report's sections (the workbook always has every table). */
export const SECTIONED_FORMATS: readonly ExportFormat[] = ['pdf', 'html', 'pptx'];

export type ExportStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export class ExportStore {
  format: ExportFormat = 'pdf';
  /** null: the UI language. */
  lang: Locale | null = null;
  scenarioId: string | null = null;
  paper: 'A4' | 'Letter' = 'A4';
  sections = new Set<SectionKind>(SECTION_KINDS);
  status: ExportStatus = 'idle';
  exportId: string | null = null;
  done = 0;
  total = 1;
  result: ExportDone | null = null;
  error: ApiError | null = null;
  cancelling = false;

  constructor(
    private readonly client: ApiClient,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, {
      format: observable,
      lang: observable,
      scenarioId: observable,
      paper: observable,
      sections: observable,
      status: observable,
      exportId: observable,
      done: observable,
      total: observable,
      result: observableRef,
      error: observableRef,
      cancelling: observable,
      setFormat: action,
      setLang: action,
      setScenario: action,
      setPaper: action,
      toggleSection: action,
      handleEvent: action,
    });
  }

  setFormat(f: ExportFormat): void {
    this.format = f;
  }
  setLang(l: Locale | null): void {
    this.lang = l;
  }
  setScenario(id: string | null): void {
    this.scenarioId = id;
  }
  setPaper(p: 'A4' | 'Letter'): void {
    this.paper = p;
  }
  toggleSection(s: SectionKind): void {
    if (this.sections.has(s)) this.sections.delete(s);
    else this.sections.add(s);
  }

  get canStart(): boolean {
    return this.status !== 'running' && (!SECTIONED_FORMATS.includes(this.format) || this.sections.size > 0);
  }

  async start(): Promise<void> {
    if (!this.canStart) return;
    runInAction(() => {
      this.status = 'running';
      this.done = 0;
      this.total = 1;
      this.result = null;
      this.error = null;
      this.cancelling = false;
    });
    try {
      const sections = SECTIONED_FORMATS.includes(this.format) ? SECTION_KINDS.filter((s) => this.sections.has(s)) : undefined;
      const { exportId } = await this.client.invoke('export.start', {
        format: this.format,
        lang: this.lang ?? this.ui.lang,
        scenarioId: this.scenarioId,
        paper: this.paper,
        ...(sections ? { sections } : {}),
      });
      runInAction(() => (this.exportId = exportId));
      const result = await this.client.invoke('export.wait', { exportId });
      runInAction(() => {
        this.result = result;
        this.status = 'done';
        this.done = this.total;
      });
    } catch (e) {
      const error = toApiError(e);
      runInAction(() => {
        this.status = error.code === 'cancelled' ? 'cancelled' : 'failed';
        this.error = error.code === 'cancelled' ? null : error;
      });
    }
  }

  async cancel(): Promise<void> {
    if (!this.exportId || this.status !== 'running') return;
    runInAction(() => (this.cancelling = true));
    await this.client.invoke('export.cancel', { exportId: this.exportId });
  }

  /** The finished file's bytes, for a browser download. */
  async download(): Promise<{ name: string; blob: Blob } | null> {
    if (!this.result) return null;
    const { name, mime, base64 } = await this.client.invoke('export.download', { exportId: this.result.exportId });
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return { name, blob: new Blob([bytes], { type: mime }) };
  }

  handleEvent(e: RendererEvent): void {
    if (e.type !== 'export-progress' || e.exportId !== this.exportId || this.status !== 'running') return;
    this.done = e.done;
    this.total = Math.max(1, e.total);
  }
}

