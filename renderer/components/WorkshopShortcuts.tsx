// F5 enters workshop mode, Esc leaves, arrows / PageUp / PageDown step, and
// the Electron View menu's item enters it. Not while a dialog is open: its
// fields own the keyboard and Esc closes the dialog, not the workshop.
// Renders nothing.
import { useEffect } from 'react';
import { useStores } from '../stores/context';
import { WORKSHOP_ENTER_EVENT } from '../../shared/api/shell-events';
import { workshopKeyOf } from './workshopKeys';

export function WorkshopShortcuts() {
  const { workshop, ui, plan } = useStores();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (ui.modals > 0 || document.querySelector('dialog[open]')) return;
      const key = workshopKeyOf(e, workshop.active);
      if (!key) return;
      // F5 would reload the page; the arrows would scroll it.
      e.preventDefault();
      if (key === 'enter' && plan.status === 'ready') workshop.enter();
      else if (key === 'leave') workshop.leave();
      else if (key === 'blur') (e.target as HTMLElement).blur();
      else if (key === 'next') workshop.next();
      else if (key === 'previous') workshop.previous();
    };
    // The Electron View menu's item (electron/main/page-events.ts).
    const onMenu = () => {
      if (plan.status === 'ready') workshop.enter();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(WORKSHOP_ENTER_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(WORKSHOP_ENTER_EVENT, onMenu);
    };
  }, [workshop, ui, plan]);
  return null;
}
