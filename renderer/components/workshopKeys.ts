// Which key presses drive workshop mode. A presenter's clicker sends
// PageDown / PageUp (some send the arrow keys); F5 is "start the show" in
// presentation software, Esc leaves. Keys meant for a focused control (a
// slider's arrows, typing in a text field, a select) are left to that control.
export type WorkshopKey = 'enter' | 'leave' | 'blur' | 'next' | 'previous';

/** A focused element that uses arrows / PageUp / PageDown itself. */
export function usesArrows(el: EventTarget | null): boolean {
  if (!(el instanceof Element)) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio' && el.type !== 'button' && el.type !== 'submit';
}

function isTyping(el: EventTarget | null): boolean {
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'color'].includes(el.type));
}

export function workshopKeyOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>, active: boolean): WorkshopKey | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'F5' && !e.shiftKey) return active ? null : 'enter';
  if (!active) return null;
  // Esc while typing (a decision) first leaves the field, so a half-written text is not lost from view.
  if (e.key === 'Escape') return isTyping(e.target) ? 'blur' : 'leave';
  // A clicker sends PageDown/PageUp whatever has focus: they step even from a slider just dragged
  // (the slider keeps its arrows, Home and End); only a text field or a select keeps them.
  if (e.key === 'PageDown' || e.key === 'PageUp') {
    if (isTyping(e.target) || e.target instanceof HTMLSelectElement) return null;
    return e.key === 'PageDown' ? 'next' : 'previous';
  }
  if (usesArrows(e.target)) return null;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') return 'next';
  if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') return 'previous';
  return null;
}
