// What a CLI command gets: output streams, the working folder, and the same
// API handlers the app uses, over a session that remembers nothing between
// runs (no recent list; a pre-migration backup goes beside the file).
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgOf, MethodName, ResultOf } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/result';
import { MAX_PLAN_BYTES } from '../../shared/plan/parse';
import { defaultDataDir, osUserName } from '../services/app';
import { handlers } from '../services/handlers';
import { PlannerSession } from '../services/session';
import type { StoreOptions } from '../store';
import { APP_VERSION } from '../services/version';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface PlannerCli extends CliIo {
  call<M extends MethodName>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
  /** A path argument resolved against the working folder. */
  path(p: string): string;
  /** Reads a plan-format JSON file, refusing one over 50 MB before reading it. */
  readPlanJson(p: string): string;
  /** The app's backups folder (backups FILE, restore FILE). */
  backupsRoot: string;
  storeOptions: StoreOptions;
  close(): void;
}

export function createCli(io: CliIo, lang: 'en' | 'zh-CN' = 'en'): PlannerCli {
  // The app's backups folder, to list and restore them; the CLI takes no automatic backups.
  const session = new PlannerSession({ lang, actor: osUserName(), appVersion: APP_VERSION, backupsRoot: join(defaultDataDir(), 'backups') });
  const dispatch = createDispatcher(handlers);
  const path = (p: string) => resolve(io.cwd, p);
  return {
    ...io,
    path,
    backupsRoot: session.options.backupsRoot!,
    storeOptions: session.storeOptions(),
    async call(method, arg) {
      const res = await dispatch(method, arg, session);
      if (!res.ok) throw new ApiError(res.error.code, res.error.message, res.error.details);
      return res.value as never;
    },
    readPlanJson(p) {
      const abs = path(p);
      let size: number;
      try {
        size = statSync(abs).size;
      } catch {
        throw new ApiError('file_not_found', `There is no file at ${abs}`);
      }
      if (size > MAX_PLAN_BYTES)
        throw new ApiError('invalid_plan', `${abs} is ${(size / 1048576).toFixed(1)} MB; plans over 50 MB are refused`);
      const bytes = readFileSync(abs);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new ApiError('invalid_plan', `${abs} is not UTF-8 text`);
      }
    },
    close: () => session.close(),
  };
}
