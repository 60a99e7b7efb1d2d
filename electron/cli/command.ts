// What a CLI command is. Each lives in commands/<name>.ts (its code, a
// CommandRun) and is listed in commands/index.ts (name, summary, usage, and
// how to load the code); simulate, required-leads and sensitivity plug in the same way.
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

/** A command's code: what its module exports. */
export type CommandRun = Pick<CliCommand, 'run'>;

/** A listed command whose module is imported when it runs, not when the CLI starts. */
export function lazyCommand(c: Omit<CliCommand, 'run'> & { load(): Promise<CommandRun> }): CliCommand {
  const { load, ...listed } = c;
  return { ...listed, run: async (args, cli) => (await load()).run(args, cli) };
}

/** Wrong usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
