import type { ApiEvent } from '../../shared/api/contract';

/** Host events plus the renderer's own "we may have missed some" signal (the event stream opened). */
export type RendererEvent = ApiEvent | { type: 'reconnected' };
export type EventSubscribe = (listener: (e: RendererEvent) => void) => () => void;
