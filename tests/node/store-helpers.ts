// Shared by the store, services and CLI tests: temporary folders, file
// hashes, the demo plans, a small valid plan to edit, and a typed app client.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ApiEvent, ArgOf, MethodName, PlanSnapshot, ResultOf } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import type { ApiErrorBody, ApiResult } from '../../shared/api/result';
import type { Plan } from '../../shared/plan/types';
import { createPlannerApp, type PlannerApp, type PlannerAppOptions } from '../../electron/services/app';
import { handlers } from '../../electron/services/handlers';
import { PlannerSession } from '../../electron/services/session';
import { listChanges, type ChangeRecord, type Db } from '../../electron/store';
import { smallPlan } from './store-plans';

export { smallPlan };

const dirs: string[] = [];
const apps: PlannerApp[] = [];
afterEach(() => {
  while (apps.length) apps.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(prefix = 'salesplan-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export const DEMO_EN = join(import.meta.dirname, '../../resources/demo/demo.en.plan.json');
export const DEMO_ZH = join(import.meta.dirname, '../../resources/demo/demo.zh-CN.plan.json');

export function demoJson(lang: 'en' | 'zh-CN' = 'en'): Plan {
  return JSON.parse(readFileSync(lang === 'en' ? DEMO_EN : DEMO_ZH, 'utf8')) as Plan;
}

export interface TestApp {
  app: PlannerApp;
  dataDir: string;
  /** Calls a method; throws with the error body when it fails. */
  call<M extends MethodName>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
  /** Calls a method that must fail; returns the error body. */
  fail(method: string, arg: unknown): Promise<ApiErrorBody>;
  raw(method: string, arg: unknown): Promise<ApiResult<unknown>>;
}

export function startApp(opts: Partial<PlannerAppOptions> = {}): TestApp {
  const dataDir = opts.dataDir ?? tempDir();
  const app = createPlannerApp({ actor: 'tester', ...opts, dataDir });
  apps.push(app);
  return wrap(app, dataDir);
}

export function wrap(app: PlannerApp, dataDir: string): TestApp {
  return {
    app,
    dataDir,
    raw: (method, arg) => app.dispatch(method, arg),
    async call(method, arg) {
      const res = await app.dispatch(method, arg);
      if (!res.ok) throw new Error(`${method} failed: ${res.error.code}: ${res.error.message}`);
      return res.value as never;
    },
    async fail(method, arg) {
      const res = await app.dispatch(method, arg);
      if (res.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(res.value).slice(0, 200)}`);
      return res.error;
    },
  };
}

/** An app with `plan` imported into `<dataDir>/test.salesplan` and open. */
export async function appWithPlan(plan: Plan = smallPlan()): Promise<TestApp & { path: string }> {
  const t = startApp();
  const path = join(t.dataDir, 'test.salesplan');
  await t.call('file.importJson', { json: JSON.stringify(plan), path });
  return { ...t, path };
}

/**
 * The handlers over a session, with what tests need to look inside: the open
 * database, the events, the change history, and which handlers were reached.
 */
export interface Harness extends Omit<TestApp, 'app'> {
  session: PlannerSession;
  db(): Db;
  events: ApiEvent[];
  reached: string[];
  changes(): ChangeRecord[];
  plan(): Promise<PlanSnapshot>;
  path: string;
}

const sessions: PlannerSession[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.close();
});

export async function harness(plan: Plan = smallPlan()): Promise<Harness> {
  const dataDir = tempDir();
  const session = new PlannerSession({ dataDir, lang: 'en', actor: 'tester', appVersion: 'test' });
  sessions.push(session);
  const reached: string[] = [];
  const spied = Object.fromEntries(
    Object.entries(handlers).map(([name, h]) => [
      name,
      (arg: unknown, s: PlannerSession) => {
        reached.push(name);
        return (h as (a: unknown, s: PlannerSession) => unknown)(arg, s);
      },
    ]),
  ) as unknown as typeof handlers;
  const dispatch = createDispatcher(spied);
  const app: PlannerApp = {
    dispatch: (m, a) => dispatch(m, a, session),
    forCaller: () => {
      throw new Error('the harness is a trusted caller only');
    },
    subscribe: (l) => session.subscribe(l),
    backupsIdle: () => session.backupsIdle(),
    close: () => session.close(),
  };
  const t = wrap(app, dataDir);
  const path = join(dataDir, 'test.salesplan');
  await t.call('file.importJson', { json: JSON.stringify(plan), path });
  const events: ApiEvent[] = [];
  session.subscribe((e) => events.push(e));
  reached.length = 0;
  const db = () => session.requireFile().db;
  return {
    ...t,
    session,
    db,
    events,
    reached,
    path,
    changes: () => listChanges(db(), 1_000_000),
    plan: () => t.call('plan.get', {}),
  };
}
