// What a CLI command is. Each lives in commands/<name>.ts and is listed in
// commands/index.ts; simulate, required-leads and sensitivity plug in the same way.
import type { PlannerCli } from './context';

export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s) shown by `<command> --help` and on a usage error. */
  usage: string;
  /** Returns the exit code: 0 success, 1 failure, 2 wrong usage. */
  run(args: string[], cli: PlannerCli): Promise<number>;
}

/** Wrong usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
