// The decision log over the real services: record, edit, delete — each one
// undoable edit that the history names — listed per phase in phase order;
// an empty or over-long text refused before anything is stored; and the
// decisions in the JSON export.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerApp, type PlannerApp } from '../../electron/services/app';
import { realHost } from './harness';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function start(lang: 'en' | 'zh-CN' = 'en') {
  const dataDir = mkdtempSync(join(tmpdir(), 'decisions-store-'));
  const app: PlannerApp = createPlannerApp({ dataDir, actor: 'tester', lang });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  const h = realHost(app, { events: true });
  h.store.ui.setLang(lang);
  await h.store.start();
  await h.store.history.refreshState();
  return { app, ...h };
}

const texts = (store: Awaited<ReturnType<typeof start>>['store']) =>
  store.decisions.groups.map((g) => [g.phaseId, g.decisions.map((d) => d.text)] as const);

describe('DecisionsStore', () => {
  it('records, edits and deletes a decision; each is one undoable edit', async () => {
    const { store, app } = await start();
    const before = store.decisions.count;
    expect(await store.decisions.record({ text: '  Move two SRs to banking in phase 2  ', phaseId: 'p2', byId: 'ma' })).toBeNull();
    expect(store.decisions.count).toBe(before + 1);
    const d = store.plan.collections.decisions.plainList.find((x) => x.text === 'Move two SRs to banking in phase 2')!;
    expect(d).toMatchObject({ phaseId: 'p2', byId: 'ma' });
    expect(Date.parse(d.at)).toBeGreaterThan(Date.now() - 60_000);
    await store.history.refreshState();
    expect(store.history.undoText).toMatch(/decision/i);

    expect(await store.decisions.edit(d.id, { text: 'Move three SRs', phaseId: null, byId: null })).toBeNull();
    const edited = store.plan.collections.decisions.plain(d.id)!;
    expect(edited).toEqual({ id: d.id, at: d.at, text: 'Move three SRs' });
    // Listed with the decisions of no phase, after every phase's.
    expect(texts(store).at(-1)).toEqual([null, ['Move three SRs']]);

    await store.history.undo();
    expect(store.plan.collections.decisions.plain(d.id)!.text).toBe('Move two SRs to banking in phase 2');

    expect(await store.decisions.remove(d.id)).toBeNull();
    expect(store.plan.collections.decisions.plain(d.id)).toBeUndefined();
    await store.history.refreshState();
    await store.history.undo();
    expect(store.plan.collections.decisions.plain(d.id)?.phaseId).toBe('p2');

    // In the JSON export, as plan content.
    const exported = await app.dispatch('file.exportJson', {});
    expect(exported.ok).toBe(true);
    const json = JSON.parse((exported as { value: { json: string } }).value.json);
    expect(json.decisions).toContainEqual({ id: d.id, at: d.at, text: 'Move two SRs to banking in phase 2', phaseId: 'p2', byId: 'ma' });
  });

  it('lists per phase in phase order, oldest first within a phase', async () => {
    const { store } = await start();
    // Stored out of order (the demo's p1 decisions are of January–March 2027).
    await store.plan.create('decisions', { id: 'late', at: '2027-05-01T09:00:00+08:00', text: 'late in p1', phaseId: 'p1' });
    await store.plan.create('decisions', { id: 'early', at: '2027-01-02T09:00:00Z', text: 'early in p1', phaseId: 'p1' });
    await store.plan.create('decisions', { id: 'three', at: '2026-01-01T00:00:00Z', text: 'in p3', phaseId: 'p3' });
    const groups = texts(store);
    expect(groups.map(([p]) => p)).toEqual(['p1', 'p3']);
    expect(groups[0]![1][0]).toBe('early in p1');
    expect(groups[0]![1].at(-1)).toBe('late in p1');
  });

  it('refuses an empty or too long text before storing anything, in the user’s language; 2,000 CJK characters are kept whole', async () => {
    const { store } = await start('zh-CN');
    expect(store.decisions.textProblem('   ')).toBe('请先填写决策内容：空的决策不会被记录。');
    expect(store.decisions.textProblem('决'.repeat(2001))).toMatch(/2,000|2000/);
    const long = '决'.repeat(2000);
    expect(store.decisions.textProblem(long)).toBeNull();
    expect(await store.decisions.record({ text: long, phaseId: null, byId: null })).toBeNull();
    expect(store.plan.collections.decisions.plainList.some((d) => d.text === long)).toBe(true);
    // The host refuses an empty text too (a stale view cannot store one).
    const refusal = await store.decisions.record({ text: ' ', phaseId: null, byId: null });
    expect(refusal).toMatch(/empty|空/);
  });
});
