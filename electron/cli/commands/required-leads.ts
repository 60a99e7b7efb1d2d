import { parseArgs } from 'node:util';
import { formatNumber, formatPercent } from '../../../shared/i18n';
import { UsageError, type CommandRun } from '../command';
import { numberOption, table } from './simulation-text';

export const requiredLeadsCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        probability: { type: 'string' },
        trials: { type: 'string' },
        seed: { type: 'string' },
        scenario: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    if (values.target === undefined) throw new UsageError('--target ID is required');
    const probability = numberOption('probability', values.probability);
    const trials = numberOption('trials', values.trials);
    const seed = numberOption('seed', values.seed);
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const r = await cli.call('simulation.requiredLeads', {
      targetId: values.target,
      ...(probability !== undefined ? { probability } : {}),
      ...(trials !== undefined ? { trials } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.scenario !== undefined ? { scenarioId: values.scenario } : {}),
    });
    // The shape first; why a target cannot be reached only when it cannot.
    const out = {
      target: r.target,
      probability: r.probability,
      multiplier: r.multiplier,
      attainment: r.attainment,
      leadsPerMonth: r.leadsPerMonth,
      ...(r.reachable ? {} : { reachable: false, reason: r.reason, message: r.message }),
    };
    if (values.json) {
      cli.out(`${JSON.stringify(out)}\n`);
      return 0;
    }
    if (!r.reachable) {
      cli.out(`Target ${r.target} cannot be reached by lead volume alone: ${r.message}\n`);
      return 0;
    }
    const rows = [['segment', 'leads per month'], ...Object.entries(r.leadsPerMonth ?? {}).map(([id, n]) => [id, formatNumber(n, 'en', 1)])];
    cli.out(
      `Target ${r.target}: attained with probability ${formatPercent(r.attainment, 'en', 1)} (asked ${formatPercent(r.probability, 'en', 1)}) ` +
        `when every lead volume is multiplied by ${formatNumber(r.multiplier!, 'en', 3)}.\n\n${table(rows)}\n`,
    );
    return 0;
  },
};
