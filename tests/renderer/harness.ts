// The one test harness for the renderer's stores: a RootStore over a host
// double (fakeHost: the test scripts the answers) or over the real services
// (realHost: createPlannerApp's dispatcher, a real plan file). Both record
// every call; both can push host events into the store.
import { readFileSync } from 'node:fs';
import { createClient, type PlanSnapshot } from '../../shared/api';
import { encodeCustomers } from '../../shared/api/customer-columns';
import type { PlanLoad } from '../../shared/api/methods/plan-load';
import type { ApiResult } from '../../shared/api/result';
import type { Plan } from '../../shared/plan/types';
import type { RendererEvent } from '../../renderer/api/events';
import { RootStore } from '../../renderer/stores/RootStore';
import type { PlannerApp } from '../../electron/services/app';

/** The English demo plan as JSON. Shared: clone it before changing it. */
export const demoPlan = JSON.parse(readFileSync(new URL('../../resources/demo/demo.en.plan.json', import.meta.url), 'utf8')) as Plan;

export const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
export const refusal = (code: string, message: string, details?: unknown): ApiResult<never> => ({ ok: false, error: { code, message, details } as never });
export const flush = () => new Promise((r) => setTimeout(r, 0));

export const DEMO_PATH = '/plans/demo.salesplan';

/** What plan.load answers for the whole plan: `plan` (cloned) at `revision`, its customers in columns. */
export function snapshot(plan: Plan, revision: number, file: Partial<PlanSnapshot['file']> = {}): PlanLoad {
  const { customers, ...rest } = structuredClone(plan);
  return {
    file: { path: DEMO_PATH, name: 'demo', sizeBytes: 1, schemaVersion: 1, ...file },
    revision,
    plan: { ...rest, customers: [] },
    customers: { kind: 'all', columns: encodeCustomers(customers) },
  };
}

/** localStorage as the UiStore uses it. */
export class MemoryStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
}

// Arguments are whatever the store sends; tests read them as JSON.
export type Arg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface Call {
  method: string;
  arg: Arg;
}

export interface Harness {
  store: RootStore;
  /** Every call the stores made, in order. */
  calls: Call[];
  /** Pushes a host event (plan-changed, simulation progress, …) into the stores. */
  emit: (e: RendererEvent) => void;
  storage: MemoryStorage;
}

function harness(invoke: (method: string, arg: Arg, emit: (e: RendererEvent) => void) => Promise<ApiResult<unknown>> | ApiResult<unknown>): Harness {
  const calls: Call[] = [];
  let listener: (e: RendererEvent) => void = () => {};
  const emit = (e: RendererEvent) => listener(e);
  const storage = new MemoryStorage();
  const store = new RootStore({
    client: createClient(async (method, sent) => {
      // Cloned as Electron's IPC clones it: an observable (proxy) left in an
      // argument fails here as it would there.
      const arg = structuredClone(sent ?? {}) as Arg;
      calls.push({ method, arg });
      return invoke(method, arg, emit);
    }),
    subscribe: (l) => {
      listener = l;
      return () => {};
    },
    transport: 'http',
    storage,
  });
  return { store, calls, emit, storage };
}

/** A RootStore over a scripted host: `answer` gets every call (method, cloned
 * argument) and returns what the host would; `emit` lets it announce events. */
export function fakeHost(answer: (method: string, arg: Arg, emit: (e: RendererEvent) => void) => Promise<ApiResult<unknown>> | ApiResult<unknown>): Harness {
  return harness(answer);
}

export interface RealHostOptions {
  /** Pass the app's own events on to the stores (default: none; the test emits). */
  events?: boolean;
  /** Sees each answer, e.g. to announce an event before it arrives, as over
   * HTTP with server-sent events. */
  after?: (method: string, answer: ApiResult<unknown>, emit: (e: RendererEvent) => void) => void;
}

/** A RootStore over the real services (a PlannerApp, e.g. tests/node/store-helpers startApp's). */
export function realHost(app: Pick<PlannerApp, 'dispatch' | 'subscribe'>, opts: RealHostOptions = {}): Harness {
  const h = harness(async (method, arg, emit) => {
    const answer = await app.dispatch(method, arg);
    opts.after?.(method, answer, emit);
    return answer;
  });
  if (opts.events) app.subscribe((e) => h.emit(e as RendererEvent));
  return h;
}
