// `calibrate` as users run it: the real CLI in its own process on a copy of
// the demo plan and a CRM export written here (Salesforce-style header, US
// dates, amounts with grouping and 万), judged by exit code, output and the
// plan file afterwards; the undo of --apply through the same services.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCli } from '../../electron/cli/context';
import type { Plan } from '../../shared/plan/types';
import { cli } from './cli-helpers';

const DEALS = [
  'Opportunity ID,Created Date,Close Date,Stage,Amount',
  'o1,1/2/2024,3/15/2024,Closed Won,"1,200,000"',
  'o2,1/20/2024,4/25/2024,Closed Won,800000',
  'o3,2/1/2024,,Prospecting,',
  'o4,2/10/2024,5/9/2024,Closed Lost,',
  'o5,3/1/2024,6/30/2024,赢单,90万',
  'o6,3/18/2024,4/1/2024,Closed Lost,',
].join('\n');
const MAP = 'created=Created Date,closed=close date,outcome=Stage,value=E';

let dir: string;
const exportPlan = async () => JSON.parse((await cli(dir, 'export', 'demo.salesplan')).stdout) as Plan;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesplan-cal-cli-'));
  expect((await cli(dir, 'new', '--demo', 'demo.salesplan')).code).toBe(0);
  writeFileSync(join(dir, 'deals.csv'), DEALS);
});

describe('calibrate', () => {
  it('prints the figures and suggestions, and changes nothing without --apply', async () => {
    const before = await exportPlan();
    const r = await cli(dir, 'calibrate', 'demo.salesplan', '--history', 'deals.csv', '--funnel', 'ltc', '--segment', 'fin', '--map', MAP, '--open', 'Prospecting');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 deals (3 won, 2 lost, 1 open)');
    expect(r.stdout).toContain('Win rate 60% (90 % interval 27.1%–84.7%)');
    expect(r.stdout).toMatch(/dealSize +CNY 300,000 \/ CNY 900,000 \/ CNY 4,000,000 +CNY 820,000 \/ CNY 900,000 \/ CNY 1,140,000/);
    expect(r.stdout).toContain('Nothing was changed');
    expect(await exportPlan()).toEqual(before);
  });

  it('--json gives the figures; --apply --accept writes one undoable edit with only the accepted fields', async () => {
    const args = ['calibrate', 'demo.salesplan', '--history', 'deals.csv', '--funnel', 'ltc', '--segment', 'fin', '--map', MAP, '--open', 'Prospecting', '--json'];
    const out = JSON.parse((await cli(dir, ...args)).stdout);
    expect(out).toMatchObject({ ok: true, funnel: 'ltc', segment: 'fin', applied: false, dateFormats: { created: 'm/d/yyyy', closed: 'm/d/yyyy' } });
    expect(out.figures.winRate).toMatchObject({ value: 0.6, won: 3, lost: 2 });
    // Won values 1,200,000, 800,000 and 90万 → type-7 P10/P50/P90.
    expect(out.figures.dealSize).toMatchObject({ p10: 820_000, p50: 900_000, p90: 1_140_000 });

    const before = await exportPlan();
    const applied = JSON.parse((await cli(dir, ...args, '--apply', '--accept', 'dealSize,stages.4.conversion')).stdout);
    expect(applied.applied).toBe(true);
    const after = await exportPlan();
    const ltc = after.funnels.find((f) => f.id === 'ltc')!;
    expect(ltc.dealSize).toEqual({ min: 820_000, mode: 900_000, max: 1_140_000 });
    const suggested = applied.suggestions.find((s: { id: string }) => s.id === 'stages.4.conversion').suggested;
    expect(ltc.stages[4]!.conversion).toEqual(suggested);
    expect(ltc.stages.slice(0, 4)).toEqual(before.funnels.find((f) => f.id === 'ltc')!.stages.slice(0, 4));
    expect(after.segments).toEqual(before.segments);

    // One undo takes the whole calibration back.
    const session = createCli({ out: () => {}, err: () => {}, cwd: dir });
    try {
      await session.call('file.open', { path: join(dir, 'demo.salesplan') });
      await session.call('history.undo', {});
      const { plan } = await session.call('plan.get', {});
      expect(plan.funnels).toEqual(before.funnels);
    } finally {
      session.close();
    }
  });

  it('bad history: the problems named with rows and columns, exit 1, plan unchanged', async () => {
    writeFileSync(join(dir, 'bad.csv'), [DEALS.split('\n')[0], 'a,1/20/2024,1/13/2024,Closed Won,-5', 'b,1/21/2024,2/15/2024,Closed Lost,', 'c,1/22/2024,2/16/2024,Negotiation,'].join('\n'));
    const before = await exportPlan();
    const r = await cli(dir, 'calibrate', 'demo.salesplan', '--history', 'bad.csv', '--funnel', 'ltc', '--map', MAP, '--apply');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Column “Close Date”: the deal closed before it was created in rows 2 (1 in all).');
    expect(r.stderr).toContain('Column “Amount”: “-5” is negative (rows 2; 1 in all)');
    expect(r.stderr).toContain('"Negotiation" (1) — rows 4 (1 in all)');
    expect(r.stderr).toContain('nothing was changed');
    expect(await exportPlan()).toEqual(before);
  });

  it('reads an XLSX export: date cells, and Excel serials where the cells are plain numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Opportunities');
    ws.addRow(['Deal', 'Created', 'Closed', '阶段', '金额']);
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    ws.addRow(['d1', d('2024-01-02'), 45366, '赢单', 1_200_000]); // 45366 = 2024-03-15
    ws.addRow(['d2', d('2024-01-20'), 45407, '赢单', 800_000]); // 2024-04-25
    ws.addRow(['d3', d('2024-02-10'), 45421, '输单', null]); // 2024-05-09
    await wb.xlsx.writeFile(join(dir, 'deals.xlsx'));
    const r = await cli(dir, 'calibrate', 'demo.salesplan', '--history', 'deals.xlsx', '--funnel', 'ltc', '--map', 'created=B,closed=C,outcome=阶段,value=金额', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.dateFormats).toEqual({ created: 'yyyy-mm-dd', closed: 'Excel serial' });
    // Cycle days: 2024-01-02 → 03-15 = 73, 01-20 → 04-25 = 96.
    expect(out.figures.cycle).toMatchObject({ p50: (73 + 96) / 2, evidence: { n: 2, from: '2024-01-02', to: '2024-04-25' } });
    expect(out.figures.winRate).toMatchObject({ won: 2, lost: 1 });
  });

  it('a 200-MB file is refused before it is read; wrong usage exits 2', async () => {
    const big = join(dir, 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    const r = await cli(dir, 'calibrate', 'demo.salesplan', '--history', 'huge.csv', '--funnel', 'ltc', '--map', MAP);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The file is 200.0 MB; history files over 100 MB are refused.');
    const u = await cli(dir, 'calibrate', 'demo.salesplan', '--history', 'deals.csv', '--funnel', 'ltc', '--map', 'created=Nope,closed=C,outcome=D,value=E');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--map created=Nope: the history has no such column');
  });
});
