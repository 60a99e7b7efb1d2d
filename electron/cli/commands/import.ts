import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api/result';
import { UsageError, type CommandRun } from '../command';

export const importCommand: CommandRun = {
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 2) throw new UsageError('give PLAN.json and FILE');
    const file = cli.path(positionals[1]!);
    if (existsSync(file)) throw new ApiError('file_error', `${file} already exists; the CLI never overwrites a file`);
    const json = await cli.readPlanJson(positionals[0]!);
    const info = await cli.call('file.importJson', { json, path: file });
    const { plan } = await cli.call('plan.get', {});
    cli.out(`imported "${plan.plan.name}" into ${info.path}\n`);
    return 0;
  },
};
