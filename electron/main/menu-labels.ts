// Texts of the native menus and dialogs. Keys the shared catalog already has
// (file.*, error.*, app.title, …) come from shared/i18n; the few that only the
// native shell shows live here, in English and Simplified Chinese, until the
// shared catalog takes them over (same `menu.*` keys, same placeholders).
import { createTranslator, interpolate, type Locale, type Translator } from '../../shared/i18n';

const en = {
  'menu.edit': 'Edit',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.view': 'View',
  'menu.reload': 'Reload',
  'menu.toggleDevTools': 'Toggle Developer Tools',
  'menu.resetZoom': 'Actual Size',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.fullscreen': 'Toggle Full Screen',
  'menu.help': 'Help',
  'menu.about': 'About {app}',
  'menu.aboutDetail': 'Version {version}\nPlan format {formatVersion}, file schema {schemaVersion}',
  'menu.closeWindow': 'Close Window',
  'menu.quit': 'Quit',
  'menu.exportJson': 'Export JSON…',
  'menu.importTitle': 'Import a plan from JSON',
  'menu.importSaveTitle': 'Save the imported plan as',
  'menu.exportTitle': 'Export the plan as JSON',
  'menu.filterPlan': 'Sales plan',
  'menu.filterJson': 'Plan JSON',
  'menu.moreIssues': '…and {count} more',
  'menu.copySuffix': ' (copy)',
  'menu.fileTooLarge': 'The file is {size} MB; the limit is {limit} MB.',
} as const;

export type MenuKey = keyof typeof en;

const zhCN: { readonly [K in MenuKey]: string } = {
  'menu.edit': '编辑',
  'menu.undo': '撤销',
  'menu.redo': '重做',
  'menu.cut': '剪切',
  'menu.copy': '复制',
  'menu.paste': '粘贴',
  'menu.selectAll': '全选',
  'menu.view': '视图',
  'menu.reload': '重新加载',
  'menu.toggleDevTools': '切换开发者工具',
  'menu.resetZoom': '实际大小',
  'menu.zoomIn': '放大',
  'menu.zoomOut': '缩小',
  'menu.fullscreen': '切换全屏',
  'menu.help': '帮助',
  'menu.about': '关于{app}',
  'menu.aboutDetail': '版本 {version}\n计划格式 {formatVersion}，文件结构 {schemaVersion}',
  'menu.closeWindow': '关闭窗口',
  'menu.quit': '退出',
  'menu.exportJson': '导出 JSON…',
  'menu.importTitle': '从 JSON 导入计划',
  'menu.importSaveTitle': '将导入的计划保存为',
  'menu.exportTitle': '将计划导出为 JSON',
  'menu.filterPlan': '销售计划',
  'menu.filterJson': '计划 JSON',
  'menu.moreIssues': '……另有 {count} 个',
  'menu.copySuffix': '（副本）',
  'menu.fileTooLarge': '文件大小为 {size} MB，上限为 {limit} MB。',
};

export const MENU_CATALOGS: { readonly [L in Locale]: { readonly [K in MenuKey]: string } } = { en, 'zh-CN': zhCN };

export interface ShellText {
  readonly locale: Locale;
  /** The shared catalog (file.*, error.*, app.title, …). */
  readonly shared: Translator;
  /** The shell-only `menu.*` texts. */
  menu(key: MenuKey, params?: Record<string, string | number>): string;
}

export function createShellText(locale: Locale): ShellText {
  return {
    locale,
    shared: createTranslator(locale),
    menu: (key, params) => interpolate(MENU_CATALOGS[locale][key], params, locale),
  };
}
