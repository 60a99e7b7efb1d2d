// The check step of the customer import, kept free of MobX: the data rows
// with the cells fixed in the preview, the rows the grid shows, and the
// problems listed under it.
import type { CellProblem, SourceRow, ValidationSummary } from '../../../shared/import';

/** Problems listed under the preview; the grid marks them all. */
const LISTED_PROBLEMS = 100;

/** Where a fixed cell is kept: by source line (stable when rows are excluded) and column. */
export const fixKey = (line: number, column: number): string => `${line}:${column}`;

/** The data rows with the preview's fixes applied (an unfixed row is the same object). */
export function rowsWithFixes(rows: SourceRow[], fixes: ReadonlyMap<string, string>, width: number): SourceRow[] {
  if (fixes.size === 0) return rows;
  return rows.map((r) => {
    let cells: string[] | null = null;
    for (let c = 0; c < width; c++) {
      const fixed = fixes.get(fixKey(r.line, c));
      if (fixed === undefined) continue;
      cells ??= Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
      cells[c] = fixed;
    }
    return cells ? { line: r.line, cells } : r;
  });
}

/** Indexes (into the data rows) of the rows left out, which are kept by source line. */
export function excludedIndexes(rows: readonly SourceRow[], excludedLines: ReadonlySet<number>): Set<number> {
  const excluded = new Set<number>();
  rows.forEach((r, i) => {
    if (excludedLines.has(r.line)) excluded.add(i);
  });
  return excluded;
}

/** Indexes (into the data rows) the grid shows: all, or only those with errors. */
export function visibleRows(summary: ValidationSummary, onlyProblems: boolean): number[] {
  const all = summary.rows;
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) {
    if (!onlyProblems || all[i]!.problems.some((p) => p.severity === 'error')) out.push(i);
  }
  return out;
}

/** The first problems of included rows (errors before notes), and how many more there are. */
export function listedProblems(summary: ValidationSummary): { items: CellProblem[]; more: number } {
  const errors: CellProblem[] = [];
  const notes: CellProblem[] = [];
  for (const row of summary.rows) {
    if (row.excluded) continue;
    for (const p of row.problems) (p.severity === 'error' ? errors : notes).push(p);
  }
  const all = [...errors, ...notes];
  return { items: all.slice(0, LISTED_PROBLEMS), more: Math.max(0, all.length - LISTED_PROBLEMS) };
}
