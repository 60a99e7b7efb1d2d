// Chooses the transport once, at start-up: the Electron preload's bridge when
// it is there, otherwise HTTP to the host that served this page.
import { BRIDGE_KEY, type PlannerBridge } from '../../shared/api/bridge';
import { createClient, type ApiClient } from '../../shared/api/client';
import type { EventSubscribe } from './events';
import { createHttpTransport, createSseEvents } from './http';
import { takeToken } from './token';

export type Connection =
  | { ok: true; kind: 'bridge' | 'http'; client: ApiClient; subscribe: EventSubscribe }
  | { ok: false; reason: 'no-token' };

function bridgeOf(win: Window): PlannerBridge | undefined {
  const candidate = (win as unknown as Record<string, unknown>)[BRIDGE_KEY] as PlannerBridge | undefined;
  return candidate && typeof candidate.invoke === 'function' ? candidate : undefined;
}

/** IPC uses structured clone, which refuses MobX observables (proxies); the
 * HTTP transport sends JSON anyway, so give the bridge the same plain JSON. */
export function plainData(arg: unknown): unknown {
  return arg === undefined ? undefined : JSON.parse(JSON.stringify(arg));
}

export function connect(win: Window = window): Connection {
  const bridge = bridgeOf(win);
  if (bridge) {
    return {
      ok: true,
      kind: 'bridge',
      client: createClient((method, arg) => bridge.invoke(method, plainData(arg))),
      subscribe: (listener) => bridge.on(listener),
    };
  }
  const token = takeToken(win.location, win.history, win.sessionStorage);
  if (!token) return { ok: false, reason: 'no-token' };
  return { ok: true, kind: 'http', client: createClient(createHttpTransport(token)), subscribe: createSseEvents(token) };
}
