// CSV export: one UTF-8 file with BOM per table, no cell a spreadsheet would
// run as a formula (property test over hostile names), and the customers
// file imports back, through the customer import, as the same customers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { autoMap, createImportContext, dataRows, parseCsvText, stripBom, validateRows } from '../../shared/import';
import { createTranslator } from '../../shared/i18n/translate';
import type { Customer, Plan } from '../../shared/plan/types';
import { planTables } from '../../shared/report/tables';
import { tableCsv } from '../../electron/services/export/csv';
import { demoJson, exportTo } from './export-helpers';
import { harness, tempDir } from './store-helpers';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Text a user might type, often starting like a formula (line breaks and all); trimmed and non-empty as the plan requires. */
const hostileText = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', '=HYPERLINK("x")', '@SUM(', '-1+'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
  .map(([prefix, rest]) => `${prefix}${rest}`.trim())
  .filter((s) => s.length > 0);

function customersCsv(plan: Plan): string {
  const table = planTables(plan, createTranslator('en')).find((t) => t.key === 'customers')!;
  return tableCsv(table);
}

function reimport(plan: Plan, csv: string): (Customer | null)[] {
  const ctx = createImportContext({ currency: plan.plan.currency, ...plan, customers: [] });
  const { rows: grid } = parseCsvText(stripBom(csv));
  const auto = autoMap(grid, ctx);
  const settings = { hasHeader: auto.hasHeader, mapping: auto.mapping, defaults: { segmentId: null, tier: null, status: 'target' as const }, existing: 'error' as const, decimalComma: false };
  return validateRows(dataRows(grid, settings.hasHeader), settings, ctx).rows.map((r) => r.customer);
}

describe('CSV export', () => {
  it('no cell can start a formula, and the customers file imports back as the same customers', () => {
    const base = demoJson('en');
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, hostileText, hostileText, fc.nat(1e12)), { minLength: 1, maxLength: 8 }), (rows) => {
        const plan = structuredClone(base);
        plan.customers = plan.customers.slice(0, rows.length).map((c, i) => ({ ...c, name: rows[i]![0], region: rows[i]![1], industry: rows[i]![2], potential: rows[i]![3] }));
        const csv = customersCsv(plan);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const { rows: cells } = parseCsvText(stripBom(csv));
        for (const row of cells) for (const cell of row) expect(FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? cell : null).toBeNull();
        // The account ladder (relationshipPlan) is not a customer-import field: it travels in JSON and its own sheet.
        expect(reimport(plan, csv)).toEqual(plan.customers.map(({ relationshipPlan: _ladder, ...c }) => c));
      }),
      { numRuns: 60 },
    );
  });

  it('writes one file per table into the --out folder', async () => {
    const h = await harness(demoJson('zh-CN'));
    const dir = join(tempDir(), 'tables');
    await exportTo(h, 'csv', dir, { lang: 'zh-CN' });
    expect(readdirSync(dir).sort()).toEqual([
      'actuals.csv',
      'customers.csv',
      'decisions.csv',
      'funnels.csv',
      'goals.csv',
      'ladder.csv',
      'leads.csv',
      'people.csv',
      'phases.csv',
      'scenarios.csv',
      'segments.csv',
      'stages.csv',
      'targets.csv',
    ]);
    const plan = demoJson('zh-CN');
    const phases = readFileSync(join(dir, 'phases.csv'), 'utf8');
    expect(phases.charCodeAt(0)).toBe(0xfeff);
    expect(phases).toContain(plan.phases[0]!.name);
    const rows = (file: string) => Papa.parse<string[]>(readFileSync(join(dir, file), 'utf8').slice(1), { skipEmptyLines: true }).data;
    // Decisions and actuals: one row each (after the header); the ladder: one row per customer × phase with a planned level.
    expect(rows('decisions.csv').slice(1).map((r) => r[2])).toEqual(plan.decisions!.map((d) => d.text));
    expect(rows('actuals.csv').length - 1).toBe(plan.actuals!.length);
    const ladder = rows('ladder.csv').slice(1);
    const withPlan = plan.customers.filter((c) => c.relationshipPlan);
    expect(ladder.length).toBe(withPlan.reduce((n, c) => n + Object.keys(c.relationshipPlan!).length, 0));
    const first = withPlan[0]!;
    const [phaseId, level] = Object.entries(first.relationshipPlan!)[0]!;
    expect(ladder).toContainEqual([first.id, first.name, phaseId, String(level.key), String(level.broad), String(level.organizational)]);
    // Stage owners are a column of the stages table.
    const owner = plan.funnels.flatMap((f) => f.stages).find((st) => st.ownerId)!;
    expect(rows('stages.csv')).toContainEqual(expect.arrayContaining([owner.key, owner.name, owner.ownerId!]));
  });
});
