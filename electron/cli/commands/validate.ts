import { parseArgs } from 'node:util';
import { formatIssues, parsePlanText } from '../../../shared/plan/parse';
import { FORMAT_VERSION } from '../../../shared/plan/types';
import { UsageError, type CommandRun } from '../command';

export const validateCommand: CommandRun = {
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one PLAN.json');
    const result = parsePlanText(await cli.readPlanJson(positionals[0]!));
    if (!result.ok) {
      cli.err(`${formatIssues(result.issues)}\n`);
      return 1;
    }
    const p = result.plan;
    const upgraded = result.fromVersion < FORMAT_VERSION ? ` (format version ${result.fromVersion}, read as ${FORMAT_VERSION})` : '';
    cli.out(`valid: "${p.plan.name}" — ${p.customers.length} customers, ${p.phases.length} phases, ${p.funnels.length} funnels${upgraded}\n`);
    return 0;
  },
};
