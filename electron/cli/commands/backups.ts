// `backups FILE` and `restore FILE --from N`: the rolling backups the app
// keeps of a plan file in its data folder ($SALESPLAN_HOME or the OS's app
// data folder), listed newest first, and putting one back. These work on a
// file that no longer opens (damaged or deleted), so they use the store
// directly instead of opening the file through the API.
import { parseArgs } from 'node:util';
import { listBackups, restoreBackup } from '../../store';
import { UsageError, type CommandRun } from '../command';

export const backupsCommand: CommandRun = {
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const path = cli.path(positionals[0]!);
    const list = listBackups(cli.backupsRoot, path);
    if (list.length === 0) {
      cli.out(`${path} has no backups (in ${cli.backupsRoot})\n`);
      return 0;
    }
    cli.out(`backups of ${path}, newest first:\n`);
    for (const b of list) cli.out(`${String(b.n).padStart(3)}  ${b.takenAt}  ${String(b.sizeBytes).padStart(12)} bytes  ${b.kind}\n`);
    cli.out(`restore one with: restore ${positionals[0]} --from N\n`);
    return 0;
  },
};

export const restoreCommand: CommandRun = {
  async run(args, cli) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' } } });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const n = Number(values.from);
    if (values.from === undefined || !Number.isInteger(n) || n < 1) throw new UsageError('--from N must be a backup number (1 = the newest; see "backups FILE")');
    const path = cli.path(positionals[0]!);
    const entry = restoreBackup(cli.backupsRoot, path, n, cli.storeOptions);
    cli.out(`restored ${path} from backup ${n} (${entry.takenAt})\n`);
    return 0;
  },
};
