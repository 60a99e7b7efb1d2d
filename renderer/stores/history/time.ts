// When an edit was made, for the history list: the local date and time, and
// how long ago ("5 minutes ago", "昨天") while that reads better than a date.
import type { Translator } from '../../../shared/i18n';

const absolute = new Map<string, Intl.DateTimeFormat>();
const relative = new Map<string, Intl.RelativeTimeFormat>();

export function formatWhen(iso: string, locale: string): string {
  let f = absolute.get(locale);
  if (!f) absolute.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return f.format(new Date(iso));
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];
const WEEK = 7 * 24 * 60 * 60;

/** "3 hours ago" up to a week back; null beyond (the date says it better). */
export function formatAgo(iso: string, now: number, tr: Translator): string | null {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds) || seconds >= WEEK) return null;
  if (seconds < 60) return tr.t('history.relative.now');
  let f = relative.get(tr.locale);
  if (!f) relative.set(tr.locale, (f = new Intl.RelativeTimeFormat(tr.locale, { numeric: 'auto' })));
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [u, s] of STEPS) if (seconds >= s) [unit, size] = [u, s];
  return f.format(-Math.floor(seconds / size), unit);
}
