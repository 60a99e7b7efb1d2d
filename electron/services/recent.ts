// The recent-files list, <dataDir>/recent.json: most recent first, at most
// ten, each path once. A damaged list is treated as empty, never as an error.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { RecentFile } from '../../shared/api/contract';

export const MAX_RECENT = 10;

interface Stored {
  path: string;
  openedAt: string;
}

function listPath(dataDir: string): string {
  return join(dataDir, 'recent.json');
}

function readStored(dataDir: string): Stored[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(listPath(dataDir), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (e): e is Stored => typeof e === 'object' && e !== null && typeof e.path === 'string' && typeof e.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

export function readRecent(dataDir: string): RecentFile[] {
  return readStored(dataDir).map((e) => ({
    path: e.path,
    name: basename(e.path, extname(e.path)),
    openedAt: e.openedAt,
    exists: existsSync(e.path),
  }));
}

export function rememberRecent(dataDir: string, path: string, now = new Date()): void {
  const abs = resolve(path);
  const list = [{ path: abs, openedAt: now.toISOString() }, ...readStored(dataDir).filter((e) => e.path !== abs)].slice(0, MAX_RECENT);
  mkdirSync(dataDir, { recursive: true });
  // Written beside and renamed, so a crash never leaves half a list.
  const temp = `${listPath(dataDir)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(list, null, 2)}\n`, 'utf8');
  renameSync(temp, listPath(dataDir));
}
