// API methods: the rolling backups of plan files (kept in the app's data
// folder) and restoring one. No method takes a path: `of` names either the
// open plan or the file that last failed to open as damaged, so the renderer
// can offer a restore without naming files (see electron/services/caller-paths.ts).
import { z } from 'zod';
import { method, returns } from '../define';
import type { FileInfo } from '../file-info';

export interface BackupInfo {
  /** 1 = the newest. */
  n: number;
  /** ISO time it was taken. */
  takenAt: string;
  sizeBytes: number;
  /** 'auto': taken while editing; 'before-restore': the file a restore replaced. */
  kind: 'auto' | 'before-restore';
}

export interface BackupList {
  /** The plan file the backups are of, or null when there is none (nothing open, nothing damaged). */
  path: string | null;
  backups: BackupInfo[];
}

const of = z.enum(['current', 'damaged']);

export const backupMethods = {
  /** The backups of the open plan ('current') or of the file that last failed to open as damaged ('damaged'), newest first. */
  'backups.list': method(z.strictObject({ of: of.optional() }), returns<BackupList>()),
  /** Replaces that file with backup `n` (after checking it) and opens it; the replaced file is kept as a backup. */
  'backups.restore': method(z.strictObject({ of: of.optional(), n: z.number().int().min(1).max(1000) }), returns<FileInfo>()),
} as const;
