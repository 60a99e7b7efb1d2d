// Where the Edit menu's Undo/Redo should act: in the focused text field
// (the browser's own text undo, what the menu roles did), or on the plan
// (history.undo/redo). Asked of the page when the item is chosen, by mouse
// or by accelerator; the page's own keyboard shortcut handles Ctrl/Cmd+Z
// outside text fields first and stops the accelerator (preventDefault), so
// the menu acts on the plan only when chosen with the mouse.
import type { WebContents } from 'electron';
import { NON_TEXT_INPUT_TYPES } from '../../shared/api/methods/history';

export type EditPlace = 'text' | 'dialog' | 'app';
export type EditCommand = 'undo' | 'redo';

export interface EditTarget {
  /** Where focus is; 'text' when it cannot be told (the safe answer: never the plan by mistake). */
  where(): Promise<EditPlace>;
  /** The browser's own text undo/redo in the focused field. */
  native(command: EditCommand): void;
}

/** Runs in the page: a constant script, no values from outside it. */
export const FOCUS_PROBE = `(() => {
  const a = document.activeElement;
  const plain = ${JSON.stringify(NON_TEXT_INPUT_TYPES)};
  if (a && (a.isContentEditable || a.tagName === 'TEXTAREA' || a.tagName === 'SELECT' || (a.tagName === 'INPUT' && !plain.includes(a.type)))) return 'text';
  return document.querySelector('dialog[open]') ? 'dialog' : 'app';
})()`;

export function parsePlace(value: unknown): EditPlace {
  return value === 'app' || value === 'dialog' ? value : 'text';
}

export function webContentsEditTarget(wc: () => Pick<WebContents, 'executeJavaScript' | 'undo' | 'redo' | 'isDestroyed'> | undefined): EditTarget {
  return {
    async where() {
      const contents = wc();
      if (!contents || contents.isDestroyed()) return 'text';
      try {
        return parsePlace(await contents.executeJavaScript(FOCUS_PROBE, true));
      } catch {
        return 'text';
      }
    },
    native(command) {
      const contents = wc();
      if (!contents || contents.isDestroyed()) return;
      if (command === 'undo') contents.undo();
      else contents.redo();
    },
  };
}
