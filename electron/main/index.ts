// The Electron main process: lifecycle, single instance, the window, the
// menu, and the IPC binding around one PlannerApp. Everything with a decision
// in it lives in a module that runs under test in Node (launch, security,
// ipc, menu, menu-actions); this file only wires Electron to them.
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FileInfo, RecentFile } from '../../shared/api/contract';
import { createPlannerApp, type PlannerApp } from '../services/app';
import { workerFileWork } from '../services/file-work/runner';
import { forwardEvents, registerApiHandler } from './ipc';
import { electronNativeBinding, langFromLocale, planPathFromArgv, shellFolders, startupErrorText, userDataFolder, windowTitle } from './launch';
import { buildMenuTemplate } from './menu';
import { webContentsEditTarget } from './edit-target';
import { webContentsPageEvents } from './page-events';
import { createMenuCommands, type ShellDialogs } from './menu-actions';
import { printReportPdf } from './print-pdf';
import { createShellText, type ShellText } from './menu-labels';
import { appPaths, createMainWindow, hardenAllWebContents, hardenSession, registerAppScheme } from './window';

const isMac = process.platform === 'darwin';
/** The folder holding out/: this bundle is out/main/index.js (in the project, or in app.asar). */
const appRoot = fileURLToPath(new URL('../..', import.meta.url));

let planner: PlannerApp | undefined;
let mainWindow: BrowserWindow | undefined;
let text: ShellText;
let currentPath: string | null = null;
/** A plan asked for before the app was ready (macOS open-file, the command line). */
let pendingOpen: string | undefined;

function ensureWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) return mainWindow;
  mainWindow = createMainWindow({ appRoot, title: windowTitle(currentPath, text.shared.t('app.title')) });
  mainWindow.on('closed', () => (mainWindow = undefined));
  return mainWindow;
}

function focusWindow(): void {
  const win = ensureWindow();
  if (win.isMinimized()) win.restore();
  win.focus();
}

function showFileInWindow(path: string | null): void {
  currentPath = path;
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
  win?.setTitle(windowTitle(path, text.shared.t('app.title')));
  if (isMac) win?.setRepresentedFilename(path ?? '');
  if (path) app.addRecentDocument(path);
}

async function openPlan(path: string): Promise<void> {
  if (!planner) {
    pendingOpen = path;
    return;
  }
  focusWindow();
  const res = await planner.dispatch('file.open', { path });
  if (!res.ok) {
    const { t } = text.shared;
    await dialogs.message({
      type: 'error',
      message: t('error.title'),
      detail: `${path}\n${res.error.message}\n${t('error.code', { code: res.error.code })}`,
    });
  }
}

const dialogs: ShellDialogs = {
  async openFile({ title, filters }) {
    const opts = { title, filters, properties: ['openFile' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? undefined : r.filePaths[0];
  },
  async saveFile({ title, defaultPath, filters }) {
    const opts = { title, defaultPath, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const r = mainWindow ? await dialog.showSaveDialog(mainWindow, opts) : await dialog.showSaveDialog(opts);
    return r.canceled ? undefined : r.filePath;
  },
  async message({ type, message, detail }) {
    const opts = { type, message, detail, buttons: [text.shared.t('dialog.close')] };
    if (mainWindow) await dialog.showMessageBox(mainWindow, opts);
    else await dialog.showMessageBox(opts);
  },
};

async function rebuildMenu(p: PlannerApp): Promise<void> {
  const recent = await p.dispatch('file.recent', {});
  const commands = createMenuCommands({
    dispatch: (method, arg) => p.dispatch(method, arg),
    dialogs,
    files: {
      size: async (path) => (await stat(path)).size,
      readText: (path) => readFile(path, 'utf8'),
      writeText: (path, content) => writeFile(path, content, 'utf8'),
    },
    text,
    documentsDir: app.getPath('documents'),
    editTarget: webContentsEditTarget(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined)),
    page: webContentsPageEvents(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : undefined)),
  });
  const template = buildMenuTemplate(
    {
      text,
      recent: recent.ok ? (recent.value as RecentFile[]) : [],
      hasPlan: currentPath !== null,
      isMac,
      isDev: !app.isPackaged,
      homeDir: app.getPath('home'),
    },
    commands,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function findNativeBinding(): string | undefined {
  return electronNativeBinding({ resourcesPath: process.resourcesPath, appRoot, arch: process.arch, exists: existsSync });
}

function startPlanner(): PlannerApp {
  const { dataDir, plansDir } = shellFolders(process.env, process.platform, app.getPath('documents'));
  const base = {
    dataDir,
    plansDir,
    // quick_check on open, JSON import and checking a saved copy run in worker threads: the window keeps answering.
    fileWork: workerFileWork(),
    lang: langFromLocale(app.getLocale()),
    printPdf: printReportPdf,
    nativeBinding: findNativeBinding(),
  };
  try {
    return createPlannerApp({ ...base, openPath: pendingOpen });
  } catch (e) {
    if (pendingOpen === undefined) throw e;
    // The requested file could not be opened: start with the usual plan and say why.
    void dialog.showMessageBox({
      type: 'error',
      message: text.shared.t('error.title'),
      detail: `${pendingOpen}\n${e instanceof Error ? e.message : String(e)}`,
    });
    return createPlannerApp(base);
  } finally {
    pendingOpen = undefined;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  text = createShellText(langFromLocale(app.getLocale()));
  const { indexUrl, rendererDir } = appPaths(appRoot);
  hardenSession(session.defaultSession, rendererDir, indexUrl);

  const p = startPlanner();
  planner = p;
  registerApiHandler(ipcMain, p, indexUrl);
  forwardEvents(p, () => BrowserWindow.getAllWindows().map((w) => w.webContents), indexUrl);
  p.subscribe((event) => {
    if (event.type !== 'file-opened') return;
    ensureWindow();
    showFileInWindow(event.path);
    void rebuildMenu(p);
  });

  const current = await p.dispatch('file.current', {});
  currentPath = current.ok ? ((current.value as FileInfo | null)?.path ?? null) : null;
  ensureWindow();
  showFileInWindow(currentPath);
  await rebuildMenu(p);
}

function main(): void {
  // Chromium's files (and the single-instance lock) go where the CLI and host
  // keep theirs, not in a folder named after the product (SALESPLAN_HOME: a test's own folder).
  app.setPath('userData', userDataFolder(process.env, process.platform));
  // Before anything else: a second launch hands its file to the first instance.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents();
  pendingOpen = planPathFromArgv(process.argv, process.cwd());

  app.on('second-instance', (_e, argv, workingDirectory) => {
    const path = planPathFromArgv(argv, workingDirectory);
    if (!planner) {
      if (path) pendingOpen = path;
      return;
    }
    focusWindow();
    if (path) void openPlan(path);
  });
  // macOS delivers double-clicked files this way, possibly before 'ready'.
  app.on('open-file', (e, path) => {
    e.preventDefault();
    void openPlan(path);
  });
  app.on('activate', () => {
    if (planner) ensureWindow();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('will-quit', () => {
    planner?.close();
    planner = undefined;
  });

  start().catch((e: unknown) => {
    dialog.showErrorBox(app.getName(), startupErrorText(e, findNativeBinding(), process.arch));
    app.exit(1);
  });
}

main();
