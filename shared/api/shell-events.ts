// DOM events the Electron shell sends into the page for menu items whose
// effect lives in the renderer (the shell runs a constant script that
// dispatches one of these on `window`, electron/main/page-events.ts; no value
// from outside crosses).

/** View ▸ Workshop mode (F5): enter workshop mode (nothing when already in it). */
export const WORKSHOP_ENTER_EVENT = 'planner-workshop-enter';
/** File ▸ Backups…: show the open plan's backups (the browser File menu's dialog). */
export const BACKUPS_OPEN_EVENT = 'planner-backups-open';
/** File ▸ Open found the file damaged and it has backups: offer them, newest first. */
export const DAMAGED_BACKUPS_EVENT = 'planner-backups-damaged';

export type ShellEvent = typeof WORKSHOP_ENTER_EVENT | typeof BACKUPS_OPEN_EVENT | typeof DAMAGED_BACKUPS_EVENT;
