// Import + tiering by rule on a real plan file through the app's services:
// the tiered import is one plan.batch (one undo takes it all back), and the
// rule re-applied after a second import re-tiers the whole list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCli, type PlannerCli } from '../../electron/cli/context';
import { createImportContext, dataRows, guessMapping, parseCsvText, validateRows, type ValueMap } from '../../shared/import';
import type { Customer, Plan } from '../../shared/plan/types';
import { itemsFromImport, itemsWithExisting, previewTiering, tieredImportEdits, type TieringRule } from '../../shared/tiering';
import { cli } from './cli-helpers';

const RULE: TieringRule = { method: 'share', scope: 'all', S: 0.05, A: 0.15, B: 0.3 };
let dir: string;
let app: PlannerCli;
afterAll(() => {
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesplan-tier-'));
  expect((await cli(dir, 'new', '--demo', 'demo.salesplan')).code).toBe(0);
  app = createCli({ out: () => {}, err: () => {}, cwd: dir });
  await app.call('file.open', { path: join(dir, 'demo.salesplan') });
});

const plan = async () => (await app.call('plan.get', {})).plan as Plan;

/** A sales team's export of `n` accounts (revenue in 万), imported with a sector → segment map and tiered by RULE over the whole list. */
async function importTiered(first: number, n: number, revenue: (k: number) => number) {
  const lines = ['Company name,sector,Annual Revenue', ...Array.from({ length: n }, (_, i) => `Acct ${first + i},${i % 2 ? 'retail' : 'banking'},${revenue(first + i)}万`)];
  const grid = parseCsvText(lines.join('\n')).rows;
  const p = await plan();
  const ctx = createImportContext({ currency: p.plan.currency, ...p });
  const g = guessMapping(grid, 3, ctx);
  const rows = dataRows(grid, true);
  const map: ValueMap = { column: 1, field: 'segment', values: { retail: 'smb', banking: 'fin' } };
  const summary = validateRows(rows, { hasHeader: true, mapping: g.mapping, defaults: { segmentId: null, tier: 'C', status: 'target' }, existing: 'error', decimalComma: false, valueMaps: [map], potentialFactor: 0.1 }, ctx);
  expect(summary.withErrors).toBe(0);
  const preview = previewTiering(itemsWithExisting(itemsFromImport(summary, rows, null, { currency: 'CNY' }), p.customers), RULE);
  if (!preview.ok) throw new Error('rule refused');
  const existing = new Map<string, Customer>(p.customers.map((c) => [c.id, c]));
  await app.call('plan.batch', { edits: tieredImportEdits(summary, preview, existing), label: 'Import and tier' });
  return preview;
}

it('a tiered import is one undoable edit, and the rule re-applies after the next import', async () => {
  const before = await plan();
  const n0 = before.customers.length; // 48 demo customers
  // 152 accounts with potentials far above the demo's: together 200 customers.
  const first = await importTiered(1, 152, (k) => 100_000 + k);
  expect(first.totals.counts).toEqual({ S: 10, A: 30, B: 60, C: 100 });
  let after = await plan();
  expect(after.customers).toHaveLength(n0 + 152);
  const tiers = (p: Plan) => Object.fromEntries(['S', 'A', 'B', 'C'].map((t) => [t, p.customers.filter((c) => c.tier === t).length]));
  expect(tiers(after)).toEqual({ S: 10, A: 30, B: 60, C: 100 });
  expect(after.customers.find((c) => c.name === 'Acct 152')!.tier).toBe('S');

  await app.call('history.undo', {});
  expect((await plan()).customers).toEqual(before.customers);
  await app.call('history.redo', {});

  // The second import brings 20 bigger accounts: re-applied over all 220, the old top ten drop to A.
  const second = await importTiered(1000, 20, (k) => 900_000 + k);
  expect(second.totals.counts).toEqual({ S: 11, A: 33, B: 66, C: 110 });
  after = await plan();
  expect(tiers(after)).toEqual({ S: 11, A: 33, B: 66, C: 110 });
  expect(after.customers.find((c) => c.name === 'Acct 152')!.tier).toBe('A');
  expect(second.changed.some((c) => c.label === 'Acct 152' && c.from === 'S' && c.to === 'A')).toBe(true);
});
