// File actions of the in-app File menu (browser host; Electron has native
// menus). Each reports success as a notice and failure as a shown error —
// never swallowed — and reloads the plan when the open file changed.
import { action, makeObservable, observable, observableRef, runInAction } from 'mobx';
import type { ApiClient } from '../../shared/api/client';
import type { FileInfo, RecentFile } from '../../shared/api/contract';
import type { BackupList } from '../../shared/api/methods/backups';
import { ApiError } from '../../shared/api/result';
import type { PlanStore } from './PlanStore';
import { toApiError } from './PlanStore';
import type { UiStore } from './UiStore';

export class FileStore {
  recent: RecentFile[] = [];
  busy = false;
  /** Set when a file failed to open as damaged and has backups: the UI offers them. */
  damagedWithBackups = false;

  constructor(
    private readonly client: ApiClient,
    private readonly plan: PlanStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, { recent: observableRef, busy: observable, damagedWithBackups: observable });
  }

  async refreshRecent(): Promise<void> {
    try {
      const recent = await this.client.invoke('file.recent', {});
      runInAction(() => (this.recent = recent));
    } catch (e) {
      this.ui.showError(toApiError(e));
    }
  }

  newFromDemo(): Promise<boolean> {
    return this.opening(() => this.client.invoke('file.new', { demo: true, lang: this.ui.lang }), 'toast.created');
  }

  newBlank(name: string): Promise<boolean> {
    return this.opening(
      () => this.client.invoke('file.new', { demo: false, lang: this.ui.lang, name: name.trim() || undefined }),
      'toast.created',
    );
  }

  async open(path: string): Promise<boolean> {
    const opened = await this.opening(async () => {
      try {
        return await this.client.invoke('file.open', { path });
      } catch (e) {
        const err = toApiError(e);
        const backups = (err.details as { backups?: number } | undefined)?.backups ?? 0;
        if (err.code === 'corrupt' && backups > 0) runInAction(() => (this.damagedWithBackups = true));
        throw e;
      }
    }, 'toast.opened');
    return opened;
  }

  /** The backups of the open plan or of the file that failed to open as damaged; null after showing why not. */
  listBackups(of: 'current' | 'damaged'): Promise<BackupList | null> {
    return this.run(() => this.client.invoke('backups.list', { of }));
  }

  /** Puts backup `n` back in place of the file and opens it. */
  async restoreBackup(of: 'current' | 'damaged', n: number): Promise<boolean> {
    const ok = await this.opening(() => this.client.invoke('backups.restore', { of, n }), 'toast.restored');
    if (ok) runInAction(() => (this.damagedWithBackups = false));
    return ok;
  }

  /** The Electron shell's File ▸ Open found the file damaged, with backups (electron/main/menu-actions.ts). */
  offerDamagedBackups = action(() => {
    this.damagedWithBackups = true;
  });

  dismissDamaged = action(() => {
    this.damagedWithBackups = false;
  });

  async saveCopy(path: string): Promise<boolean> {
    const info = await this.run(() => this.client.invoke('file.saveCopy', { path }));
    if (!info) return false;
    this.ui.toast(this.ui.tr.t('toast.savedCopy', { path: info.path }));
    void this.refreshRecent();
    return true;
  }

  /** Import the text of a JSON file; every problem is shown with its JSON path. */
  async importJson(fileName: string, json: string): Promise<boolean> {
    const title = this.ui.tr.t('error.importFailed', { fileName });
    return this.opening(() => this.client.invoke('file.importJson', { json }), 'toast.imported', title);
  }

  /** The browser could not read a file the user picked for import. */
  reportReadError(fileName: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.ui.showError(new ApiError('file_error', message), this.ui.tr.t('error.readFile', { fileName, message }));
  }

  /** The exported document, or null after showing why not. */
  async exportJson(): Promise<{ fileName: string; json: string } | null> {
    const out = await this.run(() => this.client.invoke('file.exportJson', {}));
    if (out) this.ui.toast(this.ui.tr.t('toast.exported', { fileName: out.fileName }));
    return out;
  }

  private async opening(
    call: () => Promise<FileInfo>,
    notice: 'toast.created' | 'toast.opened' | 'toast.imported' | 'toast.restored',
    errorTitle?: string,
  ): Promise<boolean> {
    const info = await this.run(call, errorTitle);
    if (!info) return false;
    await this.plan.load();
    this.ui.toast(this.ui.tr.t(notice, { name: this.plan.settings?.name ?? info.name }));
    void this.refreshRecent();
    return true;
  }

  private async run<T>(call: () => Promise<T>, errorTitle?: string): Promise<T | null> {
    this.setBusy(true);
    try {
      return await call();
    } catch (e) {
      this.ui.showError(toApiError(e), errorTitle);
      return null;
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy = action((busy: boolean) => {
    this.busy = busy;
  });
}
