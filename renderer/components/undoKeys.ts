// Which key presses mean undo/redo of plan edits, and where they must be left
// to the browser: in a text field the browser's own text undo applies.
// Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo.

import { NON_TEXT_INPUT_TYPES } from '../../shared/api/methods/history';

export type EditCommand = 'undo' | 'redo';

const NON_TEXT_INPUTS: ReadonlySet<string> = new Set(NON_TEXT_INPUT_TYPES);

export function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof Element)) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(el.type);
}

/** The letter pressed, also on layouts where `key` is not Latin (then the physical key decides). */
function letter(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const k = e.key.toLowerCase();
  if (/^[a-z]$/.test(k)) return k;
  return /^Key[A-Z]$/.test(e.code) ? e.code.slice(3).toLowerCase() : k;
}

export function editCommandOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): EditCommand | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const l = letter(e);
  if (l === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (l === 'y' && e.ctrlKey && !e.metaKey && !e.shiftKey) return 'redo';
  return null;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** The keys as the platform writes them, for tooltips. */
export function shortcutText(command: EditCommand, mac = isMacPlatform()): string {
  if (mac) return command === 'undo' ? '⌘Z' : '⇧⌘Z';
  return command === 'undo' ? 'Ctrl+Z' : 'Ctrl+Shift+Z / Ctrl+Y';
}
