// CSV: one file per table (shared/report/tables.ts) in a folder, UTF-8 with
// a byte-order mark so Excel opens Chinese text correctly. Cells that a
// spreadsheet would run as a formula (= + - @ tab CR at the start) get a
// leading apostrophe (papaparse's escapeFormulae, with our own pattern); the importer drops it
// again, so the customers file imports back as the same customers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Plan } from '../../../shared/plan/types';
import { createTranslator, type Locale } from '../../../shared/i18n/translate';
import { planTables, type PlanTable } from '../../../shared/report/tables';

const BOM = '\uFEFF';
// papaparse's own `escapeFormulae: FORMULA_START` pattern is /^[=+\-@\t\r].*$/, which
// misses a formula followed by a line break ("=1+1\nx", "=\u2028…"): `.`
// stops at line terminators. The first character alone decides.
const FORMULA_START = /^[=+\-@\t\r]/;

export function tableCsv(table: PlanTable): string {
  const fields = table.columns.map((c) => c.header);
  const data = [...table.rows()].map((r) => r.map((v) => (v === null ? '' : v)));
  return BOM + Papa.unparse({ fields, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
}

export function writeCsvFolder(dir: string, plan: Plan, lang: Locale, progress: (done: number, total: number) => void): void {
  const tables = planTables(plan, createTranslator(lang));
  tables.forEach((t, i) => {
    writeFileSync(join(dir, `${t.key}.csv`), tableCsv(t), 'utf8');
    progress(i + 1, tables.length);
  });
}
