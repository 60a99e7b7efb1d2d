// Server-sent events: one subscription to the app, fanned out to every open
// stream. A comment line every 20 s keeps idle connections from being
// dropped by anything in between and lets us notice dead clients.
import type { ServerResponse } from 'node:http';
import type { ApiEvent } from '../../shared/api/contract';
import { SECURITY_HEADERS } from './security';

const HEARTBEAT_MS = 20_000;

export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;

  open(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Reconnect quickly if the stream drops; the renderer reloads on reconnect.
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => this.writeAll(': keep-alive\n\n'), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
  }

  send(event: ApiEvent): void {
    this.writeAll(`data: ${JSON.stringify(event)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private writeAll(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
