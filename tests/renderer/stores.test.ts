// The renderer's stores over a scripted API client (no DOM needed): loading,
// identity of entities across reloads, stale answers, events, writes, errors.
import { isObservable } from 'mobx';
import { describe, expect, it } from 'vitest';
import { type ApiEvent } from '../../shared/api';
import { ApiError, type ApiResult } from '../../shared/api/result';
import { demoPlan, fakeHost, flush, ok, snapshot, type Arg } from './harness';
import { LANG_STORAGE_KEY } from '../../renderer/stores/UiStore';

const demo = demoPlan;

/** A host double: answers per method, records calls, pushes events. */
const setup = (answer: (method: string, arg: Arg) => ApiResult<unknown> | Promise<ApiResult<unknown>>) => fakeHost(answer);

describe('PlanStore', () => {
  it('loads the plan and computes the overview figures from it', async () => {
    const { store } = setup(() => ok(snapshot(demo, 3)));
    await store.start();
    const plan = store.plan;
    expect(plan.status).toBe('ready');
    expect(plan.settings?.name).toBe(demo.plan.name);
    expect(plan.collections.phases.list.map((p) => p.id)).toEqual(demo.phases.map((p) => p.id));
    for (const row of plan.tierSummary) {
      const inTier = demo.customers.filter((c) => c.tier === row.tier);
      expect(row.count, row.tier).toBe(inTier.length);
      expect(row.potential, row.tier).toBe(inTier.reduce((s, c) => s + c.potential, 0));
    }
    expect(plan.totalPotential).toBe(demo.customers.reduce((s, c) => s + c.potential, 0));
    expect(plan.counts).toEqual({
      phases: demo.phases.length,
      funnels: demo.funnels.length,
      segments: demo.segments.length,
      people: demo.people.length,
      customers: demo.customers.length,
      goals: demo.goals.length,
      targets: demo.targets.length,
      scenarios: demo.scenarios.length,
      decisions: demo.decisions!.length,
    });
  });

  it('keeps one observable per entity id across reloads and applies changes in place', async () => {
    let current = snapshot(demo, 1);
    const { store } = setup(() => ok(current));
    await store.start();
    const first = demo.customers[0]!;
    const before = store.plan.collections.customers.get(first.id)!;
    expect(isObservable(before)).toBe(true);

    const next = structuredClone(demo);
    next.customers[0]!.tier = first.tier === 'S' ? 'C' : 'S';
    delete next.customers[0]!.region;
    const removed = next.customers.pop()!;
    next.phases.reverse();
    current = snapshot(next, 2);
    await store.plan.load();

    const after = store.plan.collections.customers.get(first.id)!;
    expect(after).toBe(before);
    expect(after.tier).toBe(next.customers[0]!.tier);
    expect('region' in after).toBe(false);
    expect(store.plan.collections.customers.get(removed.id)).toBeUndefined();
    expect(store.plan.collections.phases.list.map((p) => p.id)).toEqual(next.phases.map((p) => p.id));
    expect(store.plan.revision).toBe(2);
  });

  it('drops the answer of an older load that arrives late', async () => {
    const resolvers: ((r: ApiResult<unknown>) => void)[] = [];
    const { store } = setup(() => new Promise((r) => resolvers.push(r)));
    const slow = store.plan.load();
    const fast = store.plan.load();
    const renamed = structuredClone(demo);
    renamed.plan.name = 'Newer';
    resolvers[1]!(ok(snapshot(renamed, 5)));
    await fast;
    resolvers[0]!(ok(snapshot(demo, 4)));
    await slow;
    expect(store.plan.settings?.name).toBe('Newer');
    expect(store.plan.revision).toBe(5);
  });

  it('a load overtaken by a newer one resolves with the newer plan in place', async () => {
    const resolvers: ((r: ApiResult<unknown>) => void)[] = [];
    const { store } = setup(() => new Promise((r) => resolvers.push(r)));
    const first = store.plan.load();
    const second = store.plan.load();
    let firstDone = false;
    void first.then(() => (firstDone = true));
    resolvers[0]!(ok(snapshot(demo, 1)));
    await flush();
    expect(firstDone).toBe(false);
    const renamed = structuredClone(demo);
    renamed.plan.name = 'From the newer load';
    resolvers[1]!(ok(snapshot(renamed, 2)));
    await first;
    expect(store.plan.settings?.name).toBe('From the newer load');
    await second;
  });

  it('reloads on events that move past what it shows, and not on its own echo', async () => {
    const { store, calls, emit } = setup(() => ok(snapshot(demo, 7)));
    await store.start();
    const loads = () => calls.filter((c) => c.method === 'plan.load').length;
    expect(loads()).toBe(1);
    emit({ type: 'plan-changed', revision: 7, path: '/plans/demo.salesplan' });
    await flush();
    expect(loads()).toBe(1);
    emit({ type: 'plan-changed', revision: 8, path: '/plans/demo.salesplan' });
    await flush();
    expect(loads()).toBe(2);
    emit({ type: 'file-opened', path: '/plans/other.salesplan' } satisfies ApiEvent);
    await flush();
    expect(loads()).toBe(3);
    emit({ type: 'reconnected' });
    await flush();
    expect(loads()).toBe(4);
  });

  it('asks what changed since its first load when the event stream opens while that load is in flight (an edit then was announced to no one)', async () => {
    let revision = 7;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { store, calls, emit } = setup(async (method, arg) => {
      if (method !== 'plan.load') return ok(null);
      const since = (arg as { since?: unknown }).since;
      if (!since) {
        // The host reads revision 7; another window's edit makes it 8 before the stream opens.
        const answer = snapshot(demo, revision);
        await held;
        return ok(answer);
      }
      return ok({ ...snapshot(demo, revision), customers: { kind: 'changes', upsert: [], remove: [] } });
    });
    const started = store.start();
    await flush();
    revision = 8;
    emit({ type: 'reconnected' }); // the stream opened: the edit to 8 went before it
    release();
    await started;
    const loads = calls.filter((c) => c.method === 'plan.load');
    expect(loads).toHaveLength(2);
    expect(loads[1]!.arg).toEqual({ since: { path: '/plans/demo.salesplan', revision: 7 } });
    expect(store.plan.revision).toBe(8);
  });

  it('shows "no plan" distinctly from a failure', async () => {
    const none = setup(() => ({ ok: false, error: { code: 'no_plan_open', message: 'No plan is open' } }));
    await none.store.start();
    expect(none.store.plan.status).toBe('no-plan');
    const broken = setup(() => ({ ok: false, error: { code: 'corrupt', message: 'integrity check failed' } }));
    await broken.store.start();
    expect(broken.store.plan.status).toBe('error');
    expect(broken.store.plan.loadError?.code).toBe('corrupt');
  });

  it('writes through the API and applies the answer', async () => {
    const created = { id: 'new-person', name: 'Li Na', role: 'SR' as const };
    const { store, calls } = setup((method, arg) => {
      if (method === 'plan.load') return ok(snapshot(demo, 1));
      if (method === 'people.create') return ok({ revision: 2, value: arg.value });
      if (method === 'people.delete') return { ok: false, error: { code: 'in_use', message: 'still an owner' } };
      throw new Error(method);
    });
    await store.start();
    await store.plan.create('people', created, 0);
    // (The history store asks history.state after each revision; not a write.)
    expect(calls.filter((c) => !c.method.startsWith('history.')).at(-1)).toEqual({ method: 'people.create', arg: { value: created, index: 0 } });
    expect(store.plan.collections.people.list[0]).toEqual(created);
    expect(store.plan.revision).toBe(2);
    await expect(store.plan.remove('people', created.id)).rejects.toMatchObject({ code: 'in_use' });
    expect(store.plan.collections.people.get(created.id)).toBeDefined();
  });
});

