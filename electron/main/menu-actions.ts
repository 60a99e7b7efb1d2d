// What the File and Help menu items do: ask with a native dialog, then call
// the API directly. The renderer learns the outcome from the file-opened /
// plan-changed events. Dialogs and files are parameters, so every path,
// including the error reports, runs under test in Node.
import { basename, dirname, join } from 'node:path';
import type { ApiErrorBody, ApiResult } from '../../shared/api/result';
import { BACKUPS_OPEN_EVENT, DAMAGED_BACKUPS_EVENT, WORKSHOP_ENTER_EVENT } from '../../shared/api/shell-events';
import type { FileInfo } from '../../shared/api/contract';
import type { PlanIssue } from '../../shared/plan/rules';
import { formatIssues, MAX_PLAN_BYTES } from '../../shared/plan/parse';
import type { PlannerApp } from '../services/app';
import { PLAN_EXTENSION, planDisplayName } from './launch';
import type { EditCommand, EditTarget } from './edit-target';
import type { PageEvents } from './page-events';
import type { MenuCommands } from './menu';
import type { ShellText } from './menu-labels';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, bound to the app window by index.ts. */
export interface ShellDialogs {
  /** The chosen file, or undefined when cancelled. */
  openFile(opts: { title: string; filters: FileFilter[] }): Promise<string | undefined>;
  /** The chosen target path, or undefined when cancelled. */
  saveFile(opts: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | undefined>;
  message(opts: { type: 'error' | 'info'; message: string; detail?: string }): Promise<void>;
}

export interface ShellFiles {
  size(path: string): Promise<number>;
  readText(path: string): Promise<string>;
  writeText(path: string, text: string): Promise<void>;
}

export interface MenuActionDeps {
  dispatch: PlannerApp['dispatch'];
  dialogs: ShellDialogs;
  files: ShellFiles;
  text: ShellText;
  /** Where save dialogs start when no plan is open. */
  documentsDir: string;
  /** Where Edit ▸ Undo/Redo act; without it (no window), always on the plan. */
  editTarget?: EditTarget;
  /** The page, for what lives there (workshop mode, the backups dialog); without it (no window), nothing happens. */
  page?: PageEvents;
}

/** How many import issues the message box lists before "…and N more". */
export const MAX_LISTED_ISSUES = 20;

/** Save dialogs on Linux do not add the extension; a file without one would not open by double-click. */
export function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(ext) ? path : path + ext;
}

function issuesOf(error: ApiErrorBody): PlanIssue[] {
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is PlanIssue => typeof i?.path === 'string' && typeof i?.message === 'string',
  );
}

/** The message box body for an import refused as an invalid plan: a count, then each issue with its JSON path. */
export function describeIssues(issues: readonly PlanIssue[], text: ShellText): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((i) => ({ path: i.path || text.shared.t('error.issuePathDocument'), message: i.message }));
  const lines = [text.shared.tn('error.issues', issues.length), formatIssues(listed)];
  const more = issues.length - listed.length;
  if (more > 0) lines.push(text.menu('menu.moreIssues', { count: more }));
  return lines.join('\n');
}

