// Parsing the command line and running one command. Exit codes: 0 success,
// 1 the command failed (one line on stderr; validate and import list every
// problem), 2 wrong usage.
import { ApiError } from '../../shared/api/result';
import type { PlanIssue } from '../../shared/plan/rules';
import { UsageError, type CliCommand } from './command';
import { COMMANDS } from './commands';
import { createCli, type CliIo } from './context';

const PROGRAM = 'salesplan';

function help(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options. FILE is a .salesplan plan file.`,
    '',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  return `usage: ${PROGRAM} ${c.usage}\n${c.summary}\n`;
}

function issuesOf(e: ApiError): PlanIssue[] {
  const issues = (e.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as PlanIssue[]) : [];
}

export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === args[0]) : undefined;
    (name === undefined ? io.err : io.out)(topic ? commandHelp(topic) : help(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`error: unknown command "${name}" (run "${PROGRAM} --help" for the list)\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  const cli = createCli(io);
  try {
    return await command.run(args, cli);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${(e as Error).message}\nusage: ${PROGRAM} ${command.usage}\n`);
      return 2;
    }
    if (e instanceof ApiError) {
      io.err(`error: ${e.message}\n`);
      const issues = issuesOf(e);
      // The plan module (and its schemas) only when there is a list to print.
      if (issues.length > 1) io.err(`${(await import('../../shared/plan/parse')).formatIssues(issues)}\n`);
      return 1;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    cli.close();
  }
}
