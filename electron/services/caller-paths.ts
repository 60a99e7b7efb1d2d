// Which file paths each caller of the API may name. The handlers accept any
// path: the CLI and the Electron main process (whose paths come from the
// user's own native dialogs and command line) are trusted. Two callers are not:
//
// - the Electron renderer (IPC): a page may be subverted, so it names no file
//   at all; every path comes from a main-process dialog;
// - the browser page of the HTTP host: paths are typed into a form, so they
//   are confined to the host's data folder (plans/, relative paths resolve
//   there; opening a recent file is allowed too), must end in .salesplan when
//   written, and may replace only a plan of ours. A path outside the folder is
//   refused with one message whether or not anything is there, so the API
//   cannot be used to probe the disk.
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api/result';
import { APPLICATION_ID, PLAN_EXTENSION, readSqliteHeader } from '../store';
import { readStored } from './recent';

export type Caller = 'trusted' | 'renderer' | 'browser';

/** Methods whose argument may carry a `path`. */
const PATH_METHODS = new Set(['file.new', 'file.open', 'file.saveCopy', 'file.importJson']);
const WRITES = new Set(['file.new', 'file.saveCopy', 'file.importJson']);

function pathOf(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null || !Object.prototype.hasOwnProperty.call(arg, 'path')) return undefined;
  const p = (arg as { path: unknown }).path;
  return typeof p === 'string' ? p : undefined;
}

/** The path as the file system sees it, symbolic links resolved as far as the path exists. */
function realPath(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  for (;;) {
    try {
      return join(realpathSync.native(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(path);
      tail.unshift(basename(head));
      head = up;
    }
  }
}

function inside(child: string, folder: string): boolean {
  const rel = relative(folder, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function outsideError(dataDir: string): ApiError {
  return new ApiError('unauthorized', `From the browser, plans can only be used inside the planner's data folder (${dataDir})`, {
    reason: 'outside-data-folder',
  });
}

/** Whether an existing file is one of our plans (by its header bytes). */
function isOurPlan(path: string): boolean {
  try {
    return readSqliteHeader(path)?.applicationId === APPLICATION_ID;
  } catch {
    return false;
  }
}

/**
 * The argument as the handler may see it, or an ApiError when this caller may
 * not name this path. `dataDir` is the app's data folder.
 */
export function confinePaths(caller: Caller, method: string, arg: unknown, dataDir: string, isOpen: (path: string) => boolean = () => false): unknown {
  if (caller === 'trusted' || !PATH_METHODS.has(method)) return arg;
  const given = pathOf(arg);
  if (given === undefined) return arg;
  if (caller === 'renderer')
    throw new ApiError('unauthorized', 'The page may not name files; file paths come from the app’s own dialogs', { reason: 'path-from-renderer' });

  const plansDir = join(dataDir, 'plans');
  const target = resolve(plansDir, given);
  const real = realPath(target);
  const root = realPath(dataDir);
  const recent = method === 'file.open' && readStored(dataDir).some((r) => realPath(r.path) === real);
  if (!recent && (!inside(real, root) || inside(real, join(root, 'backups')))) throw outsideError(dataDir);
  if (WRITES.has(method)) {
    if (!target.toLowerCase().endsWith(PLAN_EXTENSION))
      throw new ApiError('invalid_argument', `A plan file's name must end in ${PLAN_EXTENSION}`, { path: target, reason: 'extension' });
    // The open plan is never read here: closing any descriptor of it would drop SQLite's lock (POSIX); its handler refuses it anyway.
    if (existsSync(real) && !isOpen(real) && !isOurPlan(real))
      throw new ApiError('file_error', `${target} exists and is not a plan; it was not replaced. Choose another name.`, {
        path: target,
        reason: 'not-a-plan',
      });
  }
  return { ...(arg as object), path: target };
}
