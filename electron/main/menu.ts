// The native menu as data: a template built from the current state (recent
// files, whether a plan is open) and the commands of menu-actions.ts.
// index.ts turns it into a Menu and rebuilds it when a file is opened.
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../../shared/api/contract';
import type { ShellText } from './menu-labels';

/** Each command settles once its dialogs and API calls are done; none rejects. */
export interface MenuCommands {
  newBlank(): Promise<void>;
  newDemo(): Promise<void>;
  open(): Promise<void>;
  openRecent(path: string): Promise<void>;
  saveCopy(): Promise<void>;
  importJson(): Promise<void>;
  exportJson(): Promise<void>;
  about(): Promise<void>;
  /** Edit ▸ Undo/Redo: the focused text field's, or the plan's (see edit-target.ts). */
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** View ▸ Workshop mode (F5): full screen for the room, in the page (see page-events.ts). */
  workshop(): Promise<void>;
  /** File ▸ Backups…: the open plan's backups, in the page's dialog (see page-events.ts). */
  backups(): Promise<void>;
}

export interface MenuState {
  text: ShellText;
  recent: readonly RecentFile[];
  hasPlan: boolean;
  isMac: boolean;
  /** Reload and DevTools only while developing. */
  isDev: boolean;
  homeDir: string;
}

const MAX_RECENT = 10;

/**
 * A recent file's menu label: its path with the home folder shortened to "~"
 * (two plans may share a name). Outside macOS "&" marks a mnemonic, so a
 * literal one is doubled.
 */
export function recentLabel(path: string, homeDir: string, isMac: boolean): string {
  const home = homeDir.replace(/[\\/]+$/, '');
  const next = path.charAt(home.length);
  const short = home && path.startsWith(home) && (next === '/' || next === '\\') ? `~${path.slice(home.length)}` : path;
  return isMac ? short : short.replace(/&/g, '&&');
}

function recentSubmenu(s: MenuState, cmd: MenuCommands): MenuItemConstructorOptions[] {
  const items = s.recent.slice(0, MAX_RECENT).map(
    (r): MenuItemConstructorOptions => ({
      label: recentLabel(r.path, s.homeDir, s.isMac),
      enabled: r.exists,
      click: () => void cmd.openRecent(r.path),
    }),
  );
  return items.length > 0 ? items : [{ label: s.text.shared.t('file.recentNone'), enabled: false }];
}

export function buildMenuTemplate(s: MenuState, cmd: MenuCommands): MenuItemConstructorOptions[] {
  const { t } = s.text.shared;
  const m = s.text.menu;
  const file: MenuItemConstructorOptions = {
    label: t('file.menu'),
    submenu: [
      { label: t('file.newBlank'), accelerator: 'CmdOrCtrl+N', click: () => void cmd.newBlank() },
      { label: t('file.newDemo'), click: () => void cmd.newDemo() },
      { type: 'separator' },
      { label: t('file.open'), accelerator: 'CmdOrCtrl+O', click: () => void cmd.open() },
      { label: t('file.recent'), submenu: recentSubmenu(s, cmd) },
      { type: 'separator' },
      {
        label: t('file.saveCopy'),
        accelerator: 'CmdOrCtrl+Shift+S',
        enabled: s.hasPlan,
        click: () => void cmd.saveCopy(),
      },
      { label: t('file.backups'), enabled: s.hasPlan, click: () => void cmd.backups() },
      { type: 'separator' },
      { label: t('file.importJson'), click: () => void cmd.importJson() },
      { label: m('menu.exportJson'), enabled: s.hasPlan, click: () => void cmd.exportJson() },
      { type: 'separator' },
      s.isMac ? { role: 'close', label: m('menu.closeWindow') } : { role: 'quit', label: m('menu.quit') },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: m('menu.edit'),
    submenu: [
      // Not the undo/redo roles: those only reach text fields; these also undo plan edits.
      { label: m('menu.undo'), accelerator: 'CmdOrCtrl+Z', click: () => void cmd.undo() },
      { label: m('menu.redo'), accelerator: 'Shift+CmdOrCtrl+Z', click: () => void cmd.redo() },
      { type: 'separator' },
      { role: 'cut', label: m('menu.cut') },
      { role: 'copy', label: m('menu.copy') },
      { role: 'paste', label: m('menu.paste') },
      { role: 'selectAll', label: m('menu.selectAll') },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = s.isDev
    ? [
        { role: 'reload', label: m('menu.reload') },
        { role: 'toggleDevTools', label: m('menu.toggleDevTools') },
        { type: 'separator' },
      ]
    : [];
  const view: MenuItemConstructorOptions = {
    label: m('menu.view'),
    submenu: [
      ...devItems,
      { label: t('workshop.enter'), accelerator: 'F5', enabled: s.hasPlan, click: () => void cmd.workshop() },
      { type: 'separator' },
      { role: 'resetZoom', label: m('menu.resetZoom') },
      { role: 'zoomIn', label: m('menu.zoomIn') },
      { role: 'zoomOut', label: m('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: m('menu.fullscreen') },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: m('menu.help'),
    role: 'help',
    submenu: [{ label: m('menu.about', { app: t('app.title') }), click: () => void cmd.about() }],
  };
  // macOS puts Hide/Quit in the application menu, which must come first.
  return s.isMac ? [{ role: 'appMenu' }, file, edit, view, help] : [file, edit, view, help];
}
