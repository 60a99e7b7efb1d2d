// The host's guard rails. The API runs with the user's file-system rights, so
// only the page we served may call it: a random per-launch token (any web
// page the user visits could otherwise POST to 127.0.0.1), plus Host and
// Origin checks against DNS rebinding (a hostile name that resolves to
// 127.0.0.1 would otherwise be "same origin" with us).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-planner-token';

export function generateToken(): string {
  return randomBytes(32).toString('hex');
}

/** Constant-time comparison; hashing first makes the lengths equal. */
export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Why a request is refused before it reaches any handler, or null. */
export function originProblem(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host;
  if (!host || !allowedHosts(port).includes(host.toLowerCase())) return `Host "${host ?? ''}" is not this planner host`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host.toLowerCase()}`)
    return `Origin "${origin}" is not this planner host`;
  // Browsers label cross-site requests even when they omit Origin (e.g. some GETs).
  if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request';
  return null;
}

// The Content-Security-Policy of every response. frame-ancestors only works as
// a header (renderer/index.html carries the rest as a meta tag for Electron).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
