// What the user sees, independent of the plan: the current screen, the
// language (remembered in localStorage), and the errors and notices shown.
import { action, computed, makeObservable, observable, observableShallow } from 'mobx';
import type { ApiError } from '../../shared/api/result';
import { createTranslator, isLocale, type Locale, type Translator } from '../../shared/i18n';
import type { PlanIssue } from '../../shared/plan/rules';

export const VIEW_IDS = [
  'overview',
  'phases',
  'gate',
  'customers',
  'people',
  'goals',
  'funnels',
  'scenarios',
  'simulation',
  'decisions',
  'tracking',
  'history',
  'export',
] as const;
export type ViewId = (typeof VIEW_IDS)[number];
export const LANG_STORAGE_KEY = 'planner.lang';

export interface ShownError {
  id: number;
  /** A localized headline for the action that failed, when there is one. */
  title?: string;
  code: string;
  message: string;
  details?: unknown;
  /** Plan-format problems (imports, edits) each with its JSON path. */
  issues: PlanIssue[];
}

export interface Toast {
  id: number;
  text: string;
  /** An optional button in the notice (e.g. Undo); using it dismisses the notice. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

const TOAST_MS = 6000;

export function isViewId(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

export class UiStore {
  view: ViewId = 'overview';
  lang: Locale;
  errors: ShownError[] = [];
  toasts: Toast[] = [];
  /** Open modal dialogs: errors show inside the top one, since the page behind is inert. */
  modals = 0;
  private nextId = 1;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    preferred: readonly string[] = [],
  ) {
    const saved = storage?.getItem(LANG_STORAGE_KEY);
    this.lang = isLocale(saved) ? saved : preferred.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
    makeObservable(this, {
      view: observable,
      lang: observable,
      errors: observableShallow,
      toasts: observableShallow,
      modals: observable,
      enterModal: action,
      leaveModal: action,
      tr: computed,
      setView: action,
      setLang: action,
      showError: action,
      dismissError: action,
      toast: action,
      dismissToast: action,
    });
  }

  get tr(): Translator {
    return createTranslator(this.lang);
  }

  setView(view: ViewId): void {
    this.view = view;
  }

  setLang(lang: Locale): void {
    this.lang = lang;
    try {
      this.storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage can be full or disabled; the switch still applies to this page.
    }
  }

  showError(error: ApiError, title?: string): void {
    this.errors.push({
      id: this.nextId++,
      title,
      code: error.code,
      message: error.message,
      details: error.details,
      issues: issuesOf(error.details),
    });
  }

  enterModal(): void {
    this.modals += 1;
  }

  leaveModal(): void {
    this.modals = Math.max(0, this.modals - 1);
  }

  dismissError(id: number): void {
    this.errors = this.errors.filter((e) => e.id !== id);
  }

  toast(text: string, action?: ToastAction): void {
    const id = this.nextId++;
    this.toasts.push(action ? { id, text, action } : { id, text });
    // A notice with a button stays longer: people need time to reach it.
    setTimeout(() => this.dismissToast(id), action ? TOAST_MS * 2 : TOAST_MS);
  }

  dismissToast(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

function issuesOf(details: unknown): PlanIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is PlanIssue => typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string',
  );
}
