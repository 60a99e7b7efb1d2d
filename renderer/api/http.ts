// The browser transport: POST /api/<method> to the host that served the page,
// with the access token in a header; events over server-sent events. Any
// failure becomes an ApiResult error (never a rejected promise), with
// `details.kind` telling the UI which localized explanation to show.
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { Transport } from '../../shared/api/client';
import type { EventSubscribe, RendererEvent } from './events';

export const TOKEN_HEADER = 'X-Planner-Token';

export type TransportFailure = { kind: 'unreachable'; cause: string } | { kind: 'bad-response'; status: number };

function failure(message: string, details: TransportFailure): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message, details } };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createHttpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, arg) => {
    let res: Response;
    try {
      res = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(arg ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      const cause = e instanceof Error ? e.message : String(e);
      return failure(`Could not reach the planner host: ${cause}`, { kind: 'unreachable', cause });
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    if (isApiResult(body)) return body;
    return failure(`The planner host sent an unexpected answer (HTTP ${res.status})`, {
      kind: 'bad-response',
      status: res.status,
    });
  };
}

/** Server-sent events from /api/events. Listeners hear `reconnected` each time
 * the stream opens: after a reconnect we may have missed events, and at the
 * first open too — the plan.load sent meanwhile may have been answered before
 * the host knew of this stream, and an edit in between announced to no one.
 * (EventSource reconnects by itself.) */
export function createSseEvents(token: string): EventSubscribe {
  return (listener: (e: RendererEvent) => void) => {
    const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onopen = () => listener({ type: 'reconnected' });
    source.onmessage = (m: MessageEvent<string>) => {
      try {
        listener(JSON.parse(m.data) as ApiEvent);
      } catch {
        // A malformed event is dropped; the next reload brings the truth.
      }
    };
    return () => source.close();
  };
}