describe('UiStore', () => {
  it('remembers the language and falls back sensibly', () => {
    const { store, storage } = setup(() => ok(null));
    expect(store.ui.lang).toBe('en');
    store.ui.setLang('zh-CN');
    expect(storage.getItem(LANG_STORAGE_KEY)).toBe('zh-CN');
    expect(store.ui.tr.t('nav.overview')).toBe('概览');
  });

  it('collects the issues of an error so each can be shown with its path', () => {
    const { store } = setup(() => ok(null));
    store.ui.showError(
      new ApiError('invalid_plan', 'The plan has 2 problems', {
        issues: [
          { path: 'customers[3].tier', message: 'must be S, A, B or C' },
          { path: 'plan.currency', message: 'must be an ISO 4217 code' },
          { nonsense: true },
        ],
      }),
    );
    expect(store.ui.errors[0]!.issues.map((i) => i.path)).toEqual(['customers[3].tier', 'plan.currency']);
  });
});

describe('FileStore', () => {
  it('shows every import problem under a title naming the file, and keeps the open plan', async () => {
    const issues = [
      { path: 'customers[0].tier', message: 'Invalid option' },
      { path: 'phases[1].start', message: 'phases overlap' },
    ];
    const { store } = setup((method) =>
      method === 'plan.load'
        ? ok(snapshot(demo, 1))
        : { ok: false, error: { code: 'invalid_plan', message: 'not imported', details: { issues } } },
    );
    await store.start();
    expect(await store.files.importJson('broken.plan.json', '{}')).toBe(false);
    const shown = store.ui.errors[0]!;
    expect(shown.title).toContain('broken.plan.json');
    expect(shown.code).toBe('invalid_plan');
    expect(shown.issues).toEqual(issues);
    expect(store.plan.settings?.name).toBe(demo.plan.name);
  });
});
