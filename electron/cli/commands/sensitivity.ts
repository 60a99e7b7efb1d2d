import { parseArgs } from 'node:util';
import type { SensitivityInput } from '../../../shared/simulation';
import { UsageError, type CommandRun } from '../command';
import { formatValue, numberOption, table } from './simulation-text';

function inputName(i: SensitivityInput): string {
  switch (i.kind) {
    case 'conversion':
      return `conversion ${i.funnelId}/${i.stageKey}`;
    case 'days':
      return `days ${i.funnelId}/${i.stageKey}`;
    case 'leads':
      return `leads ${i.segmentId}`;
    case 'dealSize':
      return `deal size ${i.funnelId}`;
    default: {
      const never: never = i;
      return String(never);
    }
  }
}

export const sensitivityCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        metric: { type: 'string' },
        phase: { type: 'string' },
        trials: { type: 'string' },
        seed: { type: 'string' },
        scenario: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const trials = numberOption('trials', values.trials);
    const seed = numberOption('seed', values.seed);
    await cli.call('file.open', { path: cli.path(positionals[0]!) });
    const r = await cli.call('simulation.sensitivity', {
      ...(values.metric !== undefined ? { metric: values.metric as never } : {}),
      ...(values.phase !== undefined ? { phaseId: values.phase } : {}),
      ...(trials !== undefined ? { trials } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(values.scenario !== undefined ? { scenarioId: values.scenario } : {}),
    });
    if (values.json) {
      cli.out(`${JSON.stringify(r)}\n`);
      return 0;
    }
    const { plan } = await cli.call('plan.get', {});
    const fmt = (v: number | null) => formatValue(r.metric, v, plan.plan.currency);
    const pct = Math.round(r.delta * 100);
    const rows = [
      ['input', `−${pct} %`, `+${pct} %`, 'swing'],
      ...r.items.map((it) => [inputName(it.input), fmt(it.low), fmt(it.high), fmt(it.swing)]),
    ];
    cli.out(
      `Median ${r.metric} over ${r.phaseId ?? 'the horizon'}: ${fmt(r.base)} (${r.trials.toLocaleString('en')} trials per step, seed ${r.seed})\n\n${table(rows)}\n`,
    );
    return 0;
  },
};
