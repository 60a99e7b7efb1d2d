// Global undo/redo keys for plan edits (see undoKeys.ts). Not while a dialog
// is open (its fields and buttons own the keyboard) nor in a text field,
// where the browser's own text undo applies. Renders nothing.
import { useEffect } from 'react';
import { useStores } from '../stores/context';
import { editCommandOf, isTextEntry } from './undoKeys';

export function UndoShortcuts() {
  const { history, ui, plan } = useStores();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A view that handled the key itself (an inline editor) already said so.
      if (e.defaultPrevented || e.isComposing) return;
      const command = editCommandOf(e);
      if (!command || isTextEntry(e.target)) return;
      if (ui.modals > 0 || document.querySelector('dialog[open]')) return;
      if (plan.status !== 'ready') return;
      // Also keeps the Electron menu's accelerator from acting a second time.
      e.preventDefault();
      if (e.repeat) return;
      void (command === 'undo' ? history.undo() : history.redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, ui, plan]);
  return null;
}
