// View ▸ Workshop mode: the mode lives in the page, so the menu item asks the
// page to enter it by dispatching a DOM event (a constant script, as
// edit-target.ts does). With F5 pressed in the page, the page's own key
// handler acts first and stops the accelerator; the menu item acts when it
// is chosen with the mouse, or when the page did not take the key.
import type { WebContents } from 'electron';
import { WORKSHOP_ENTER_EVENT } from '../../shared/api/shell-events';

export const WORKSHOP_SCRIPT = `window.dispatchEvent(new Event(${JSON.stringify(WORKSHOP_ENTER_EVENT)}))`;

export interface WorkshopTarget {
  enter(): Promise<void>;
}

export function webContentsWorkshop(wc: () => Pick<WebContents, 'executeJavaScript' | 'isDestroyed'> | undefined): WorkshopTarget {
  return {
    async enter() {
      const contents = wc();
      if (!contents || contents.isDestroyed()) return;
      try {
        await contents.executeJavaScript(WORKSHOP_SCRIPT, true);
      } catch {
        // A page still loading: nothing to enter yet.
      }
    },
  };
}
