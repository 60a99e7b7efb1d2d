// The import dialog's state over the real services (createPlannerApp's
// dispatcher as the transport, a real plan file): paste → map → preview →
// one plan.batch; files read as a user's browser would hand them over; and a
// batch the host refuses writes nothing and tells which row.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/plan/types';
import { realHost } from './harness';
import { CustomerImportSession } from '../../renderer/stores/customerImport/CustomerImportSession';
import { startApp, type TestApp } from '../node/store-helpers';

async function storesOver(t: TestApp) {
  const root = realHost(t.app).store; // no events: the tests decide what the store sees
  await root.start();
  return root;
}

const countOnHost = async (t: TestApp) => ((await t.call('plan.get', {})) as { plan: { customers: Customer[] } }).plan.customers;

const PASTE = 'Customer name\tSegment\tTier\tPotential\tAR\r\nAcme Bank\tfin\tA\t1,200,000\tZhou Jian\r\n华东电力\t政府\t战略\t1.2亿\t\r\n';

describe('CustomerImportSession over the real services', () => {
  it('imports pasted rows in one batch and shows them in the plan store', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = root.plan.collections.customers.size;
    const s = new CustomerImportSession(root, PASTE.replace('政府', 'gov'));
    s.toMapping();
    expect(s.hasHeader).toBe(true);
    expect(s.mapping).toEqual(['name', 'segment', 'tier', 'potential', 'owners.AR']);
    s.toPreview();
    expect(s.summary).toMatchObject({ ready: 2, withErrors: 0, creates: 2 });
    expect(await s.commit()).toBe(true);
    const onHost = await countOnHost(t);
    expect(onHost).toHaveLength(before + 2);
    expect(onHost.find((c) => c.name === 'Acme Bank')).toMatchObject({ id: 'acme-bank', tier: 'A', potential: 1_200_000, owners: { AR: 'zhou' } });
    expect(onHost.find((c) => c.name === '华东电力')).toMatchObject({ segmentId: 'gov', tier: 'S', potential: 120_000_000 });
    expect(root.plan.collections.customers.size).toBe(before + 2);
    expect(root.ui.toasts.map((x) => x.text)).toEqual(['Imported 2 new customers and updated 0.']);
  });

  it('writes nothing while a row has a problem, and nothing when the host refuses the batch', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = (await countOnHost(t)).length;
    const s = new CustomerImportSession(root, 'Id\tName\tSegment\tTier\r\nnew-1\tOne\tfin\tA\r\nnew-2\tTwo\tfin\tZ\r\n');
    s.toMapping();
    s.toPreview();
    expect(s.summary.withErrors).toBe(1);
    expect(await s.commit()).toBe(false);
    expect(await countOnHost(t)).toHaveLength(before);

    s.excludeRowsWithProblems();
    expect(s.summary).toMatchObject({ ready: 1, withErrors: 0, excluded: 1 });
    // Another window takes the id meanwhile; this store has not heard of it.
    await t.call('customers.create', {
      value: { id: 'new-1', name: 'Elsewhere', segmentId: 'fin', tier: 'C', potential: 0, relationship: { key: 0, broad: 0, organizational: 0 }, owners: { AR: null, SR: null, FR: null }, status: 'target' },
    });
    expect(await s.commit()).toBe(false);
    expect(s.rejection).not.toBeNull();
    expect(s.rejection!.map((r) => r.message).join(' ')).toMatch(/new-1/);
    const after = await countOnHost(t);
    expect(after).toHaveLength(before + 1);
    expect(after.find((c) => c.id === 'new-1')!.name).toBe('Elsewhere');
  });

  it('a fixed cell is validated again and imported with its new value', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = new CustomerImportSession(root, 'Name\tSegment\tTier\tPotential\r\nOne\tfin\tA\t=SUM(A1:A3)\r\n');
    s.toMapping();
    s.toPreview();
    expect(s.summary.rows[0]!.problems.map((p) => p.key)).toEqual(['import.problem.formula']);
    s.fixCell(0, 3, '300万');
    expect(s.summary.withErrors).toBe(0);
    expect(await s.commit()).toBe(true);
    expect((await countOnHost(t)).find((c) => c.name === 'One')!.potential).toBe(3_000_000);
  });

  it('reads a GB18030 CSV and a workbook with several sheets the way the file input hands them over', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = new CustomerImportSession(root);
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x3b, 0xb7, 0xd6, 0xbc, 0xb6, 0x0d, 0x0a, 0xbd, 0xad, 0xc4, 0xcf, 0x3b, 0x53]); // 名称;分级 / 江南;S
    await s.chooseFile(new File([gbk], 'kunden.csv'));
    expect(s.fileError).toBeNull();
    expect(s.file).toMatchObject({ fileName: 'kunden.csv', encoding: 'gb18030', delimiter: ';' });
    expect(s.decimalComma).toBe(true);
    expect(s.grid).toEqual([['名称', '分级'], ['江南', 'S']]);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Empty');
    wb.addWorksheet('客户').addRows([['Name', 'Tier'], ['Acme', 'B']]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await s.chooseFile(new File([xlsx], 'book.xlsx'));
    expect(s.file?.sheets.map((x) => x.name)).toEqual(['Empty', '客户']);
    expect(s.sheetIndex).toBe(1); // the first sheet with rows
    expect(s.grid).toEqual([['Name', 'Tier'], ['Acme', 'B']]);

    await s.chooseFile(new File(['x'], 'old.xls'));
    expect(s.fileError).toEqual({ kind: 'fileType', fileName: 'old.xls' });
    await s.chooseFile(new File([new Uint8Array(21 * 1024 * 1024)], 'big.csv'));
    expect(s.fileError).toEqual({ kind: 'tooLarge', fileName: 'big.csv', limit: 20 });
  });
});

describe('PlanStore.batch and the events it causes', () => {
  it('does not re-read the whole plan for its own batch, but does when another edit came in meanwhile', async () => {
    const t = startApp();
    const { store: root, calls, emit } = realHost(t.app, {
      // The host announces the commit before the answer arrives, as over HTTP with server-sent events.
      after: (method, res, emit) => {
        if (method === 'plan.batch' && res.ok) emit({ type: 'plan-changed', revision: (res.value as { revision: number }).revision, path: root.plan.file!.path });
      },
    });
    await root.start();
    const reads = () => calls.filter((c) => c.method === 'plan.load').length;
    const s = new CustomerImportSession(root, 'Name\tSegment\tTier\r\nOne\tfin\tA\r\n');
    s.toMapping();
    s.toPreview();
    const before = reads();
    expect(await s.commit()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(reads()).toBe(before);
    expect(root.plan.collections.customers.list.some((c) => c.name === 'One')).toBe(true);

    // Another window's edit lands while a second batch is in flight: it is fetched afterwards.
    const s2 = new CustomerImportSession(root, 'Name\tSegment\tTier\r\nTwo\tfin\tB\r\n');
    s2.toMapping();
    s2.toPreview();
    const pending = s2.commit();
    await t.call('plan.updateSettings', { patch: { name: 'Renamed elsewhere' } });
    emit({ type: 'plan-changed', revision: root.plan.revision + 5, path: root.plan.file!.path });
    expect(await pending).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(reads()).toBe(before + 1);
    expect(root.plan.settings?.name).toBe('Renamed elsewhere');
  });
});
