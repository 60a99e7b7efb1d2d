// file.* and start-up: first launch opens a demo copy, later launches the
// most recent plan; new, open, save a copy, recent files, import, export.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent, RecentFile } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/result';
import { addMonths } from '../../shared/plan/months';
import { createPlannerApp, defaultDataDir } from '../../electron/services/app';
import { LATEST_SCHEMA_VERSION } from '../../electron/store';
import { demoJson, sha256, smallPlan, startApp, tempDir } from './store-helpers';

const plansIn = (dataDir: string) => readdirSync(join(dataDir, 'plans')).sort();

describe('start-up', () => {
  it('first launch opens a fresh copy of the demo plan in the plans folder and remembers it', async () => {
    const t = startApp();
    const current = await t.call('file.current', {});
    expect(current!.path).toBe(join(t.dataDir, 'plans', `${demoJson().plan.name}.salesplan`));
    expect((await t.call('plan.get', {})).plan).toStrictEqual(demoJson());
    expect((await t.call('file.recent', {})).map((r) => r.path)).toEqual([current!.path]);
  });

  it('first launch in Chinese opens the Chinese demo', async () => {
    const t = startApp({ lang: 'zh-CN' });
    expect((await t.call('plan.get', {})).plan).toStrictEqual(demoJson('zh-CN'));
  });

  it('a later launch reopens the most recent plan, creating nothing', async () => {
    const first = startApp();
    const path = join(first.dataDir, 'mine.salesplan');
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path });
    first.app.close();
    const again = startApp({ dataDir: first.dataDir });
    expect((await again.call('file.current', {}))!.path).toBe(path);
    expect(plansIn(first.dataDir)).toHaveLength(1);
  });

  it('skips recent plans that are gone or damaged, then falls back to a new demo copy', async () => {
    const first = startApp();
    const gone = join(first.dataDir, 'gone.salesplan');
    const damaged = join(first.dataDir, 'damaged.salesplan');
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path: gone });
    await first.call('file.importJson', { json: JSON.stringify(smallPlan()), path: damaged });
    first.app.close();
    rmSync(gone);
    writeFileSync(damaged, 'no longer a plan');
    rmSync(join(first.dataDir, 'plans'), { recursive: true });
    const again = startApp({ dataDir: first.dataDir });
    expect((await again.call('file.current', {}))!.path).toContain(join(first.dataDir, 'plans'));
    expect(readFileSync(damaged, 'utf8')).toBe('no longer a plan');
  });

  it('opens the plan it is asked to, and throws (opening nothing) when that plan cannot be opened', async () => {
    const dir = tempDir();
    const t = startApp({ dataDir: dir });
    const path = join(dir, 'asked.salesplan');
    await t.call('file.importJson', { json: JSON.stringify(smallPlan()), path });
    t.app.close();
    const asked = startApp({ dataDir: dir, openPath: path });
    expect((await asked.call('file.current', {}))!.path).toBe(path);
    asked.app.close();
    const missing = join(dir, 'missing.salesplan');
    expect(() => createPlannerApp({ dataDir: dir, openPath: missing })).toThrow(ApiError);
    try {
      createPlannerApp({ dataDir: dir, openPath: missing });
    } catch (e) {
      expect((e as ApiError).code).toBe('file_not_found');
    }
  });

  it('defaultDataDir honours SALESPLAN_HOME, else the data/ subfolder of the OS app-data folder', () => {
    expect(defaultDataDir({ SALESPLAN_HOME: '/data/sp' }, 'linux')).toBe('/data/sp');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/config' }, 'linux')).toBe(join('/x/config/sales-strategy-planner', 'data'));
    expect(defaultDataDir({ APPDATA: 'C:/Users/me/AppData/Roaming' }, 'win32')).toMatch(/Roaming.sales-strategy-planner.data$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library.Application Support.sales-strategy-planner.data$/);
  });
});

