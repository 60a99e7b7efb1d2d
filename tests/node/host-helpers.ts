// Raw HTTP for host tests: node:http sends the path and headers exactly as
// given (fetch would normalise `/../` and refuse to set Host).
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

/** POST /api/<method> with the token and a JSON body; parses the envelope. */
export async function api(port: number, token: string, method: string, arg: unknown = {}) {
  const res = await raw(port, `/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': token },
    body: JSON.stringify(arg),
  });
  return { status: res.status, result: JSON.parse(res.body) as { ok: boolean; value?: any; error?: any } };
}

/** Collects server-sent events until `until` matches one or the time runs out. */
export function readEvents(
  port: number,
  token: string,
  until: (e: any) => boolean,
  timeoutMs = 10_000,
): { ready: Promise<void>; done: Promise<any[]>; close: () => void } {
  let close = () => {};
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const done = new Promise<any[]>((resolve, reject) => {
    const events: any[] = [];
    const req = request(
      { host: '127.0.0.1', port, path: `/api/events?token=${token}`, headers: { host: `127.0.0.1:${port}` } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`events: HTTP ${res.statusCode}`));
        readyResolve();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            if (!data) continue;
            const event = JSON.parse(data);
            events.push(event);
            if (until(event)) {
              clearTimeout(timer);
              req.destroy();
              resolve(events);
            }
          }
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
    }, timeoutMs);
    req.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(e);
    });
    req.end();
    close = () => {
      clearTimeout(timer);
      req.destroy();
    };
  });
  return { ready, done, close };
}
