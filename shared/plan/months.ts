// Month arithmetic on "YYYY-MM" strings. Kept in one place so the plan
// validator, the simulation and the UI agree on what "month 0" is.

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

/** Months since year 0; "2027-01" → 2027*12. Throws on a malformed month. */
export function monthOrdinal(month: string): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`Not a month (YYYY-MM): ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromOrdinal(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  const month = ordinal - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Index of `month` relative to `startMonth` (may be negative or ≥ horizon). */
export function monthIndex(startMonth: string, month: string): number {
  return monthOrdinal(month) - monthOrdinal(startMonth);
}

export function addMonths(month: string, n: number): string {
  return monthFromOrdinal(monthOrdinal(month) + n);
}

/** The horizon's months, in order: ["2027-01", "2027-02", …]. */
export function horizonMonthList(startMonth: string, horizonMonths: number): string[] {
  const first = monthOrdinal(startMonth);
  return Array.from({ length: horizonMonths }, (_, i) => monthFromOrdinal(first + i));
}
