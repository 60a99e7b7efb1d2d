// What is wrong with a deal-history file: one entry per kind of problem and
// column, naming the first rows and the count (a 100,000-row file with one
// bad column must not make 100,000 messages). Messages are i18n keys; the
// params always include {column}, {rows} (the first few line numbers) and {count}.
import type { MessageKey } from '../i18n';

export type ProblemSeverity = 'error' | 'warning';

export interface CalibrationProblem {
  /** Errors block every suggestion (nothing can be applied); warnings only inform. */
  severity: ProblemSeverity;
  key: MessageKey;
  params: Record<string, string | number>;
  /** 1-based line numbers of the source (header = line 1), the first SHOWN_LINES. */
  lines: number[];
  /** How many rows have this problem. */
  count: number;
}

export const SHOWN_LINES = 5;

/** Collects rows per (key, column) and turns them into problems at the end. */
export class ProblemCollector {
  private readonly groups = new Map<string, CalibrationProblem>();

  add(severity: ProblemSeverity, key: MessageKey, column: string, line: number | null, params: Record<string, string | number> = {}): void {
    const id = `${key}\u0000${column}`;
    let g = this.groups.get(id);
    if (!g) {
      g = { severity, key, params: { column, ...params }, lines: [], count: 0 };
      this.groups.set(id, g);
    }
    if (line === null) return;
    g.count++;
    // Keep the first rows of the file, whatever order the checks ran in.
    if (g.lines.length < SHOWN_LINES || line < g.lines[g.lines.length - 1]!) {
      let i = g.lines.length;
      while (i > 0 && g.lines[i - 1]! > line) i--;
      g.lines.splice(i, 0, line);
      if (g.lines.length > SHOWN_LINES) g.lines.pop();
    }
  }

  /** Adds parameters to a problem already collected (known only after all rows were read). */
  extend(key: MessageKey, column: string, params: Record<string, string | number>): void {
    const g = this.groups.get(`${key}\u0000${column}`);
    if (g) Object.assign(g.params, params);
  }

  /** A problem about the file or the figures as a whole (no rows). */
  general(severity: ProblemSeverity, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.groups.set(`${key}\u0000${this.groups.size}`, { severity, key, params: { column: '', ...params }, lines: [], count: 0 });
  }

  get hasErrors(): boolean {
    for (const g of this.groups.values()) if (g.severity === 'error') return true;
    return false;
  }

  list(): CalibrationProblem[] {
    return [...this.groups.values()].map((g) => ({
      ...g,
      params: { rows: rowsText(g.lines, g.count), count: g.count, ...g.params },
    }));
  }
}

/** "2, 5, 9" or "2, 5, 9, 11, 12 …" when there are more. */
export function rowsText(lines: readonly number[], count: number): string {
  return lines.join(', ') + (count > lines.length ? ' …' : '');
}
