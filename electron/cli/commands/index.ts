// The CLI's commands, in the order `--help` lists them: name, one-line
// summary and usage here; the code of each in its module, imported only
// when the command runs (the CLI starts without loading what another
// command needs: zod schemas, the engine, exceljs). A new command is a
// module in this folder plus one entry here.
import type { CliCommand } from '../command';
import { lazyCommand } from '../command';
// Only names (no code): the export command's usage lists them.
import { SECTION_KINDS } from '../../../shared/report/model';

export const COMMANDS: readonly CliCommand[] = [
  lazyCommand({
    name: 'new',
    summary: 'create a plan file (blank, or a copy of the demo plan)',
    usage: 'new [--demo] [--lang en|zh-CN] [--name NAME] FILE',
    load: async () => (await import('./new')).newCommand,
  }),
  lazyCommand({
    name: 'import',
    summary: 'create a plan file from plan-format JSON (all or nothing)',
    usage: 'import PLAN.json FILE',
    load: async () => (await import('./import')).importCommand,
  }),
  lazyCommand({
    name: 'export',
    summary: 'write a plan as a PDF/HTML report, XLSX workbook, PPTX deck, CSV tables or plan-format JSON',
    usage:
      'export FILE [--format pdf|html|xlsx|pptx|csv|json] [--out PATH] [--lang en|zh-CN] [--scenario ID] [--paper A4|Letter] [--sections a,b,…]\n' +
      '  json (the default) goes to stdout without --out; csv: --out is a folder, one file per table;\n' +
      '  other formats default to FILE’s name with the format’s extension in the current folder.\n' +
      `  sections: ${SECTION_KINDS.join(', ')}`,
    load: async () => (await import('./export')).exportCommand,
  }),
  lazyCommand({
    name: 'validate',
    summary: 'check plan-format JSON; print every problem as "path: message"',
    usage: 'validate PLAN.json',
    load: async () => (await import('./validate')).validateCommand,
  }),
  lazyCommand({
    name: 'info',
    summary: 'name, currency, horizon, counts, schema version and size of a plan file',
    usage: 'info FILE',
    load: async () => (await import('./info')).infoCommand,
  }),
  lazyCommand({
    name: 'simulate',
    summary: 'simulate the funnels (Monte Carlo in worker threads, or --expected values); stores the run in the plan file',
    usage: 'simulate FILE [--trials N] [--seed S] [--scenario ID] [--expected] [--json]',
    load: async () => (await import('./simulate')).simulateCommand,
  }),
  lazyCommand({
    name: 'required-leads',
    summary: 'reverse funnel: the lead volume a target needs to be met with a probability (default 0.8)',
    usage: 'required-leads FILE --target ID [--probability Q] [--trials N] [--seed S] [--scenario ID] [--json]',
    load: async () => (await import('./required-leads')).requiredLeadsCommand,
  }),
  lazyCommand({
    name: 'sensitivity',
    summary: 'tornado: how much each input (±10 %) moves a metric\'s median over a phase or the horizon',
    usage: 'sensitivity FILE [--metric bookings] [--phase ID] [--trials N] [--seed S] [--scenario ID] [--json]',
    load: async () => (await import('./sensitivity')).sensitivityCommand,
  }),
  lazyCommand({
    name: 'calibrate',
    summary: 'suggest a funnel’s conversions, stage days, deal size and lead volume from a CRM deal history (changes the plan only with --apply)',
    usage: 'calibrate FILE --history DEALS.csv|.xlsx --funnel ID [--segment ID] --map created=COL,closed=COL,outcome=COL,value=COL[,stage=COL,id=COL,segment=COL,owner=COL] ' +
      '[--won V,...] [--lost V,...] [--open V,...] [--dates mdy|dmy] [--accept ID,...] [--json] [--apply]',
    load: async () => (await import('./calibrate')).calibrateCommand,
  }),
  lazyCommand({
    name: 'backups',
    summary: 'the automatic backups the app keeps of a plan file, newest first',
    usage: 'backups FILE',
    load: async () => (await import('./backups')).backupsCommand,
  }),
  lazyCommand({
    name: 'restore',
    summary: 'replace a plan file with one of its backups (the replaced file is kept as a backup)',
    usage: 'restore FILE --from N',
    load: async () => (await import('./backups')).restoreCommand,
  }),
  lazyCommand({
    name: 'actuals',
    summary: 'list the plan’s monthly actuals, or import them from a CSV/XLSX sheet (month, metric, value[, segment]) as one undoable edit',
    usage: 'actuals FILE [--import ACTUALS.csv|.xlsx [--replace]] [--json]',
    load: async () => (await import('./actuals')).actualsCommand,
  }),
];
