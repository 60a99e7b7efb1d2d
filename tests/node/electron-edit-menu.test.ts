// Edit ▸ Undo/Redo in the native menu: in a text field they are the
// browser's own text undo (what the roles did); elsewhere they undo and redo
// plan edits through the API; with a dialog open, nothing; with nothing to
// undo, no message box. The focus probe that decides runs in a real page.
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import { buildMenuTemplate, type MenuCommands } from '../../electron/main/menu';
import { createMenuCommands } from '../../electron/main/menu-actions';
import { createShellText } from '../../electron/main/menu-labels';
import { FOCUS_PROBE, parsePlace, webContentsEditTarget, type EditPlace } from '../../electron/main/edit-target';

type Item = ReturnType<typeof buildMenuTemplate>[number];

function world(place: EditPlace, answer: ApiResult<unknown> = { ok: true, value: {} }) {
  const calls: [string, unknown][] = [];
  const native: string[] = [];
  const messages: string[] = [];
  const cmd = createMenuCommands({
    dispatch: async (method, arg) => {
      calls.push([method, arg]);
      return answer;
    },
    dialogs: {
      openFile: async () => undefined,
      saveFile: async () => undefined,
      message: async ({ message, detail }) => void messages.push(`${message}\n${detail ?? ''}`),
    },
    files: { size: async () => 0, readText: async () => '', writeText: async () => {} },
    text: createShellText('en'),
    documentsDir: '/home/li',
    editTarget: { where: async () => place, native: (c) => void native.push(c) },
  });
  return { cmd, calls, native, messages };
}

describe('Edit menu', () => {
  it('has Undo and Redo with their shortcuts, in both languages, acting through the commands', async () => {
    const used: string[] = [];
    const commands = new Proxy({} as MenuCommands, { get: (_t, name: string) => async () => void used.push(name) });
    for (const [lang, labels] of [['en', ['Undo', 'Redo']], ['zh-CN', ['撤销', '重做']]] as const) {
      const tpl = buildMenuTemplate({ text: createShellText(lang), recent: [], hasPlan: true, isMac: false, isDev: false, homeDir: '/' }, commands);
      const edit = (tpl[1]!.submenu as Item[]).slice(0, 2);
      expect(edit.map((i) => [i.label, i.accelerator, i.role])).toEqual([
        [labels[0], 'CmdOrCtrl+Z', undefined],
        [labels[1], 'Shift+CmdOrCtrl+Z', undefined],
      ]);
      for (const item of edit) (item.click as () => void)();
    }
    expect(used).toEqual(['undo', 'redo', 'undo', 'redo']);
  });

  it('in a text field: the text undo, and the plan is not touched', async () => {
    const w = world('text');
    await w.cmd.undo();
    await w.cmd.redo();
    expect(w.native).toEqual(['undo', 'redo']);
    expect(w.calls).toEqual([]);
  });

  it('elsewhere: history.undo / history.redo; with a dialog open: nothing', async () => {
    const w = world('app');
    await w.cmd.undo();
    await w.cmd.redo();
    expect(w.calls).toEqual([
      ['history.undo', {}],
      ['history.redo', {}],
    ]);
    expect(w.native).toEqual([]);
    const d = world('dialog');
    await d.cmd.undo();
    expect(d.calls).toEqual([]);
    expect(d.native).toEqual([]);
  });

  it('nothing to undo is silent; a refused undo is reported', async () => {
    const nothing = world('app', { ok: false, error: { code: 'conflict', message: 'There is nothing to undo', details: { reason: 'nothing-to-undo' } } });
    await nothing.cmd.undo();
    expect(nothing.messages).toEqual([]);
    const refused = world('app', { ok: false, error: { code: 'conflict', message: 'Undo of “x” was refused; nothing was changed.', details: { reason: 'history-mismatch' } } });
    await refused.cmd.undo();
    expect(refused.messages).toEqual(['Something went wrong\nUndo of “x” was refused; nothing was changed.\nError code: conflict']);
  });

  it('asks the page where focus is, and takes an unreadable answer as a text field', async () => {
    const scripts: string[] = [];
    const done: string[] = [];
    let answer: unknown = 'app';
    const wc = {
      isDestroyed: () => false,
      executeJavaScript: async (code: string) => {
        scripts.push(code);
        if (answer instanceof Error) throw answer;
        return answer;
      },
      undo: () => void done.push('undo'),
      redo: () => void done.push('redo'),
    };
    const target = webContentsEditTarget(() => wc as never);
    expect(await target.where()).toBe('app');
    expect(scripts).toEqual([FOCUS_PROBE]);
    answer = 'something else';
    expect(await target.where()).toBe('text');
    answer = new Error('navigating');
    expect(await target.where()).toBe('text');
    expect(await webContentsEditTarget(() => undefined).where()).toBe('text');
    target.native('redo');
    expect(done).toEqual(['redo']);
    expect(parsePlace('dialog')).toBe('dialog');
  });
});
