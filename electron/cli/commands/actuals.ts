// `actuals`: the plan's monthly actuals — list them, or import a sheet of
// them (CSV or XLSX: month, metric, value, optional segment). An import is
// all or nothing and one undoable edit: every row is checked first (month
// inside the horizon, known metric and segment, one value per month, metric
// and segment), and a sheet with any problem changes nothing.
import { parseArgs } from 'node:util';
import { readActualsGrid } from '../../../shared/actuals';
import { catalogs, interpolate } from '../../../shared/i18n';
import { UsageError, type CommandRun } from '../command';
import { readHistory } from './calibrate';
import { table } from './simulation-text';

export const actualsCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { import: { type: 'string' }, replace: { type: 'boolean' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    if (values.replace && values.import === undefined) throw new UsageError('--replace goes with --import');
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const { plan } = await cli.call('plan.get', {});
    if (values.import !== undefined) {
      const grid = await readHistory(cli.path(values.import));
      const read = readActualsGrid(grid, {
        startMonth: plan.plan.startMonth,
        horizonMonths: plan.plan.horizonMonths,
        currency: plan.plan.currency,
        segments: plan.segments,
      });
      if (!read.ok) {
        for (const p of read.problems) cli.err(`error: ${interpolate(catalogs.en[p.key], p.params, 'en')}\n`);
        cli.err('nothing was changed\n');
        return 1;
      }
      const { value } = values.replace
        ? await cli.call('actuals.replace', { actuals: read.actuals })
        : await cli.call('actuals.set', { cells: read.actuals.map((a) => ({ ...a, value: a.value })) });
      if (values.json) cli.out(`${JSON.stringify({ imported: read.actuals.length, actuals: value })}\n`);
      else cli.out(`imported ${read.actuals.length} actuals (${values.replace ? 'replacing all earlier ones' : 'earlier values of the same month, metric and segment overwritten'}); the plan has ${value.length}\n`);
      return 0;
    }
    const actuals = plan.actuals ?? [];
    if (values.json) {
      cli.out(`${JSON.stringify(actuals)}\n`);
      return 0;
    }
    if (actuals.length === 0) {
      cli.out('the plan has no actuals\n');
      return 0;
    }
    const rows = [['month', 'metric', 'segment', 'value'], ...actuals.map((a) => [a.month, a.metric, a.segmentId ?? '(whole plan)', String(a.value)])];
    cli.out(`${table(rows, 1)}\n`);
    return 0;
  },
};
