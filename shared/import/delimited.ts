// Tab-, comma- and semicolon-separated text → a grid of strings.
//
// One parser for the three sources, because they share one quoting rule
// (RFC 4180): a field that starts with `"` runs to the next lone `"`, a
// doubled `""` inside it is one quote, and it may hold delimiters, CR and LF.
// Excel writes exactly this to the clipboard (tab-separated, CRLF, a trailing
// newline) and to CSV files. Two leniencies keep real spreadsheet text intact
// instead of failing it: a quote inside an unquoted field is an ordinary
// character (`5" pipe`), and a field whose opening quote is never closed is
// read as literal text up to the next delimiter, rather than swallowing the
// rest of the input.

import { SPREADSHEET_LIMITS, type SpreadsheetLimit } from '../api/methods/import';

export type Delimiter = '\t' | ',' | ';';

/** Rows, columns and cell length a parse may produce before it stops (see SPREADSHEET_LIMITS). */
export interface GridLimits {
  rows: number;
  columns: number;
  cellChars: number;
}

/** A grid that passed one of its limits: which, the most allowed, what was found, and on which row (1-based). */
export class GridLimitError extends Error {
  constructor(
    readonly limit: Extract<SpreadsheetLimit, 'rows' | 'columns' | 'cellChars'>,
    readonly max: number,
    readonly row: number,
  ) {
    super(`${limit} over ${max} at row ${row}`);
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** Strips one leading byte-order mark (U+FEFF), which Excel puts in front of UTF-8 CSV. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parses `text` into rows of fields. A final line break does not add an empty
 * row. With `limits`, stops with a GridLimitError as soon as one is passed,
 * before the rest is built.
 */
export function parseDelimited(text: string, delimiter: Delimiter, limits?: GridLimits): string[][] {
  const src = stripBom(text);
  const delim = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  if (n === 0) return rows;

  while (i <= n) {
    // At the start of a field.
    let value: string;
    if (i < n && src.charCodeAt(i) === QUOTE) {
      const quoted = readQuoted(src, i + 1);
      if (quoted) {
        // Anything between the closing quote and the next delimiter is kept as typed.
        let j = quoted.end;
        while (j < n && !isBreak(src, j, delim)) j++;
        value = quoted.value + src.slice(quoted.end, j);
        i = j;
      } else {
        const j = nextBreak(src, i, delim);
        value = src.slice(i, j);
        i = j;
      }
    } else {
      const j = nextBreak(src, i, delim);
      value = src.slice(i, j);
      i = j;
    }
    row.push(value);
    if (limits) checkLimits(limits, rows.length + 1, row.length, value.length);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = src.charCodeAt(i);
    if (c === delim) {
      i += 1;
      continue;
    }
    // A line break: CRLF, LF or a lone CR (old Mac Excel).
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break; // trailing newline
  }
  return rows;
}

function checkLimits(limits: GridLimits, row: number, columns: number, chars: number): void {
  if (row > limits.rows) throw new GridLimitError('rows', limits.rows, row);
  if (columns > limits.columns) throw new GridLimitError('columns', limits.columns, row);
  if (chars > limits.cellChars) throw new GridLimitError('cellChars', limits.cellChars, row);
}

function isBreak(src: string, i: number, delim: number): boolean {
  const c = src.charCodeAt(i);
  return c === delim || c === LF || c === CR;
}

function nextBreak(src: string, from: number, delim: number): number {
  let j = from;
  while (j < src.length && !isBreak(src, j, delim)) j++;
  return j;
}

/** Reads a quoted field whose content starts at `from`; null if the quote never closes. */
function readQuoted(src: string, from: number): { value: string; end: number } | null {
  let out = '';
  let start = from;
  let j = from;
  for (;;) {
    const q = src.indexOf('"', j);
    if (q === -1) return null;
    if (src.charCodeAt(q + 1) === QUOTE) {
      out += src.slice(start, q + 1);
      j = q + 2;
      start = j;
      continue;
    }
    out += src.slice(start, q);
    return { value: out, end: q + 1 };
  }
}

/**
 * Guesses the delimiter of CSV-like text from its first lines: the candidate
 * (tab, semicolon, comma) that splits the most lines into the same number of
 * fields greater than one. European Excel writes `;` because `,` is its
 * decimal separator; a tie goes to tab, then semicolon, since a comma is
 * more likely to appear inside a value.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = stripBom(text).slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of ['\t', ';', ','] as const) {
    const rows = parseDelimited(sample, d).slice(0, 50);
    if (rows.length > 1 && sample.length === 64 * 1024) rows.pop(); // possibly cut short
    const widths = rows.map((r) => r.length).filter((w) => w > 1);
    if (widths.length === 0) continue;
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [width, agree] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = agree * 1000 + width;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Text Excel (or any spreadsheet) put on the clipboard: always tab-separated. */
export function parseClipboardText(text: string): string[][] {
  return parseDelimited(text, '\t');
}

/** A CSV/TSV file's text, with its delimiter detected; a GridLimitError past SPREADSHEET_LIMITS. */
export function parseCsvText(text: string, limits: GridLimits = SPREADSHEET_LIMITS): { rows: string[][]; delimiter: Delimiter } {
  const delimiter = detectDelimiter(text);
  return { rows: parseDelimited(text, delimiter, limits), delimiter };
}
