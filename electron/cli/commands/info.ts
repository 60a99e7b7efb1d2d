import { parseArgs } from 'node:util';
import { COLLECTION_KINDS } from '../../../shared/api/contract';
import { addMonths } from '../../../shared/plan/months';
import { UsageError, type CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'name, currency, horizon, counts, schema version and size of a plan file',
  usage: 'info FILE',
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const { file, revision, plan } = await cli.call('plan.get', {});
    const s = plan.plan;
    const rows: [string, string | number][] = [
      ['name', s.name],
      ['currency', s.currency],
      ['horizon', `${s.startMonth} … ${addMonths(s.startMonth, s.horizonMonths - 1)} (${s.horizonMonths} months)`],
      ...COLLECTION_KINDS.map((k): [string, number] => [k, (plan[k] ?? []).length]),
      ['actuals', (plan.actuals ?? []).length],
      ['tiering', plan.tiering ? `${plan.tiering.method}, ${plan.tiering.scope}: S ${plan.tiering.S}, A ${plan.tiering.A}, B ${plan.tiering.B}` : 'none'],
      ['revision', revision],
      ['schema version', file.schemaVersion],
      ['file size', `${file.sizeBytes} bytes`],
      ['path', file.path],
    ];
    const width = Math.max(...rows.map(([k]) => k.length)) + 1;
    cli.out(rows.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}\n`).join(''));
    return 0;
  },
};
