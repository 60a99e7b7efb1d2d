// Reading a column of dates as CRM exports and spreadsheets write them:
//   year first: 2024-03-05 (ISO, with or without a time), 2024/3/5, 2024.3.5, 2024年3月5日
//   slashes, year last: 3/5/2024 — m/d/yyyy (US) or d/m/yyyy (most of the world)
//   dots, year last: 5.3.2024 — d.m.yyyy
//   an Excel serial day number: 45356 (the 1900 date system, as a cell formatted as a number shows it)
// A column is read in ONE of these kinds. A column that mixes kinds is
// refused (naming the rows of the less common kinds), since the rows written
// one way cannot tell how the others were meant. Slash dates are m/d when a
// first number is above 12 nowhere and a second one somewhere, d/m in the
// opposite case; when every cell fits both, the user settles it (`order`).
// A time of day is ignored: calibration counts whole days.
import { ProblemCollector } from './problems';

export type DateOrder = 'mdy' | 'dmy';
type Kind = 'yearFirst' | 'slash' | 'dotted' | 'serial';

const YEAR_FIRST = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|年(\d{1,2})月(\d{1,2})日?)(?:[T\s].*)?$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** Excel's serial 1 is 1900-01-01; counting from 1899-12-30 absorbs its fictitious 1900-02-29 for dates after it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30) / 86_400_000;
const MAX_SERIAL = 2_958_465; // 9999-12-31

/** Days since 1970-01-01 of a calendar date, or null when there is no such date. */
export function dayNumber(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** "2024-03-05" for a day number. */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function kindOf(s: string): Kind | null {
  if (YEAR_FIRST.test(s)) return 'yearFirst';
  if (SLASH.test(s)) return 'slash';
  if (DOTTED.test(s)) return 'dotted';
  if (SERIAL.test(s)) return 'serial';
  return null;
}

function parseAs(kind: Kind, s: string, order: DateOrder | null): number | null {
  if (kind === 'yearFirst') {
    const m = YEAR_FIRST.exec(s)!;
    const [mo, d] = [m[2] ?? m[4] ?? m[6] ?? m[8], m[3] ?? m[5] ?? m[7] ?? m[9]];
    return dayNumber(Number(m[1]), Number(mo), Number(d));
  }
  if (kind === 'slash') {
    const m = SLASH.exec(s)!;
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return order === 'dmy' ? dayNumber(y, b, a) : dayNumber(y, a, b);
  }
  if (kind === 'dotted') {
    const m = DOTTED.exec(s)!;
    return dayNumber(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  const n = Math.floor(Number(s));
  return n >= 1 && n <= MAX_SERIAL ? EXCEL_EPOCH + n : null;
}

export const KIND_EXAMPLE: Record<Kind, string> = {
  yearFirst: 'yyyy-mm-dd',
  slash: 'm/d/yyyy',
  dotted: 'd.m.yyyy',
  serial: 'Excel serial',
};

export interface DateCell {
  line: number;
  text: string;
}

export interface DateColumnResult {
  /** One day number per cell (null: empty or unreadable, reported). */
  days: (number | null)[];
  /** How the column was read (null: no dates, or refused). */
  format: string | null;
  /** The column's slash dates fit both m/d and d/m and no order was given. */
  ambiguous: boolean;
}

/**
 * Reads a column of dates. Empty cells give null without a problem (the
 * caller decides whether the date is required). Problems go to `problems`.
 */
export function readDateColumn(cells: readonly DateCell[], column: string, order: DateOrder | null, problems: ProblemCollector): DateColumnResult {
  const texts = cells.map((c) => c.text.normalize('NFKC').trim());
  const kindCache = new Map<string, Kind | null>();
  const kinds = texts.map((t) => {
    if (t === '') return null;
    let k = kindCache.get(t);
    if (k === undefined) kindCache.set(t, (k = kindOf(t)));
    return k;
  });
  const counts = new Map<Kind, number>();
  texts.forEach((t, i) => {
    const k = kinds[i];
    if (t === '') return;
    if (k === null) problems.add('error', 'calibration.problem.badDate', column, cells[i]!.line, { example: t });
    else counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const days: (number | null)[] = new Array<number | null>(cells.length).fill(null);
  if (counts.size === 0) return { days, format: null, ambiguous: false };
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const main = ranked[0]![0];
  if (ranked.length > 1) {
    const formats = ranked.map(([k, n]) => `${KIND_EXAMPLE[k]} (${n})`).join(', ');
    texts.forEach((_, i) => {
      const k = kinds[i];
      if (k !== null && k !== main) problems.add('error', 'calibration.problem.mixedDates', column, cells[i]!.line, { formats });
    });
    return { days, format: null, ambiguous: false };
  }
  let useOrder: DateOrder | null = null;
  if (main === 'slash') {
    let monthFirst = false;
    let dayFirst = false;
    for (const t of texts) {
      const m = SLASH.exec(t);
      if (!m) continue;
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    }
    if (order) useOrder = order;
    else if (monthFirst && dayFirst) {
      texts.forEach((t, i) => {
        const m = SLASH.exec(t);
        if (m && Number(m[1]) > 12) problems.add('error', 'calibration.problem.mixedDayMonth', column, cells[i]!.line);
      });
      return { days, format: null, ambiguous: false };
    } else if (dayFirst) useOrder = 'dmy';
    else if (monthFirst) useOrder = 'mdy';
    else {
      problems.add('error', 'calibration.problem.ambiguousDates', column, null, { example: texts.find((t) => t !== '')! });
      return { days, format: null, ambiguous: true };
    }
  }
  // A history repeats its dates (1,000 days for 100,000 deals): each text is parsed once.
  const seen = new Map<string, number | null>();
  texts.forEach((t, i) => {
    if (kinds[i] === null) return; // empty, or reported above
    let d = seen.get(t);
    if (d === undefined) seen.set(t, (d = parseAs(main, t, useOrder)));
    if (d === null) problems.add('error', 'calibration.problem.badDate', column, cells[i]!.line, { example: t });
    days[i] = d;
  });
  const format = main === 'slash' ? (useOrder === 'dmy' ? 'd/m/yyyy' : 'm/d/yyyy') : KIND_EXAMPLE[main];
  return { days, format, ambiguous: false };
}
