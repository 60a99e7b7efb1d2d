// Disk full and read-only media, on a small tmpfs mounted for the purpose
// (root only; elsewhere the proof says it could not run). A plan on a 1 MB
// disk is edited until the disk is full: the failing edit gets a clear error,
// and the file reopens whole with every acknowledged edit. The same disk
// remounted read-only: opening gets a clear error and the file keeps its bytes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Customer, Plan } from '../../../shared/plan/types';
import { ApiError } from '../../../shared/api/result';
import { createPlannerApp } from '../../../electron/services/app';
import { createPlanFile, openPlanFile, readRevision } from '../../../electron/store';

export function tryMountTmpfs(dir: string, sizeKb: number): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' });
}

export interface DiskProof {
  acknowledged: number;
  fullError: { code: string; reason?: string; message: string } | null;
  reopenedRevision: number;
  integrity: string;
  readOnlyError: { code: string; reason?: string; message: string } | null;
  readOnlyUnchanged: boolean;
}

function bigCustomer(template: Customer, n: number): Customer {
  return { ...template, id: `disk-${n}`, name: `Disk ${n} ${'x'.repeat(150)}`, region: 'r'.repeat(190), industry: 'i'.repeat(190) };
}

/** `mount` is an empty folder where a tmpfs can be mounted; `dataDir` is the app's (on a normal disk). */
export async function diskProof(mount: string, dataDir: string, plan: Plan): Promise<DiskProof> {
  const path = join(mount, 'plan.salesplan');
  createPlanFile(path, plan, { appVersion: 'proof' });
  const app = createPlannerApp({ dataDir, openPath: path, actor: 'proof' });
  let acknowledged = 0;
  let fullError: DiskProof['fullError'] = null;
  try {
    const template = plan.customers[0]!;
    for (let n = 0; n < 100_000 && !fullError; n++) {
      const res = await app.dispatch('customers.create', { value: bigCustomer(template, n) });
      if (res.ok) acknowledged = (res.value as { revision: number }).revision;
      else fullError = { code: res.error.code, reason: (res.error.details as { reason?: string } | undefined)?.reason, message: res.error.message };
    }
    await app.backupsIdle();
  } finally {
    app.close();
  }
  const reopened = openPlanFile(path, { appVersion: 'proof' });
  const reopenedRevision = readRevision(reopened.db);
  const integrity = reopened.db.pragma('integrity_check', { simple: true }) as string;
  reopened.close();

  // Read-only media: the plan opens (to read), and an edit is refused clearly with the file untouched.
  execFileSync('mount', ['-o', 'remount,ro', mount], { stdio: 'ignore' });
  const bytes = readFileSync(path);
  let readOnlyError: DiskProof['readOnlyError'] = null;
  try {
    const ro = createPlannerApp({ dataDir, openPath: path, actor: 'proof' });
    try {
      const res = await ro.dispatch('customers.create', { value: bigCustomer(plan.customers[0]!, 999_999) });
      if (!res.ok) readOnlyError = { code: res.error.code, reason: (res.error.details as { reason?: string } | undefined)?.reason, message: res.error.message };
      await ro.backupsIdle();
    } finally {
      ro.close();
    }
  } catch (e) {
    if (e instanceof ApiError) readOnlyError = { code: e.code, reason: (e.details as { reason?: string } | undefined)?.reason, message: e.message };
    else throw e;
  }
  return { acknowledged, fullError, reopenedRevision, integrity, readOnlyError, readOnlyUnchanged: readFileSync(path).equals(bytes) };
}
