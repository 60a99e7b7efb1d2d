// The import dialog's state for a real CRM account export, over the real
// services and a real plan file: the header found with its reason, each column
// guessed with its reason, a column's values mapped to segments, potential
// from revenue × a factor, tiers by rule (exact counts), one batch undone in
// one step, the choices remembered for the next file of the same kind — and
// every bad input of issue 15 named with nothing written.
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../shared/import';
import type { Customer, Tier } from '../../shared/plan/types';
import { realHost } from './harness';
import { CustomerImportSession } from '../../renderer/stores/customerImport/CustomerImportSession';
import { TierByRule } from '../../renderer/stores/customers/TierByRule';
import { startApp, type TestApp } from '../node/store-helpers';

async function storesOver(t: TestApp) {
  const root = realHost(t.app).store;
  await root.start();
  return root;
}

/** A session over a CSV file chosen as the file input hands it over. */
async function fromCsv(root: Awaited<ReturnType<typeof storesOver>>, text: string, fileName = 'accounts.csv') {
  const s = new CustomerImportSession(root);
  await s.chooseFile(new File([new TextEncoder().encode(text)], fileName));
  expect(s.fileError).toBeNull();
  return s;
}

const customersOnHost = async (t: TestApp) => ((await t.call('plan.get', {})) as { plan: { customers: Customer[] } }).plan.customers;

const SECTORS = ['retail', 'software', 'banking', 'insurance', 'government', 'utilities'] as const;
const SEGMENT_OF: Record<(typeof SECTORS)[number], string> = { retail: 'smb', software: 'smb', banking: 'fin', insurance: 'fin', government: 'gov', utilities: 'gov' };
const CITIES = ['Shanghai', 'Beijing', 'Shenzhen', 'Hangzhou', 'Chengdu'];

