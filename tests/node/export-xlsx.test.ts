// The XLSX workbook opened by real tools: exceljs reads its sheets back, and
// LibreOffice headless recalculates the live funnel model after the test
// edits an input and spoils every cached result; the recomputed wins and
// orders per phase must match the engine's expected-value mode.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectedValue } from '../../shared/simulation';
import { createTranslator } from '../../shared/i18n/translate';
import { exportTo, libreOffice } from './export-helpers';
import { harness, tempDir } from './store-helpers';
import { demoJson } from './export-helpers';

function cellText(v: ExcelJS.CellValue): string {
  return typeof v === 'string' ? v : '';
}
function cellNumber(v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'formula' in v) return Number((v as { result?: unknown }).result ?? 0);
  return NaN;
}

describe('XLSX export', () => {
  it('has a typed sheet per entity and a model sheet whose formulas LibreOffice recomputes to the engine’s expected values', async () => {
    const plan = demoJson('en');
    const h = await harness(plan);
    const file = await exportTo(h, 'xlsx', join(tempDir(), 'plan.xlsx'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const t = createTranslator('en').t;
    const customers = wb.getWorksheet(t('report.sheet.customers'))!;
    expect(customers.rowCount).toBe(1 + plan.customers.length);
    expect(customers.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(customers.autoFilter).toBeTruthy();
    // Potential is a number with the plan currency's format, not text.
    const potCol = (customers.getRow(1).values as unknown[]).indexOf(t('import.field.potential'));
    expect(customers.getCell(2, potCol).value).toBe(plan.customers[0]!.potential);
    expect(customers.getCell(2, potCol).numFmt).toContain('¥');

    // Plan format v2 sheets: decisions, actuals (typed numbers), the account ladder (customer × phase, three layers).
    const decisions = wb.getWorksheet(t('report.sheet.decisions'))!;
    expect(decisions.rowCount).toBe(1 + plan.decisions!.length);
    expect(decisions.getCell(2, 3).value).toBe(plan.decisions![0]!.text);
    const actuals = wb.getWorksheet(t('report.sheet.actuals'))!;
    expect(actuals.rowCount).toBe(1 + plan.actuals!.length);
    expect(actuals.getCell(2, 4).value).toBe(plan.actuals![0]!.value);
    const ladder = wb.getWorksheet(t('report.sheet.ladder'))!;
    const first = plan.customers.find((c) => c.relationshipPlan)!;
    const [phaseId, level] = Object.entries(first.relationshipPlan!)[0]!;
    expect(ladder.getRow(2).values).toEqual([undefined, first.id, first.name, phaseId, level.key, level.broad, level.organizational]);
    const stages = wb.getWorksheet(t('report.sheet.stages'))!;
    expect(stages.getRow(1).values).toContain(t('report.col.owner'));

    // Edit one input: the banks' leads per month in the breakthrough phase.
    const model = wb.getWorksheet(t('report.sheet.model'))!;
    const seg = plan.segments[0]!;
    const entry = seg.leads.findIndex((l) => l.phaseId === 'p2');
    const phaseName = plan.phases.find((p) => p.id === 'p2')!.name;
    const label = t('report.input.leads', { segment: seg.name, phase: phaseName });
    let inputRow = 0;
    model.eachRow((row, n) => {
      if (cellText(row.getCell(1).value) === label) inputRow = n;
    });
    expect(inputRow).toBeGreaterThan(0);
    const newLeads = 41;
    model.getCell(inputRow, 2).value = newLeads;
    // Spoil every cached result, so only a real recalculation can give the right numbers.
    let formulas = 0;
    model.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string } | null;
        if (v && typeof v === 'object' && v.formula) {
          c.value = { formula: v.formula, result: -1 } as ExcelJS.CellFormulaValue;
          formulas++;
        }
      }),
    );
    expect(formulas).toBeGreaterThan(100);
    const edited = join(tempDir(), 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(libreOffice(edited, 'xlsx'));
    const sheet = recalculated.worksheets.find((w) => w.name === t('report.sheet.model'))!;
    let phaseHeader = 0;
    sheet.eachRow((row, n) => {
      if (cellText(row.getCell(1).value) === t('report.model.perPhase')) phaseHeader = n;
    });
    expect(phaseHeader).toBeGreaterThan(0);

    const changed = structuredClone(plan);
    changed.segments[0]!.leads[entry]!.perMonth = newLeads;
    const ev = expectedValue(changed);
    const before = expectedValue(plan);
    plan.phases.forEach((p, i) => {
      const row = sheet.getRow(phaseHeader + 1 + i);
      expect(cellText(row.getCell(1).value)).toBe(p.name);
      const totals = ev.phases.find((x) => x.id === p.id)!.totals;
      // Columns: leads, opportunities, wins, orders (bookings), cash.
      expect(cellNumber(row.getCell(2).value)).toBeCloseTo(totals.leads.mean, 6);
      expect(cellNumber(row.getCell(4).value)).toBeCloseTo(totals.wins.mean, 6);
      expect(cellNumber(row.getCell(5).value) / totals.bookings.mean).toBeCloseTo(1, 9);
      expect(cellNumber(row.getCell(6).value) / totals.cash.mean).toBeCloseTo(1, 9);
    });
    // The edit mattered: the breakthrough phase's wins moved.
    const p2 = (r: typeof ev) => r.phases.find((x) => x.id === 'p2')!.totals.wins.mean;
    expect(Math.abs(p2(ev) - p2(before))).toBeGreaterThan(1);
  });
});
