// Translating SQLite's failures into the API's error codes, with messages a
// user can act on.
import { ApiError } from '../../shared/api/result';

interface SqliteLike {
  code?: unknown;
  message?: unknown;
}

export function sqliteCode(e: unknown): string {
  return typeof (e as SqliteLike)?.code === 'string' ? ((e as SqliteLike).code as string) : '';
}

export function lockedError(path: string): ApiError {
  return new ApiError(
    'file_error',
    `${path} is open in another window or program; close it there first`,
    { path, reason: 'locked' },
  );
}

/** An error from opening or reading a plan file, as an ApiError. */
export function fileError(path: string, e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const code = sqliteCode(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return lockedError(path);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new ApiError('corrupt', `${path} is damaged (${message}); open a backup copy instead`, { path });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new ApiError('file_error', `${path} could not be saved: the disk is full. Free some space and try again; the plan is as it was before this change.`, {
      path,
      reason: 'disk_full',
    });
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return new ApiError('file_error', `${path} could not be written (${message}); the plan is as it was before this change.`, { path, reason: 'io' });
  if (code === 'ENOENT') return new ApiError('file_not_found', `There is no file at ${path}`, { path });
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ApiError('file_error', `${path} cannot be changed (it is read-only, or you lack permission); copy it to a folder you can write to`, {
      path,
      reason: 'read_only',
    });
  return new ApiError('file_error', `Could not use ${path}: ${message}`, { path, reason: code || undefined });
}
