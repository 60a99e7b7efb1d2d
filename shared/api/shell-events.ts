// DOM events the Electron shell sends into the page for menu items whose
// effect lives in the renderer (the shell runs a constant script that
// dispatches one of these on `window`; no value from outside crosses).

/** View ▸ Workshop mode (F5): enter workshop mode (nothing when already in it). */
export const WORKSHOP_ENTER_EVENT = 'planner-workshop-enter';
