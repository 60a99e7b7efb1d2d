// The one IPC channel between the renderer and the API. Electron objects are
// parameters (only types are imported), so this runs under test in Node.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/result';
import type { PlannerApp } from '../services/app';
import { confinePaths } from '../services/caller-paths';
import { isAppUrl, isTrustedSender } from './security';

type Ipc = Pick<IpcMain, 'handle' | 'removeHandler'>;
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

/** Refuses what does not come from the app's own top frame; see isTrustedSender. */
export function checkSender(event: SenderEvent, appIndexUrl: string): boolean {
  const frame = event.senderFrame;
  // null: the frame navigated away or was destroyed while the message was in flight.
  if (!frame) return false;
  const isTop = frame === event.sender.mainFrame && frame.parent === null;
  return isTrustedSender(frame.url, isTop, appIndexUrl);
}

/**
 * Binds IPC_CHANNEL to `planner.dispatch` behind the sender check. Every
 * answer is an ApiResult envelope, refusals included: nothing is thrown
 * across the process boundary. Returns the unbinding function.
 */
export function registerApiHandler(ipc: Ipc, planner: Pick<PlannerApp, 'dispatch'>, appIndexUrl: string): () => void {
  ipc.handle(IPC_CHANNEL, async (event, method: unknown, arg: unknown): Promise<ApiResult<unknown>> => {
    if (!checkSender(event, appIndexUrl)) {
      return { ok: false, error: { code: 'unauthorized', message: 'IPC from an untrusted frame was refused' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_argument', message: 'The API method name must be a string' } };
    }
    // The renderer names no files: paths come only from the main process's dialogs.
    try {
      confinePaths('renderer', method, arg, '');
    } catch (e) {
      return { ok: false, error: (e as ApiError).toBody() };
    }
    return planner.dispatch(method, arg);
  });
  return () => ipc.removeHandler(IPC_CHANNEL);
}

type EventTarget = Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;

/**
 * Forwards every PlannerApp event to the app pages among `targets()` (asked
 * anew per event, so windows opened later receive events too).
 */
export function forwardEvents(
  planner: Pick<PlannerApp, 'subscribe'>,
  targets: () => EventTarget[],
  appIndexUrl: string,
): () => void {
  return planner.subscribe((event: ApiEvent) => {
    for (const wc of targets()) {
      if (!wc.isDestroyed() && isAppUrl(wc.getURL(), appIndexUrl)) wc.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
