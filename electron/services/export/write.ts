// Exports are written beside their destination under a temporary name and
// renamed on success: a failed or cancelled export leaves no half file, and
// an existing file is replaced whole or not at all.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/result';

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ? `${err.code}: ${err.message}` : String(err?.message ?? e);
}

export function tempPathFor(out: string): string {
  return join(dirname(out), `.${Math.random().toString(36).slice(2, 10)}.${process.pid}.export-tmp`);
}

/** Writes `out` through `write(tempPath)`; on any failure the temp file is removed and the error names `out`. */
export async function writeAtomically(out: string, write: (temp: string) => Promise<void>): Promise<void> {
  const dir = dirname(out);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (e) {
    throw new ApiError('export_failed', `Cannot write ${out}: its folder ${dir} is not usable (${reason(e)})`, { path: out });
  }
  const temp = tempPathFor(out);
  try {
    await write(temp);
    renameSync(temp, out);
  } catch (e) {
    rmSync(temp, { force: true, recursive: true });
    if (e instanceof ApiError) throw e;
    throw new ApiError('export_failed', `Cannot write ${out}: ${reason(e)}`, { path: out });
  }
}

/** A folder of files (CSV): built as a temporary folder, then renamed into place. */
export async function writeFolderAtomically(out: string, write: (tempDir: string) => Promise<void>): Promise<void> {
  await writeAtomically(out, async (temp) => {
    mkdirSync(temp);
    await write(temp);
    // An existing destination folder is replaced: rename cannot replace a non-empty folder.
    try {
      if (statSync(out).isDirectory()) rmSync(out, { recursive: true });
    } catch {
      // absent: nothing to replace
    }
  });
}
