// Menu items whose effect lives in the page (View ▸ Workshop mode, File ▸
// Backups…, the backups offered when File ▸ Open finds a file damaged): the
// shell asks the page by dispatching one of the shell events of
// shared/api/shell-events.ts, with a constant script (as edit-target.ts does);
// no value from outside crosses. With F5 pressed in the page, the page's own
// key handler acts first and stops the accelerator; the menu item acts when it
// is chosen with the mouse, or when the page did not take the key.
import type { WebContents } from 'electron';
import { BACKUPS_OPEN_EVENT, DAMAGED_BACKUPS_EVENT, WORKSHOP_ENTER_EVENT, type ShellEvent } from '../../shared/api/shell-events';

/** The one script per shell event: the page listens for exactly this event. */
export const SHELL_EVENT_SCRIPTS: { readonly [E in ShellEvent]: string } = {
  [WORKSHOP_ENTER_EVENT]: scriptOf(WORKSHOP_ENTER_EVENT),
  [BACKUPS_OPEN_EVENT]: scriptOf(BACKUPS_OPEN_EVENT),
  [DAMAGED_BACKUPS_EVENT]: scriptOf(DAMAGED_BACKUPS_EVENT),
};

function scriptOf(event: ShellEvent): string {
  return `window.dispatchEvent(new Event(${JSON.stringify(event)}))`;
}

export interface PageEvents {
  /** Dispatches the event in the page; without a page (no window, still loading), nothing happens. */
  send(event: ShellEvent): Promise<void>;
}

export function webContentsPageEvents(wc: () => Pick<WebContents, 'executeJavaScript' | 'isDestroyed'> | undefined): PageEvents {
  return {
    async send(event) {
      const contents = wc();
      if (!contents || contents.isDestroyed()) return;
      try {
        await contents.executeJavaScript(SHELL_EVENT_SCRIPTS[event], true);
      } catch {
        // A page still loading: nothing to ask yet.
      }
    },
  };
}
