// Text pasted from Excel (tab-separated rows, as every spreadsheet copies a
// block) into the month × metric grid, from the cell where it lands. Pure,
// so the rules are testable without a browser: all or nothing, an empty cell
// removes the actual, anything else must be an amount of 0 or more.
import type { ActualCell } from '../../../shared/api/methods/tracking';
import { parseAmount } from '../../../shared/import/values';
import type { ActualMetric } from '../../../shared/plan/types';

export type PasteResult =
  | { ok: true; cells: ActualCell[] }
  | { ok: false; problem: 'tooWide' | 'tooLong' | 'notNumber'; row: number; column: number; text: string };

export function pasteGrid(
  text: string,
  at: { month: number; metric: number },
  months: readonly string[],
  metrics: readonly ActualMetric[],
  segmentId: string | null,
  currency: string,
): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const cells: ActualCell[] = [];
  for (let r = 0; r < lines.length; r++) {
    const parts = lines[r]!.split('\t');
    for (let c = 0; c < parts.length; c++) {
      const raw = parts[c]!.trim();
      const m = at.month + r;
      const k = at.metric + c;
      if (k >= metrics.length) return { ok: false, problem: 'tooWide', row: r + 1, column: c + 1, text: raw };
      if (m >= months.length) return { ok: false, problem: 'tooLong', row: r + 1, column: c + 1, text: raw };
      let value: number | null = null;
      if (raw !== '') {
        const v = parseAmount(raw, { currency });
        if (!v.ok) return { ok: false, problem: 'notNumber', row: r + 1, column: c + 1, text: raw };
        value = v.value;
      }
      cells.push({ month: months[m]!, metric: metrics[k]!, value, ...(segmentId !== null ? { segmentId } : {}) });
    }
  }
  return { ok: true, cells };
}
