// The sandboxed preload: exposes exactly the PlannerBridge (invoke / on) on
// window.planner. ipcRenderer itself, and the IpcRendererEvent (whose
// `sender` is ipcRenderer), never reach the page. Bundled into one CommonJS
// file: a sandboxed preload can require nothing but 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNEL, IPC_EVENT_CHANNEL, type PlannerBridge } from '../../shared/api/bridge';
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';

const bridge: PlannerBridge = {
  invoke(method: string, arg: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string') {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid_argument', message: 'The API method name must be a string' },
      });
    }
    return ipcRenderer.invoke(IPC_CHANNEL, method, arg) as Promise<ApiResult<unknown>>;
  },
  on(listener: (event: ApiEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('planner.on needs a listener function');
    const relay = (_e: IpcRendererEvent, event: ApiEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
