// The HTTP host: the built renderer and the API on 127.0.0.1 for browser use
// and end-to-end tests. Same envelope as the Electron bridge: POST
// /api/<method> with a JSON body answers the dispatcher's ApiResult (HTTP 200
// whatever `ok` is; other statuses only for requests refused before dispatch).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiEvent } from '../../shared/api/contract';
import type { ApiErrorBody, ApiResult } from '../../shared/api/result';
import { EventStreams } from './events';
import { generateToken, originProblem, SECURITY_HEADERS, TOKEN_HEADER, tokensEqual } from './security';
import { serveStatic } from './static-files';

/** What the host needs of the app (createPlannerApp's PlannerApp fits). */
export interface HostedApp {
  dispatch(method: string, arg: unknown): Promise<ApiResult<unknown>>;
  subscribe(listener: (e: ApiEvent) => void): () => void;
}

export interface HostOptions {
  app: HostedApp;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Defaults to 32 random bytes in hex, new for every launch. */
  token?: string;
  /** Largest request body accepted (default 64 MB: JSON imports). */
  maxBodyBytes?: number;
  /** Where unexpected failures are reported (default: stderr). */
  onError?: (e: unknown) => void;
}

export interface Host {
  /** The page to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const API_PREFIX = '/api/';

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? generateToken();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onError = opts.onError ?? ((e) => console.error('[host]', e));
  const streams = new EventStreams();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      onError(e);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The host failed to answer' });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const problem = originProblem(req, port);
    if (problem) return sendError(res, 403, { code: 'unauthorized', message: `Refused: ${problem}` });

    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));

    if (path === '/api/events') {
      if (!tokensEqual(query.get('token'), token)) return sendError(res, 403, unauthorized());
      if (req.method !== 'GET') return sendError(res, 405, { code: 'unknown_method', message: 'Use GET for /api/events' });
      return streams.open(res);
    }
    if (path.startsWith(API_PREFIX)) {
      const given = req.headers[TOKEN_HEADER];
      if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) return sendError(res, 403, unauthorized());
      if (req.method !== 'POST') return sendError(res, 405, { code: 'unknown_method', message: 'API calls use POST' });
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json')
        return sendError(res, 415, { code: 'invalid_argument', message: 'The request body must be application/json' });
      return handleApi(safeDecode(path.slice(API_PREFIX.length)), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, { code: 'unknown_method', message: `${req.method} is not allowed here` });
    if (!(await serveStatic(opts.rendererDir, path, req.method === 'HEAD', res)))
      sendError(res, 404, { code: 'not_found', message: 'Not found' });
  }

  async function handleApi(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      return sendError(res, 413, {
        code: 'invalid_argument',
        message: `The request is larger than ${Math.round(maxBody / 1048576)} MB`,
      });
    }
    let arg: unknown = {};
    if (body.length > 0) {
      try {
        arg = JSON.parse(body.toString('utf8'));
      } catch (e) {
        return sendJson(res, 200, {
          ok: false,
          error: { code: 'invalid_argument', message: `The request body is not valid JSON: ${(e as Error).message}` },
        });
      }
    }
    let result: ApiResult<unknown>;
    try {
      result = await opts.app.dispatch(method, arg);
    } catch (e) {
      onError(e);
      result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    sendJson(res, 200, result);
  }

  const unsubscribe = opts.app.subscribe((e) => streams.send(e));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close() {
      closed ??= new Promise<void>((resolve) => {
        unsubscribe();
        streams.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

/** A malformed escape becomes a method name no handler has, not a crash. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function unauthorized(): ApiErrorBody {
  return { code: 'unauthorized', message: 'Missing or wrong access token: open the address the planner host printed' };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(res, status, { ok: false, error } satisfies ApiResult<never>);
}

/** The whole body, or 'too-large' once it passes the limit. An oversized body
 * is still read to its end (and dropped): answering while the client is
 * still uploading makes browsers report a connection reset instead of the
 * 413. Only callers that passed the token check get this far. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    let over = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