describe('file.new', () => {
  it('without a path: a blank plan with the four default phases, under a name not yet taken', async () => {
    const t = startApp();
    const a = await t.call('file.new', {});
    const b = await t.call('file.new', {});
    expect(a.path).toBe(join(t.dataDir, 'plans', 'New plan.salesplan'));
    expect(b.path).toBe(join(t.dataDir, 'plans', 'New plan (2).salesplan'));
    const { plan } = await t.call('plan.get', {});
    expect(plan.plan.name).toBe('New plan');
    expect(plan.phases.map((p) => [p.stage, p.name])).toEqual([
      ['entry', 'Insight and entry'], ['breakthrough', 'Breakthrough'], ['expansion', 'Expansion'], ['consolidation', 'Consolidation and deepening'],
    ]);
    // From next month, 6 + 6 + 12 + 12 months back to back, filling the 36-month horizon.
    const now = new Date();
    const next = addMonths(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`, 1);
    expect(plan.plan.startMonth).toBe(next);
    expect(plan.plan.horizonMonths).toBe(36);
    expect(plan.phases.map((p) => [p.start, p.end])).toEqual([
      [next, addMonths(next, 5)], [addMonths(next, 6), addMonths(next, 11)], [addMonths(next, 12), addMonths(next, 23)], [addMonths(next, 24), addMonths(next, 35)],
    ]);
    expect(plan.customers).toEqual([]);
  });

  it('in Chinese, with a name, a demo copy', async () => {
    const t = startApp();
    await t.call('file.new', { lang: 'zh-CN', name: '华东 2027: 计划/草稿' });
    const cur = await t.call('file.current', {});
    expect(cur!.name).toBe('华东 2027 计划 草稿');
    const { plan } = await t.call('plan.get', {});
    expect(plan.plan.name).toBe('华东 2027: 计划/草稿');
    expect(plan.phases[0]!.name).toBe('市场洞察与进入');
    await t.call('file.new', { demo: true, lang: 'zh-CN' });
    expect((await t.call('plan.get', {})).plan).toStrictEqual(demoJson('zh-CN'));
  });

  it('refuses a blank name, creating nothing', async () => {
    const t = startApp();
    const before = plansIn(t.dataDir);
    const err = await t.fail('file.new', { name: '   ' });
    expect(err).toMatchObject({ code: 'invalid_plan', message: 'The plan was not created: plan.name: must not be empty' });
    expect(plansIn(t.dataDir)).toEqual(before);
  });

  it('at a path the user chose to overwrite, but never over the open plan', async () => {
    const t = startApp();
    const path = join(t.dataDir, 'chosen.salesplan');
    writeFileSync(path, 'old content the user agreed to replace');
    const events: ApiEvent[] = [];
    t.app.subscribe((e) => events.push(e));
    await t.call('file.new', { path });
    expect(events).toEqual([{ type: 'file-opened', path }]);
    const err = await t.fail('file.new', { path });
    expect(err.code).toBe('conflict');
    expect((await t.call('file.current', {}))!.path).toBe(path);
  });
});

describe('file.open', () => {
  it('switches plans and sends file-opened; reopening the open plan is a no-op', async () => {
    const t = startApp();
    const first = (await t.call('file.current', {}))!.path;
    const other = join(t.dataDir, 'other.salesplan');
    await t.call('file.importJson', { json: JSON.stringify(smallPlan()), path: other });
    const events: ApiEvent[] = [];
    t.app.subscribe((e) => events.push(e));
    await t.call('file.open', { path: first });
    await t.call('file.open', { path: first });
    expect(events).toEqual([{ type: 'file-opened', path: first }]);
    // The plan closed before is free again: another connection can read it.
    const db = new Database(other, { readonly: true, timeout: 0 });
    expect(db.prepare('SELECT name FROM plan_settings').pluck().get()).toBe('Test plan');
    db.close();
  });

  it('knows the open plan under another name (a symlink) and does not lock itself out', async () => {
    const t = startApp();
    const current = (await t.call('file.current', {}))!.path;
    const link = join(t.dataDir, 'link.salesplan');
    symlinkSync(current, link);
    expect((await t.call('file.open', { path: link })).path).toBe(current);
    expect(await t.fail('file.saveCopy', { path: link })).toMatchObject({ code: 'conflict' });
  });

  it('a file that cannot be opened leaves the current plan open', async () => {
    const t = startApp();
    const before = await t.call('file.current', {});
    const bad = join(t.dataDir, 'bad.salesplan');
    writeFileSync(bad, 'not a plan');
    expect(await t.fail('file.open', { path: bad })).toMatchObject({ code: 'not_sqlite' });
    expect(await t.call('file.current', {})).toEqual(before);
    expect((await t.call('plan.get', {})).plan.plan.name).toBe(demoJson().plan.name);
  });
});

describe('file.saveCopy', () => {
  it('writes a consistent copy with the latest edits and keeps working on the original', async () => {
    const t = startApp();
    const original = (await t.call('file.current', {}))!.path;
    await t.call('plan.updateSettings', { patch: { name: 'Edited before the copy' } });
    const copyPath = join(t.dataDir, 'copy.salesplan');
    writeFileSync(copyPath, 'an older file the user chose to replace');
    const info = await t.call('file.saveCopy', { path: copyPath });
    expect(info).toMatchObject({ path: copyPath, name: 'copy', schemaVersion: LATEST_SCHEMA_VERSION });
    expect((await t.call('file.current', {}))!.path).toBe(original);
    await t.call('plan.updateSettings', { patch: { name: 'Edited after the copy' } });
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const copy = new Database(copyPath, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM plan_settings').pluck().get()).toBe('Edited before the copy');
    copy.close();
    // The copy is a plan file in its own right.
    await t.call('file.open', { path: copyPath });
    expect((await t.call('plan.get', {})).plan.customers).toHaveLength(demoJson().customers.length);
  });

  it('says so when the folder for the copy does not exist', async () => {
    const t = startApp();
    const err = await t.fail('file.saveCopy', { path: join(t.dataDir, 'no', 'such', 'copy.salesplan') });
    expect(err.code).toBe('file_error');
    expect(readdirSync(t.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses to copy over the plan itself', async () => {
    const t = startApp();
    const current = (await t.call('file.current', {}))!.path;
    const hash = sha256(current);
    expect(await t.fail('file.saveCopy', { path: current })).toMatchObject({ code: 'conflict' });
    expect(sha256(current)).toBe(hash);
  });
});

describe('file.recent', () => {
  it('lists the most recent first, each once, at most ten, saying which still exist', async () => {
    const t = startApp();
    const paths: string[] = [];
    for (let i = 0; i < 12; i++) {
      const p = join(t.dataDir, `plan-${i}.salesplan`);
      paths.push(p);
      await t.call('file.importJson', { json: JSON.stringify(smallPlan()), path: p });
    }
    await t.call('file.open', { path: paths[5]! });
    rmSync(paths[11]!);
    const recent: RecentFile[] = await t.call('file.recent', {});
    expect(recent.map((r) => r.name)).toEqual(['plan-5', 'plan-11', 'plan-10', 'plan-9', 'plan-8', 'plan-7', 'plan-6', 'plan-4', 'plan-3', 'plan-2']);
    expect(recent.map((r) => r.exists)).toEqual([true, false, true, true, true, true, true, true, true, true]);
    expect(Date.parse(recent[0]!.openedAt)).toBeGreaterThanOrEqual(Date.parse(recent[1]!.openedAt));
  });

  it('treats a damaged recent.json as empty', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'recent.json'), '{ not json');
    const t = startApp({ dataDir: dir });
    expect((await t.call('file.recent', {})).map((r) => r.name)).toEqual([demoJson().plan.name]);
  });
});

describe('file.importJson and file.exportJson', () => {
  it('without a path, imports into the plans folder under the plan’s name', async () => {
    const t = startApp();
    const info = await t.call('file.importJson', { json: JSON.stringify(smallPlan()) });
    expect(info.path).toBe(join(t.dataDir, 'plans', 'Test plan.salesplan'));
    expect(existsSync(info.path)).toBe(true);
  });

  it('exports under the file’s name', async () => {
    const t = startApp();
    await t.call('file.importJson', { json: JSON.stringify(smallPlan()), path: join(t.dataDir, 'Q3 east.salesplan') });
    const out = await t.call('file.exportJson', {});
    expect(out.fileName).toBe('Q3 east.plan.json');
    expect(JSON.parse(out.json)).toStrictEqual(smallPlan());
  });
});

describe('app.info', () => {
  it('names the app, format and schema versions', async () => {
    const t = startApp();
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(await t.call('app.info', {})).toEqual({ version: pkg.version, formatVersion: 2, schemaVersion: LATEST_SCHEMA_VERSION });
  });
});
