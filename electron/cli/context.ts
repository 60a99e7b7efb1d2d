// What a CLI command gets: output streams, the working folder, and the same
// API handlers the app uses, over a session that remembers nothing between
// runs (no recent list; a pre-migration backup goes beside the file).
// Everything heavy is loaded on first use (the API's schemas and handlers
// on the first `call`): a command pays only for what it needs.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgOf, MethodName, ParsedArgOf, ResultOf } from '../../shared/api/contract';
import type { Dispatch, Handler } from '../../shared/api/dispatch';
import { ApiError } from '../../shared/api/result';
import { defaultDataDir } from '../services/data-dir';
import { osUserName } from '../services/os-user';
import { PlannerSession } from '../services/session';
import type { StoreOptions } from '../store';
import { APP_VERSION } from '../services/version';

/**
 * Monte Carlo runs up to this many trials run in the CLI's own thread; larger
 * ones are shared between this thread and the worker pool (`callerRuns`,
 * simulate.ts). A worker's start and the warm-up of its compiled code cost
 * ≈ 0.1 s, which its share wins back only above ≈ 1,000 bench-plan trials;
 * docs/simulation-runs.md, CLI.
 */
export const CLI_INLINE_TRIALS = 1000;

/**
 * The methods a command may call with `direct`: their handlers come from
 * their area's module alone, without the dispatcher, the API's argument
 * schemas (zod) and every other handler — ≈ 1.2 MB of code whose loading took
 * `simulate` ≈ 0.1 s before its run could start (docs/simulation-runs.md, CLI).
 */
export type DirectMethod = 'plan.get' | 'simulation.run' | 'simulation.wait' | 'simulation.reforecast';

const DIRECT_HANDLERS: { [M in DirectMethod]: () => Promise<Handler<M, PlannerSession>> } = {
  'plan.get': async () => (await import('../services/handlers/plan')).planHandlers['plan.get'],
  'simulation.run': async () => (await import('../services/handlers/simulation')).simulationHandlers['simulation.run'],
  'simulation.wait': async () => (await import('../services/handlers/simulation')).simulationHandlers['simulation.wait'],
  'simulation.reforecast': async () => (await import('../services/handlers/simulation')).simulationHandlers['simulation.reforecast'],
};

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export interface PlannerCli extends CliIo {
  call<M extends MethodName>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>>;
  /**
   * A method's handler without the API's argument schemas, for an argument
   * the CLI built itself from checked values, which the schema could not
   * refuse (a user's id goes through `call`: its schema names what is wrong
   * with it). A failure prints as it would through `call`.
   */
  direct<M extends DirectMethod>(method: M, arg: ParsedArgOf<M>): Promise<ResultOf<M>>;
  /** file.open (the header and integrity checks, then the store's open) without the API's argument schemas. */
  open(p: string): Promise<void>;
  /** Opens a plan file and reads it: `open` then plan.get, so a command that only reads loads no zod. */
  read(p: string): Promise<ResultOf<'plan.get'>>;
  /** A path argument resolved against the working folder. */
  path(p: string): string;
  /** Reads a plan-format JSON file, refusing one over 50 MB before reading it. */
  readPlanJson(p: string): Promise<string>;
  /** The app's backups folder (backups FILE, restore FILE). */
  backupsRoot: string;
  /** How the store opens files in this run (restore FILE). */
  readonly storeOptions: StoreOptions;
  close(): void;
}

export function createCli(io: CliIo, lang: 'en' | 'zh-CN' = 'en'): PlannerCli {
  // The app's backups folder, to list and restore them; the CLI takes no automatic backups.
  const backupsRoot = join(defaultDataDir(), 'backups');
  let session: PlannerSession | null = null;
  const use = () =>
    (session ??= new PlannerSession({ lang, actor: osUserName(), appVersion: APP_VERSION, backupsRoot, inlineTrials: CLI_INLINE_TRIALS }));
  let dispatch: Promise<Dispatch<PlannerSession>> | null = null;
  const dispatcher = () =>
    (dispatch ??= Promise.all([import('../../shared/api/dispatch'), import('../services/handlers')]).then(([d, h]) =>
      d.createDispatcher(h.handlers),
    ));
  const path = (p: string) => resolve(io.cwd, p);
  const direct = async <M extends DirectMethod>(method: M, arg: ParsedArgOf<M>): Promise<ResultOf<M>> => {
    const [handler, { withFileErrors }] = await Promise.all([DIRECT_HANDLERS[method](), import('../services/handlers/file-errors')]);
    // As through the dispatcher: a page found damaged while reading names the file.
    return (await withFileErrors(handler as Handler<DirectMethod, PlannerSession>)(arg as never, use())) as ResultOf<M>;
  };
  const open = async (p: string) => {
    await use().openChecked(path(p));
  };
  return {
    ...io,
    path,
    backupsRoot,
    get storeOptions() {
      return use().storeOptions();
    },
    async call(method, arg) {
      const res = await (await dispatcher())(method, arg, use());
      if (!res.ok) throw new ApiError(res.error.code, res.error.message, res.error.details);
      return res.value as never;
    },
    direct,
    open,
    async read(p) {
      await open(p);
      return direct('plan.get', {});
    },
    async readPlanJson(p) {
      const { MAX_PLAN_BYTES } = await import('../../shared/plan/parse');
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
    close: () => session?.close(),
  };
}
