// Reading one cell's text as a value of a customer field. Every failure is a
// message key with parameters (translated where it is shown), never a string.
//
// Amounts (potential, first deal) accept what spreadsheets and Chinese
// business writing use, and nothing that could be read two ways:
//   1200000 · 1,200,000 · 1 200 000 · 1200000.50 · 1.2e6
//   with a unit: 120万 · 1.2亿 · 3千 · 5百万 · 2千万 · 850K · 1.2M · 1.5B / 1.5bn
//   with the plan's currency: ¥1,200,000 · CNY 1,200,000 · 120万元 · RMB 5M
//   full-width digits and symbols (１２０万, ￥) are folded first.
// Grouping must be in threes ("1,20" is refused, not guessed). With
// `decimalComma` (a `;`-separated file from a European Excel) the roles swap:
// "1.200.000,50". A symbol of another currency ("$" in a CNY plan) is an
// error: amounts are never converted.
//
// Formula rule: a cell is never evaluated. A number column takes a signed
// number as a number ("-1200" → −1200, then refused as negative; "+1200" →
// 1200); anything else starting with = + - @ is reported as a formula.
// Text columns keep such a cell verbatim (see FORMULA_START).
import type { MessageKey } from '../i18n';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; key: MessageKey; params: Record<string, string | number> };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(key: MessageKey, params: Record<string, string | number>): ValueResult<T> => ({ ok: false, key, params });

/** What makes a spreadsheet treat a cell as a formula (CSV-injection characters). */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(raw: string): boolean {
  return FORMULA_START.test(raw);
}

/** Full-width folded, outer whitespace removed; what every non-text field parses. */
export function cleanCell(raw: string): string {
  return raw.normalize('NFKC').trim();
}

// Units, longest first so 千万 wins over 万.
const UNITS: readonly [string, number][] = [
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['bn', 9],
  ['mn', 6],
  ['k', 3],
  ['K', 3],
  ['m', 6],
  ['M', 6],
  ['b', 9],
  ['B', 9],
];

