// The recent-files list, <dataDir>/recent.json: most recent first, at most
// ten, each file once. A damaged list is treated as empty, never as an error.
// "The same file" follows the platform: Windows and macOS file systems ignore
// letter case (C:\Plans\East.salesplan is c:\plans\east.SALESPLAN), Linux's
// do not. Whether each file still exists is asked asynchronously, all at
// once, with a time-out: a plan on an offline network share must not hang the
// menu (an unanswered check counts as not reachable now).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, extname, join, posix, resolve, win32 } from 'node:path';
import type { RecentFile } from '../../shared/api/contract';

export const MAX_RECENT = 10;
/** How long one existence check may take before the file counts as not reachable. */
export const EXISTS_TIMEOUT_MS = 1500;

interface Stored {
  path: string;
  openedAt: string;
}

/** The form two paths are compared in on `platform`. */
export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return win32.normalize(path).toLowerCase();
  // APFS and HFS+ are case-insensitive by default; NFC so that é typed and é from the Finder match.
  if (platform === 'darwin') return posix.normalize(path).normalize('NFC').toLowerCase();
  return posix.normalize(path);
}

export function samePath(a: string, b: string, platform: NodeJS.Platform = process.platform): boolean {
  return pathKey(a, platform) === pathKey(b, platform);
}

/** `list` without later entries that name a file seen earlier (most recent first, so the newest spelling stays). */
export function dedupe<T extends { path: string }>(list: readonly T[], platform: NodeJS.Platform = process.platform): T[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = pathKey(e.path, platform);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listPath(dataDir: string): string {
  return join(dataDir, 'recent.json');
}

/** The stored list, de-duplicated, without asking the disk about the files themselves. */
export function readStored(dataDir: string, platform: NodeJS.Platform = process.platform): Stored[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(listPath(dataDir), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    const valid = parsed.filter(
      (e): e is Stored => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.openedAt === 'string',
    );
    return dedupe(valid, platform).slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

export type ExistsCheck = (path: string) => Promise<boolean>;

const fileExists: ExistsCheck = (path) => access(path).then(
  () => true,
  () => false,
);

/** `check(path)`, or false when it has not answered within `timeoutMs`. */
export function existsWithin(path: string, timeoutMs: number, check: ExistsCheck = fileExists): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(false), timeoutMs);
    timer.unref?.();
  });
  return Promise.race([check(path).catch(() => false), late]).finally(() => clearTimeout(timer));
}

export interface ReadRecentOptions {
  platform?: NodeJS.Platform;
  timeoutMs?: number;
  exists?: ExistsCheck;
}

export async function readRecent(dataDir: string, opts: ReadRecentOptions = {}): Promise<RecentFile[]> {
  const stored = readStored(dataDir, opts.platform);
  const present = await Promise.all(stored.map((e) => existsWithin(e.path, opts.timeoutMs ?? EXISTS_TIMEOUT_MS, opts.exists)));
  return stored.map((e, i) => ({
    path: e.path,
    name: basename(e.path, extname(e.path)),
    openedAt: e.openedAt,
    exists: present[i]!,
  }));
}

export function rememberRecent(dataDir: string, path: string, now = new Date(), platform: NodeJS.Platform = process.platform): void {
  const abs = resolve(path);
  const others = readStored(dataDir, platform).filter((e) => !samePath(e.path, abs, platform));
  const list = [{ path: abs, openedAt: now.toISOString() }, ...others].slice(0, MAX_RECENT);
  mkdirSync(dataDir, { recursive: true });
  // Written beside and renamed, so a crash never leaves half a list.
  const temp = `${listPath(dataDir)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(list, null, 2)}\n`, 'utf8');
  renameSync(temp, listPath(dataDir));
}
