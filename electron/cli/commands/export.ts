import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError, type CommandRun } from '../command';

export const exportCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string' }, out: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    if (values.format !== undefined && values.format !== 'json') throw new UsageError(`unknown --format "${values.format}" (known: json)`);
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const { json } = await cli.call('file.exportJson', {});
    if (values.out === undefined) {
      cli.out(json);
      return 0;
    }
    const out = cli.path(values.out);
    // Written beside and renamed: an existing file is replaced whole or not at all.
    const temp = `${out}.${process.pid}.tmp`;
    writeFileSync(temp, json, 'utf8');
    renameSync(temp, out);
    cli.err(`wrote ${out}\n`);
    return 0;
  },
};