// Currency markers and the plan currencies they may stand for.
const CURRENCY_MARKS: readonly [string, readonly string[]][] = [
  ['CN¥', ['CNY']],
  ['US$', ['USD']],
  ['HK$', ['HKD']],
  ['RMB', ['CNY']],
  ['人民币', ['CNY']],
  ['元', ['CNY']],
  ['¥', ['CNY', 'JPY']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['$', ['USD', 'HKD', 'AUD', 'CAD', 'SGD', 'TWD', 'NZD']],
];

const PLAIN_AMOUNT = /^[\d.,\s']*[\d.]*[万亿千百kKmMbBn]*$/;

function stripCurrency(s: string, currency: string): { rest: string; found: string | null; matches: boolean } {
  if (PLAIN_AMOUNT.test(s)) return { rest: s, found: null, matches: true };
  let rest = s;
  let found: string | null = null;
  let matches = true;
  const take = (mark: string, codes: readonly string[]) => {
    found ??= mark;
    if (!codes.includes(currency)) matches = false;
  };
  for (let again = true; again; ) {
    again = false;
    const iso = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(rest);
    if (iso && /[\d.]/.test(rest.replace(iso[0], ''))) {
      const code = (iso[1] ?? iso[2])!;
      if (code !== 'RMB') {
        take(code, [code]);
        rest = rest.replace(iso[0], '').trim();
        again = true;
        continue;
      }
    }
    for (const [mark, codes] of CURRENCY_MARKS) {
      if (rest.startsWith(mark)) {
        take(mark, codes);
        rest = rest.slice(mark.length).trim();
        again = true;
        break;
      }
      if (rest.endsWith(mark)) {
        take(mark, codes);
        rest = rest.slice(0, -mark.length).trim();
        again = true;
        break;
      }
    }
  }
  return { rest, found, matches };
}

export interface AmountOptions {
  /** The plan's ISO currency code: the only one an amount may name. */
  currency: string;
  /** "1.200,50" (European) instead of "1,200.50". */
  decimalComma?: boolean;
}

/** Parses an amount (≥ 0). `raw` must not be empty. */
export function parseAmount(raw: string, opts: AmountOptions): ValueResult<number> {
  const value = raw.trim();
  let s = cleanCell(raw);
  if (/^[=@]/.test(s)) return fail('import.problem.formula', { value });
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true; // accounting style (1,200)
    s = s.slice(1, -1).trim();
  }
  if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();

  const cur = stripCurrency(s, opts.currency);
  s = cur.rest;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true; // ¥-1,200
    s = s.slice(1).trim();
  }
  let exponent = 0;
  for (const [unit, exp] of UNITS) {
    if (s.endsWith(unit) && s.length > unit.length) {
      exponent = exp;
      s = s.slice(0, -unit.length).trim();
      break;
    }
  }
  const digits = s === '' ? null : readDecimal(s, opts.decimalComma ?? false);
  if (digits === null) {
    if (s === '') return fail('import.problem.badNumber', { value });
    if (/^[\d.,\s']+$/.test(s) && /\d/.test(s)) return fail('import.problem.badGrouping', { value });
    return looksLikeFormula(value) ? fail('import.problem.formula', { value }) : fail('import.problem.badNumber', { value });
  }
  if (cur.found !== null && !cur.matches) return fail('import.problem.currency', { value, found: cur.found, currency: opts.currency });
  // Shift the decimal point in the text, so 1.23万 is exactly 12300.
  const n = Number(`${digits.mantissa}e${digits.exponent + exponent}`);
  if (!Number.isFinite(n)) return fail('import.problem.badNumber', { value });
  if (negative && n !== 0) return fail('import.problem.negative', { value });
  return ok(n);
}

// The number grammars, compiled once: [plain, grouped] for each decimal mark.
const GRAMMARS = {
  point: [/^(\d+)(?:\.(\d+))?$|^\.(\d+)$/, /^(\d{1,3}(?:[,\s']\d{3})+)(?:\.(\d+))?$/],
  comma: [/^(\d+)(?:,(\d+))?$|^,(\d+)$/, /^(\d{1,3}(?:[.\s']\d{3})+)(?:,(\d+))?$/],
} as const;
const SCIENTIFIC = /^(\d+(?:\.\d+)?)e([+-]?\d+)$/i;

/** "1,234.5" → 1234.5 as text parts (or null when it is not a well-formed number). */
function readDecimal(s: string, decimalComma: boolean): { mantissa: string; exponent: number } | null {
  const [plain, grouped] = GRAMMARS[decimalComma ? 'comma' : 'point'];
  let m = plain.exec(s);
  if (m) return { mantissa: m[3] !== undefined ? `0.${m[3]}` : `${m[1]}${m[2] !== undefined ? `.${m[2]}` : ''}`, exponent: 0 };
  m = grouped.exec(s);
  if (m) return { mantissa: `${m[1]!.replace(/\D/g, '')}${m[2] !== undefined ? `.${m[2]}` : ''}`, exponent: 0 };
  if (!decimalComma) {
    m = SCIENTIFIC.exec(s);
    if (m) return { mantissa: m[1]!, exponent: Number(m[2]) };
  }
  return null;
}

/** A whole number in [min, max] (scores, stage indexes). `raw` must not be empty. */
export function parseWholeNumber(raw: string, min: number, max: number): ValueResult<number> {
  const value = raw.trim();
  const s = cleanCell(raw);
  const m = /^([+-]?\d+)(?:[.,]0+)?$/.exec(s);
  if (!m) {
    if (/^[=@]/.test(s) || (looksLikeFormula(s) && !/^[+-]?\d/.test(s))) return fail('import.problem.formula', { value });
    return fail('import.problem.scoreRange', { value, min, max });
  }
  const n = Number(m[1]);
  if (n < min || n > max) return fail('import.problem.scoreRange', { value, min, max });
  return ok(n);
}

/** An amount, or a triangular range "min / mode / max" of amounts. */
export function parseAmountOrRange(
  raw: string,
  opts: AmountOptions,
): ValueResult<number | { min: number; mode: number; max: number }> {
  const parts = cleanCell(raw).split('/');
  if (parts.length === 1) return parseAmount(raw, opts);
  if (parts.length !== 3) return fail('import.problem.badRange', { value: raw.trim() });
  const nums: number[] = [];
  for (const p of parts) {
    if (p.trim() === '') return fail('import.problem.badRange', { value: raw.trim() });
    const r = parseAmount(p, opts);
    if (!r.ok) return r;
    nums.push(r.value);
  }
  const [min, mode, max] = nums as [number, number, number];
  if (!(min <= mode && mode <= max)) return fail('import.problem.badRange', { value: raw.trim() });
  return ok({ min, mode, max });
}