/** The export of issue 15: `n` accounts, revenue all different (so the share rule's counts are exact). */
function crmExport(n: number, opts: { from?: number; employees?: (i: number) => string } = {}): string {
  const from = opts.from ?? 1;
  const lines = ['account,sector,year_established,revenue,employees,office_location,subsidiary_of'];
  for (let i = from; i < from + n; i++) {
    const sector = SECTORS[i % SECTORS.length]!;
    const revenue = `${(i * 1.5).toFixed(1)}M`; // 1.5M, 3.0M, … : units read as for amounts
    lines.push(`Account ${i} Ltd,${sector},${1980 + (i % 40)},${revenue},${opts.employees?.(i) ?? String(20 + i * 7)},${CITIES[i % CITIES.length]},${i % 9 === 0 ? 'Holding Group' : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Maps the sector column (B) to segments the way the values step does. */
function mapSectorsToSegments(s: CustomerImportSession) {
  s.values.add();
  s.values.move(0, { column: 1, field: 'segment' });
  for (const sector of SECTORS) s.values.setTarget(0, sector, SEGMENT_OF[sector]);
}

const tiersOf = (customers: Customer[]) => {
  const counts: Record<Tier, number> = { S: 0, A: 0, B: 0, C: 0 };
  for (const c of customers) counts[c.tier]++;
  return counts;
};

describe('Importing a CRM account export in one pass', () => {
  it('finds the header and guesses each column with its reason', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = await fromCsv(root, crmExport(85));
    await s.toMapping();
    expect(s.hasHeader).toBe(true);
    expect(s.headerGuess?.reason.key).toBe('import.header.knownNames');
    expect(s.mapping).toEqual(['name', 'industry', null, 'potentialBase', null, 'region', null]);
    expect(reasonText(s.columnReason(1), 'en')).toBe('The header “sector” means Industry.');
    expect(reasonText(s.columnReason(5), 'zh-CN')).toBe('表头“office_location”表示区域。');
    expect(s.columnReason(2).key).toBe('import.reason.none');
    s.setField(2, 'needs');
    expect(reasonText(s.columnReason(2), 'en')).toBe('Chosen by hand: Needs.');
  });

  it('maps sectors to segments, takes potential from revenue × 3 %, tiers by share, writes one batch and undoes in one step', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = await customersOnHost(t);
    const s = await fromCsv(root, crmExport(85));
    await s.toMapping();
    s.setFactorText('3 %');
    expect(s.mappingProblems).toEqual([]);
    s.toValues();
    expect(s.values.maps).toEqual([]); // no column feeds a segment yet: nothing to map by itself
    mapSectorsToSegments(s);
    expect(s.values.unmappedCount).toBe(0);
    s.toTiering();
    s.tiering.setOn(true);
    expect(s.defaults.tier).toBe('C'); // untiered rows pass the checks; the rule places them
    expect(s.tiering.draft.texts).toEqual({ S: '5', A: '15', B: '30' });
    const preview = s.tiering.preview;
    expect(preview?.ok).toBe(true);
    if (!preview?.ok) return;
    // n = 85: S = round(4.25) = 4, A up to round(17) = 17, B up to round(42.5) = 43, the rest C.
    expect(preview.totals.counts).toEqual({ S: 4, A: 13, B: 26, C: 42 });
    // The top 4 by revenue × 3 %: accounts 85, 84, 83, 82.
    expect(preview.totals.potential.S).toBeCloseTo((85 + 84 + 83 + 82) * 1.5e6 * 0.03, 2);
    s.toPreview();
    expect(s.summary).toMatchObject({ ready: 85, withErrors: 0, creates: 85 });
    expect(await s.commit()).toBe(true);

    const after = await customersOnHost(t);
    expect(after).toHaveLength(before.length + 85);
    const imported = after.filter((c) => / Ltd$/.test(c.name));
    expect(tiersOf(imported)).toEqual({ S: 4, A: 13, B: 26, C: 42 });
    expect(imported.find((c) => c.name === 'Account 85 Ltd')).toMatchObject({ tier: 'S', segmentId: 'smb', potential: 3_825_000, region: 'Shanghai', industry: 'software' });
    expect(imported.find((c) => c.name === 'Account 2 Ltd')).toMatchObject({ tier: 'C', segmentId: 'fin' });
    // The list's own customers were not touched (the rule ran over the imported rows).
    expect(after.filter((c) => !/ Ltd$/.test(c.name))).toEqual(before);

    await t.call('history.undo', {});
    expect(await customersOnHost(t)).toEqual(before);
  });

  it('remembers the choices for the next file of the same kind, and the rule re-applies over the whole list', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const first = await fromCsv(root, crmExport(40));
    await first.toMapping();
    first.setFactorText('0.03');
    first.setDefaults({ tier: 'B' });
    first.toValues();
    mapSectorsToSegments(first);
    first.toPreview();
    expect(await first.commit()).toBe(true);

    // The same export a month later, its columns in another order and its header in capitals.
    const next = crmExport(20, { from: 41 })
      .split('\r\n')
      .map((line, i) => {
        if (line === '') return line;
        const cells = line.split(',');
        const moved = [cells[5], cells[0], cells[1], cells[2], cells[3], cells[4], cells[6]];
        return (i === 0 ? moved.map((h) => h!.toUpperCase()) : moved).join(',');
      })
      .join('\r\n');
    const second = await fromCsv(root, `\uFEFF${next}`);
    await second.toMapping();
    expect(second.mapping).toEqual(['region', 'name', 'industry', null, 'potentialBase', null, null]);
    expect([...second.remembered].sort()).toEqual([0, 1, 2, 4]);
    expect(reasonText(second.columnReason(1), 'en')).toBe('As in your last import of this kind of file: Name.');
    expect(second.factorText).toBe('0.03');
    expect(second.values.maps).toEqual([{ column: 2, field: 'segment', values: SEGMENT_OF }]);
    second.toValues();
    expect(second.values.unmappedCount).toBe(0);
    second.tiering.setOn(true);
    second.tiering.setOver('list');
    second.tiering.draft.setText('B', '20');
    const preview = second.tiering.preview;
    expect(preview?.ok).toBe(true);
    if (!preview?.ok) return;
    const n = root.plan.collections.customers.size + 20;
    expect(preview.totals.counts.S + preview.totals.counts.A + preview.totals.counts.B + preview.totals.counts.C).toBe(n);
    const beforeSecond = await customersOnHost(t);
    second.toPreview();
    expect(await second.commit()).toBe(true);
    const all = await customersOnHost(t);
    expect(all).toHaveLength(n);
    // Every customer of the list now has the tier the preview showed — the rule re-applied after the import.
    for (const c of all) expect(c.tier).toBe(preview.tiers.get(c.id));
    await t.call('history.undo', {});
    expect(await customersOnHost(t)).toEqual(beforeSecond);
  });

  it('headers in any case, with a BOM, spaces and a duplicate: the first maps, the second says why not', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = await fromCsv(root, '\uFEFF  ACCOUNT NAME ,Account_Name,Annual Revenue\r\nA,B,1M\r\nC,D,2M\r\n');
    await s.toMapping();
    expect(s.mapping).toEqual(['name', null, 'potentialBase']);
    expect(s.columnReason(1).key).toBe('import.reason.duplicateHeader');
  });

  it('waits while values are unmapped, while shares exceed 100 % or the number column has text — and writes nothing', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = await customersOnHost(t);
    const s = await fromCsv(root, crmExport(12, { employees: (i) => (i === 7 ? 'n/a' : String(i * 10)) }));
    await s.toMapping();
    s.toValues();
    mapSectorsToSegments(s);
    s.values.setTarget(0, 'software', null);
    expect(s.values.views[0]!.unmapped.map((d) => [d.value, d.count])).toEqual([['software', 2]]);
    expect(s.waitsFor).toBe('unmappedValues');
    s.toPreview();
    expect(await s.commit()).toBe(false);

    s.values.setTarget(0, 'software', 'smb');
    s.tiering.setOn(true);
    s.tiering.draft.setText('S', '50');
    s.tiering.draft.setText('A', '40');
    expect(s.tiering.problems.map((p) => p.key)).toEqual(['tiering.problem.sharesOver']);
    expect(s.waitsFor).toBe('tieringRule');
    expect(await s.commit()).toBe(false);

    s.tiering.draft.setText('S', 'five');
    expect(s.tiering.problems).toEqual([{ key: 'tiering.problem.shareText', params: { tier: 'S', value: 'five' } }]);

    s.tiering.draft.setText('S', '5');
    s.tiering.draft.setText('A', '15');
    s.tiering.setColumn(4); // employees, with "n/a" in row 8
    expect(s.tiering.problems).toEqual([{ key: 'tiering.problem.textValues', params: { count: 1, examples: '#8 Account 7 Ltd: “n/a”' } }]);
    expect(await s.commit()).toBe(false);
    expect(await customersOnHost(t)).toEqual(before);

    s.tiering.setColumn(null);
    expect(s.waitsFor).toBeNull();
    expect(await s.commit()).toBe(true);
  });

  it('offers to map a column whose values name no segment, and lists the values the map leaves without one', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = await fromCsv(root, 'Company name,Segment,Tier\r\nOne,SMB channel,A\r\nTwo,public sector,B\r\nThree,public sector,C\r\nFour,Retail,C\r\n');
    await s.toMapping();
    expect(s.mapping).toEqual(['name', 'segment', 'tier']);
    s.toValues();
    expect(s.values.suggestions).toEqual([{ column: 1, field: 'segment', unresolved: 2 }]);
    s.values.addFor(1, 'segment');
    expect(s.values.maps[0]!.values).toEqual({ 'SMB channel': 'smb' });
    expect(s.values.views[0]!.unmapped.map((d) => [d.value, d.count, d.lines])).toEqual([['public sector', 2, [3, 4]], ['Retail', 1, [5]]]);
    s.values.setTarget(0, 'public sector', 'gov');
    s.values.setTarget(0, 'Retail', 'smb');
    expect(s.values.unmappedCount).toBe(0);
    s.toPreview();
    expect(s.summary).toMatchObject({ ready: 4, withErrors: 0 });
  });

  it('a factor that is not a number stops the mapping step', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = await fromCsv(root, crmExport(3));
    await s.toMapping();
    s.setFactorText('three percent');
    expect(s.mappingProblems).toEqual([{ kind: 'badFactor', text: 'three percent' }]);
  });
});

describe('The tiering rule kept in the plan (plan-format v2), and needs', () => {
  it('a 纷享销客 export: 客户需求 becomes needs, 负责人 an owner matched by name', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const csv = '客户名称,所属行业,年营收,城市,负责人,客户需求\r\n华北电网,电力,3.2亿,北京,Zhou Jian,"数据中心扩容，明年上半年招标"\r\n江南农商行,银行,8000万,苏州,Lin Xiaoyu,核心系统替换\r\n';
    const s = await fromCsv(root, csv, '客户.csv');
    await s.toMapping();
    expect(s.mapping).toEqual(['name', 'industry', 'potentialBase', 'region', 'owners.AR', 'needs']);
    s.setDefaults({ segmentId: 'gov', tier: 'B' });
    s.toPreview();
    expect(await s.commit()).toBe(true);
    const grid = (await customersOnHost(t)).find((c) => c.name === '华北电网')!;
    expect(grid).toMatchObject({ needs: '数据中心扩容，明年上半年招标', owners: { AR: 'zhou' }, potential: 320_000_000, region: '北京' });
  });

  it('keeps the rule in the plan (and in JSON export), then offers it again on the next import over the whole list', async () => {
    const t = startApp();
    const root = await storesOver(t);
    expect(root.plan.tiering).toBeNull();
    const first = await fromCsv(root, crmExport(30));
    await first.toMapping();
    first.setFactorText('0.03');
    first.toValues();
    mapSectorsToSegments(first);
    first.tiering.setOn(true);
    first.tiering.draft.setScope('segment');
    first.tiering.setKeep(true);
    expect(first.tiering.ruleToKeep).toEqual({ method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 });
    first.toPreview();
    const beforeImport = await customersOnHost(t);
    expect(await first.commit()).toBe(true);
    expect(root.plan.tiering).toEqual({ method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 });
    const exported = JSON.parse(((await t.call('file.exportJson', {})) as { json: string }).json) as { tiering?: unknown };
    expect(exported.tiering).toEqual({ method: 'share', scope: 'segment', S: 0.05, A: 0.15, B: 0.3 });
    // One undo takes the import back; the rule stays (it was its own edit, before the import).
    await t.call('history.undo', {});
    expect(await customersOnHost(t)).toEqual(beforeImport);
    expect(((await t.call('plan.get', {})) as { plan: { tiering?: unknown } }).plan.tiering).toEqual(root.plan.tiering);

    // The next import starts from the plan's rule, over the whole list; nothing new to keep.
    await root.plan.load();
    const next = await fromCsv(root, crmExport(10, { from: 31 }));
    await next.toMapping();
    expect(next.values.maps).toHaveLength(1); // remembered
    next.tiering.setOn(true);
    expect(next.tiering.over).toBe('list');
    expect(next.tiering.draft.rule).toEqual(root.plan.tiering);
    expect(next.tiering.ruleToKeep).toBeNull();
    const preview = next.tiering.preview;
    if (!preview?.ok) throw new Error('expected a preview');
    next.toPreview();
    expect(await next.commit()).toBe(true);
    for (const c of await customersOnHost(t)) expect(c.tier).toBe(preview.tiers.get(c.id));
  });

  it('a rule on another number column cannot be kept (the plan’s rule ranks by potential)', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const s = await fromCsv(root, crmExport(10));
    await s.toMapping();
    s.tiering.setOn(true);
    s.tiering.setKeep(true);
    s.tiering.setColumn(4);
    expect(s.tiering.ruleToKeep).toBeNull();
  });
});

describe('Tier by rule on the Customers screen', () => {
  it('previews the rule over the list and applies it as one undoable edit', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = await customersOnHost(t);
    const tb = new TierByRule(root);
    tb.draft.setMethod('threshold');
    tb.draft.setText('S', '5000万');
    tb.draft.setText('A', '1000万');
    tb.draft.setText('B', '1M');
    const preview = tb.preview;
    expect(preview?.ok).toBe(true);
    if (!preview?.ok) return;
    const expected = (p: number): Tier => (p >= 5e7 ? 'S' : p >= 1e7 ? 'A' : p >= 1e6 ? 'B' : 'C');
    expect(preview.totals.counts).toEqual(tiersOf(before.map((c) => ({ ...c, tier: expected(c.potential) }))));
    const changing = before.filter((c) => c.tier !== expected(c.potential));
    expect(changing.length).toBeGreaterThan(0);
    expect(preview.changed.map((c) => c.id).sort()).toEqual(changing.map((c) => c.id).sort());

    expect(await tb.apply()).toBeNull();
    const after = await customersOnHost(t);
    for (const c of after) expect(c.tier).toBe(expected(c.potential));
    expect(root.plan.collections.customers.plain(changing[0]!.id)?.tier).toBe(expected(changing[0]!.potential));
    await t.call('history.undo', {});
    expect(await customersOnHost(t)).toEqual(before);
  });

  it('keeps the rule in the plan when asked, before the tiers, so one undo takes the tiers back', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const before = await customersOnHost(t);
    const tb = new TierByRule(root);
    expect(tb.keep).toBe(false);
    tb.setKeep(true);
    tb.draft.setText('B', '20');
    expect(await tb.apply()).toBeNull();
    expect(root.plan.tiering).toEqual({ method: 'share', scope: 'all', S: 0.05, A: 0.15, B: 0.2 });
    await t.call('history.undo', {});
    expect(await customersOnHost(t)).toEqual(before);
    const again = new TierByRule(root);
    expect(again.keep).toBe(true);
    expect(again.draft.texts).toEqual({ S: '5', A: '15', B: '20' });
  });

  it('names thresholds that increase and applies nothing', async () => {
    const t = startApp();
    const root = await storesOver(t);
    const tb = new TierByRule(root);
    tb.draft.setMethod('threshold');
    tb.draft.setText('S', '1M');
    tb.draft.setText('A', '2M');
    tb.draft.setText('B', '0');
    expect(tb.preview).toEqual({ ok: false, problems: [{ key: 'tiering.problem.thresholdOrder', params: { S: 1e6, A: 2e6, B: 0 } }] });
    const before = await customersOnHost(t);
    expect(await tb.apply()).toBeNull();
    expect(await customersOnHost(t)).toEqual(before);
  });
});
