// Number, money, percentage and month formatting for the two UI languages.
// Pure Intl: runs the same in Node (exports, tests) and in the renderer.
//
// Money rules (documented in docs/renderer.md):
// - full (tables):  the exact amount, no minor units for whole amounts:
//     en "CN¥12,500,000", zh-CN "¥12,500,000"; a fractional amount keeps the
//     currency's own minor digits ("CN¥1,234.50").
// - compact (cards, charts):
//     en: Intl compact notation, at most 1 decimal: "CN¥12.5M", "CN¥850K".
//     zh-CN: Chinese units, chosen on the rounded value so 9,999.96万 becomes
//       "1亿" rather than "10,000万":
//       ≥ 1亿 (1e8) → up to 2 decimals of 亿: "¥1.25亿"
//       ≥ 1万 (1e4) → 万 with up to 1 decimal below 100万 ("¥12.5万"), whole
//                     万 from 100万 up ("¥1,250万")
//       below 1万   → the full amount ("¥9,999")
// The currency is always the plan's: a USD plan shows "US$" in both languages.
import type { Locale } from './locale';

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const NOT_A_NUMBER = '—';

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return nf(locale, { maximumFractionDigits }).format(value);
}

/** 0.425 → "42.5%" (the ratio, not the percent number). */
export function formatPercent(ratio: number, locale: Locale, maximumFractionDigits = 1): string {
  if (!Number.isFinite(ratio)) return NOT_A_NUMBER;
  return nf(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}

export interface MoneyOptions {
  compact?: boolean;
}

export function formatMoney(value: number, currency: string, locale: Locale, options: MoneyOptions = {}): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  if (!isCurrencyCode(currency)) return `${formatNumber(value, locale)} ${currency}`;
  if (!options.compact) return formatFull(value, currency, locale);
  return locale === 'zh-CN' ? formatChineseUnits(value, currency) : formatCompactIntl(value, currency, locale);
}

function isCurrencyCode(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency);
}

function formatFull(value: number, currency: string, locale: Locale): string {
  const digits = Number.isInteger(value) ? 0 : minorDigits(currency, locale);
  return nf(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

function minorDigits(currency: string, locale: Locale): number {
  return nf(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function formatCompactIntl(value: number, currency: string, locale: Locale): string {
  return nf(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

const WAN = 1e4;
const YI = 1e8;

function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function formatChineseUnits(value: number, currency: string): string {
  const abs = Math.abs(value);
  const inWan = abs / WAN;
  const wanDigits = inWan < 100 ? 1 : 0;
  let scaled: number;
  let unit: string;
  let digits: number;
  if (abs >= YI || roundTo(inWan, wanDigits) >= WAN) {
    scaled = value / YI;
    unit = '亿';
    digits = 2;
  } else if (abs >= WAN) {
    scaled = value / WAN;
    unit = '万';
    digits = wanDigits;
  } else {
    return formatFull(value, currency, 'zh-CN');
  }
  const parts = nf('zh-CN', {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).formatToParts(scaled);
  // The unit goes right after the last digit, before any trailing literal
  // (e.g. a currency name some locales place after the number).
  let lastDigit = -1;
  parts.forEach((p, i) => {
    if (p.type === 'integer' || p.type === 'fraction') lastDigit = i;
  });
  return parts.map((p, i) => (i === lastDigit ? p.value + unit : p.value)).join('');
}

const monthCache = new Map<Locale, Intl.DateTimeFormat>();

/** "2027-01" → "Jan 2027" (en) / "2027年1月" (zh-CN). Anything else is shown as given. */
export function formatMonth(month: string, locale: Locale): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return month;
  let f = monthCache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthCache.set(locale, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

// Intl's formatRange gives "2027/1 – 2027/6" in zh-CN, which planners do not
// write; a plain separator between two formatted months reads naturally.
const RANGE_SEPARATOR: Record<Locale, string> = { en: ' – ', 'zh-CN': '–' };

/** An inclusive month range: "Jan 2027 – Jun 2027" / "2027年1月–2027年6月". */
export function formatMonthRange(from: string, to: string, locale: Locale): string {
  if (from === to) return formatMonth(from, locale);
  return formatMonth(from, locale) + RANGE_SEPARATOR[locale] + formatMonth(to, locale);
}

const monthShortCache = new Map<Locale, Intl.DateTimeFormat>();

/** The month alone, for axis labels under a year: "Jan" (en) / "1月" (zh-CN). */
export function formatMonthShort(month: string, locale: Locale): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return month;
  let f = monthShortCache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    monthShortCache.set(locale, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to put into HTML. ECharts renders a tooltip formatter's
 * string as HTML, so every chart tooltip passes plan text (stage, segment,
 * customer names) through this: a customer named `<img src=x onerror=…>`
 * shows as those characters. The CSP stops scripts, not markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
