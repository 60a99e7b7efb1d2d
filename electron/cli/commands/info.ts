import { parseArgs } from 'node:util';
import type { CollectionKind } from '../../../shared/api/contract';
import { addMonths } from '../../../shared/plan/months';
import { CODECS } from '../../store';
import { UsageError, type CommandRun } from '../command';

// The collections in plan order; the store's codecs, not the API contract, which would load every zod schema.
const KINDS = Object.keys(CODECS) as CollectionKind[];

export const infoCommand: CommandRun = {
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const { file, revision, plan } = await cli.read(positionals[0]!);
    const s = plan.plan;
    const rows: [string, string | number][] = [
      ['name', s.name],
      ['currency', s.currency],
      ['horizon', `${s.startMonth} … ${addMonths(s.startMonth, s.horizonMonths - 1)} (${s.horizonMonths} months)`],
      ...KINDS.map((k): [string, number] => [k, (plan[k] ?? []).length]),
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