export function createMenuCommands(deps: MenuActionDeps): MenuCommands {
  const { dispatch, dialogs, files, text } = deps;
  const { t } = text.shared;
  const planFilter = [{ name: text.menu('menu.filterPlan'), extensions: [PLAN_EXTENSION.slice(1)] }];
  const jsonFilter = [{ name: text.menu('menu.filterJson'), extensions: ['json'] }];

  const showError = (error: ApiErrorBody) =>
    dialogs.message({
      type: 'error',
      message: t('error.title'),
      detail: `${error.message}\n${t('error.code', { code: error.code })}`,
    });

  /** Calls the API; on failure shows the error and yields undefined. */
  const call = async <T>(method: string, arg: unknown): Promise<T | undefined> => {
    const res: ApiResult<unknown> = await dispatch(method, arg);
    if (res.ok) return res.value as T;
    await showError(res.error);
    return undefined;
  };

  /** The open plan's folder, where save dialogs start. */
  const startDir = async (): Promise<{ dir: string; name?: string }> => {
    const res = await dispatch('file.current', {});
    const current = res.ok ? (res.value as FileInfo | null) : null;
    return current ? { dir: dirname(current.path), name: current.name } : { dir: deps.documentsDir };
  };

  const open = async (path: string) => {
    const res = await dispatch('file.open', { path });
    if (res.ok) return;
    // A damaged file with backups: the page offers them, newest first, in the
    // dialog the browser's File menu shows too (restore is backups.restore of 'damaged').
    const backups = (res.error.details as { backups?: number } | undefined)?.backups ?? 0;
    if (res.error.code === 'corrupt' && backups > 0 && deps.page) return deps.page.send(DAMAGED_BACKUPS_EVENT);
    await showError(res.error);
  };

  const importJson = async () => {
    const source = await dialogs.openFile({ title: text.menu('menu.importTitle'), filters: jsonFilter });
    if (!source) return;
    const fileName = basename(source);
    let json: string;
    try {
      const size = await files.size(source);
      if (size > MAX_PLAN_BYTES) {
        const mb = (n: number) => Math.ceil(n / (1024 * 1024));
        throw new Error(text.menu('menu.fileTooLarge', { size: mb(size), limit: mb(MAX_PLAN_BYTES) }));
      }
      json = await files.readText(source);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await dialogs.message({ type: 'error', message: t('error.readFile', { fileName, message }) });
      return;
    }
    const target = await dialogs.saveFile({
      title: text.menu('menu.importSaveTitle'),
      defaultPath: join(dirname(source), basename(source).replace(/\.json$/i, '') + PLAN_EXTENSION),
      filters: planFilter,
    });
    if (!target) return;
    const res = await dispatch('file.importJson', { json, path: withExtension(target, PLAN_EXTENSION) });
    if (res.ok) return;
    if (res.error.code === 'invalid_plan') {
      await dialogs.message({
        type: 'error',
        message: t('error.importFailed', { fileName }),
        detail: describeIssues(issuesOf(res.error), text),
      });
    } else {
      await showError(res.error);
    }
  };

  const edit = async (command: EditCommand) => {
    const where = deps.editTarget ? await deps.editTarget.where() : 'app';
    if (where === 'text') return deps.editTarget?.native(command);
    // A dialog owns the keyboard and the page behind it is inert.
    if (where === 'dialog') return;
    const res = await dispatch(`history.${command}`, {});
    if (res.ok) return;
    const reason = (res.error.details as { reason?: string } | undefined)?.reason;
    // The menu item is always there; with nothing to take back, nothing happens.
    if (reason === 'nothing-to-undo' || reason === 'nothing-to-redo') return;
    await showError(res.error);
  };

  const commands: MenuCommands = {
    async newBlank() {
      const { dir } = await startDir();
      const path = await dialogs.saveFile({
        title: t('newBlank.title'),
        defaultPath: join(dir, t('newBlank.defaultName') + PLAN_EXTENSION),
        filters: planFilter,
      });
      if (!path) return;
      const target = withExtension(path, PLAN_EXTENSION);
      await call('file.new', { path: target, name: planDisplayName(target).slice(0, 200) });
    },
    async newDemo() {
      // No dialog: a demo copy goes to the app's plans folder, to explore first.
      await call('file.new', { demo: true, lang: text.locale });
    },
    async open() {
      const path = await dialogs.openFile({ title: t('open.title'), filters: planFilter });
      if (path) await open(path);
    },
    openRecent: open,
    async saveCopy() {
      const { dir, name } = await startDir();
      const path = await dialogs.saveFile({
        title: t('saveCopy.title'),
        defaultPath: join(dir, `${name ?? t('newBlank.defaultName')}${text.menu('menu.copySuffix')}${PLAN_EXTENSION}`),
        filters: planFilter,
      });
      if (path) await call('file.saveCopy', { path: withExtension(path, PLAN_EXTENSION) });
    },
    importJson,
    async exportJson() {
      const exported = await call<{ fileName: string; json: string }>('file.exportJson', {});
      if (!exported) return;
      const { dir } = await startDir();
      const path = await dialogs.saveFile({
        title: text.menu('menu.exportTitle'),
        defaultPath: join(dir, exported.fileName),
        filters: jsonFilter,
      });
      if (!path) return;
      try {
        await files.writeText(withExtension(path, '.json'), exported.json);
      } catch (e) {
        await showError({ code: 'file_error', message: e instanceof Error ? e.message : String(e) });
      }
    },
    undo: () => edit('undo'),
    redo: () => edit('redo'),
    workshop: async () => deps.page?.send(WORKSHOP_ENTER_EVENT),
    backups: async () => deps.page?.send(BACKUPS_OPEN_EVENT),
    async about() {
      const info = await call<{ version: string; formatVersion: number; schemaVersion: number }>('app.info', {});
      if (!info) return;
      await dialogs.message({
        type: 'info',
        message: text.menu('menu.about', { app: t('app.title') }),
        detail: text.menu('menu.aboutDetail', { ...info }),
      });
    },
  };
  // A dialog that throws must not become an unhandled rejection in the main
  // process: report it like any other failure.
  const guarded = {} as MenuCommands;
  for (const [name, fn] of Object.entries(commands) as [keyof MenuCommands, (...a: string[]) => Promise<void>][]) {
    guarded[name] = (async (...args: string[]) => {
      try {
        await fn(...args);
      } catch (e) {
        await showError({ code: 'internal', message: e instanceof Error ? e.message : String(e) }).catch(() => {});
      }
    }) as never;
  }
  return guarded;
}
