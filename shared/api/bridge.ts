// What the Electron preload exposes on `window[BRIDGE_KEY]`, and the IPC
// channel names both sides use. The HTTP host speaks the same envelope.
import type { ApiEvent } from './contract';
import type { ApiResult } from './result';

export const BRIDGE_KEY = 'planner';
export const IPC_CHANNEL = 'planner:api';
export const IPC_EVENT_CHANNEL = 'planner:event';

export interface PlannerBridge {
  invoke(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  /** Subscribe to host events; returns the unsubscribe function. */
  on(listener: (event: ApiEvent) => void): () => void;
}
