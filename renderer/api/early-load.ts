// The first plan.load, started by renderer/public/early-load.js before the
// bundle ran (the bundle's parse and start take ~250 ms of a 50,000-customer
// page load; the host answers meanwhile). The transport hands its answer to
// the window's first plan.load when that asks for the whole plan (no `since`),
// exactly once; every other call, and every later plan.load, goes out as usual.
// An early answer that failed fails that first call exactly as a call made
// then would have (same transport code reads it).
import type { ApiResult } from '../../shared/api/result';
import type { Transport } from '../../shared/api/client';
import type { HostReply } from './http';

export const EARLY_PLAN_LOAD_KEY = '__plannerEarlyPlanLoad';

export type EarlyPlanLoad =
  | { kind: 'bridge'; answer: Promise<ApiResult<unknown>> }
  | { kind: 'http'; token: string; answer: Promise<HostReply> };

function isThenable(v: unknown): v is Promise<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** The early request of `kind` left on the window, removed from it (taken at most once). */
export function takeEarlyPlanLoad<K extends EarlyPlanLoad['kind']>(win: Window, kind: K): Extract<EarlyPlanLoad, { kind: K }> | null {
  const slot = win as unknown as Record<string, unknown>;
  const early = slot[EARLY_PLAN_LOAD_KEY] as Partial<EarlyPlanLoad> | undefined;
  delete slot[EARLY_PLAN_LOAD_KEY];
  if (!early || early.kind !== kind || !isThenable(early.answer)) return null;
  return early as Extract<EarlyPlanLoad, { kind: K }>;
}

function asksForWholePlan(arg: unknown): boolean {
  return arg === undefined || (typeof arg === 'object' && arg !== null && Object.keys(arg).length === 0);
}

/** `transport`, with the first plan.load answered by `early` when it asks what `early` asked. */
export function withEarlyPlanLoad(transport: Transport, early: (() => Promise<ApiResult<unknown>>) | null): Transport {
  let pending = early;
  return (method, arg) => {
    if (method === 'plan.load' && pending) {
      const take = pending;
      pending = null;
      if (asksForWholePlan(arg)) return take();
    }
    return transport(method, arg);
  };
}
