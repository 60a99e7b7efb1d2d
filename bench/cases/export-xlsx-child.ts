// Child process of the 50,000-customer workbook figures: builds the report
// model and writes the XLSX (the same code the export worker runs), then
// prints "<ms> <peak RSS MB>" so the figure does not depend on what other
// cases did in the parent process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportModel } from '../../shared/report/build';
import { expectedValue } from '../../shared/simulation';
import { writeXlsx } from '../../electron/services/export/xlsx';
import { customers50kPlan } from '../plans/customers-50k';
import { peakMb } from './peak-memory';

const plan = customers50kPlan();
const dir = mkdtempSync(join(tmpdir(), 'bench-xlsx-'));
try {
  const t0 = performance.now();
  const result = expectedValue(plan);
  const model = buildReportModel({
    plan,
    lang: 'zh-CN',
    scenarioId: null,
    generatedAt: new Date().toISOString(),
    run: { info: { id: 'bench', mode: 'expected', createdAt: new Date().toISOString(), seed: null, trials: 0, ranForReport: false }, result },
    sensitivity: null,
  });
  await writeXlsx(join(dir, 'plan.xlsx'), model, plan, () => {});
  process.stdout.write(`${performance.now() - t0} ${peakMb()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
