import { renameSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, type Locale } from '../../../shared/i18n/translate';
import { SECTION_KINDS, type SectionKind } from '../../../shared/report/model';
import { UsageError, type CommandRun } from '../command';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, PAPER_SIZES, type ExportFormat } from '../../../shared/api/methods/export';

const FORMATS = [...EXPORT_FORMATS, 'json'] as const;
const PAPERS = PAPER_SIZES;

export const exportCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        scenario: { type: 'string' },
        paper: { type: 'string' },
        sections: { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const format = values.format ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" (known: ${FORMATS.join(', ')})`);
    const lang = values.lang ?? 'en';
    if (!isLocale(lang)) throw new UsageError(`unknown --lang "${lang}" (known: en, zh-CN)`);
    const paper = values.paper ?? 'A4';
    if (!(PAPERS as readonly string[]).includes(paper)) throw new UsageError(`unknown --paper "${paper}" (known: A4, Letter)`);
    let sections: SectionKind[] | undefined;
    if (values.sections !== undefined) {
      const list = values.sections.split(',').map((s) => s.trim());
      const bad = list.find((s) => !(SECTION_KINDS as readonly string[]).includes(s));
      if (bad !== undefined) throw new UsageError(`unknown section "${bad}" (known: ${SECTION_KINDS.join(', ')})`);
      sections = list as SectionKind[];
    }
    const file = cli.path(positionals[0]!);
    await cli.call('file.open', { path: file });

    if (format === 'json') {
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
    }

    const f = format as ExportFormat;
    const stem = basename(file, extname(file));
    const out = cli.path(values.out ?? (f === 'csv' ? `${stem}-csv` : `${stem}${EXPORT_EXTENSIONS[f]}`));
    const { exportId } = await cli.call('export.start', {
      format: f,
      path: out,
      lang: lang as Locale,
      scenarioId: values.scenario ?? null,
      paper: paper as (typeof PAPERS)[number],
      ...(sections ? { sections } : {}),
    });
    const done = await cli.call('export.wait', { exportId });
    if (done.ranSimulation) cli.err('No up-to-date simulation run was stored for this plan: ran one for the report (now stored in the plan).\n');
    cli.err(`wrote ${out}\n`);
    return 0;
  },
};
