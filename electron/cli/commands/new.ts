import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError } from '../../../shared/api/result';
import { UsageError, type CommandRun } from '../command';

export const newCommand: CommandRun = {
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { demo: { type: 'boolean' }, lang: { type: 'string' }, name: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE');
    const lang = values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'zh-CN') throw new UsageError('--lang must be en or zh-CN');
    const file = cli.path(positionals[0]!);
    if (existsSync(file)) throw new ApiError('file_error', `${file} already exists; the CLI never overwrites a file`);
    const info = await cli.call('file.new', { path: file, lang, ...(values.demo ? { demo: true } : {}), ...(values.name ? { name: values.name } : {}) });
    cli.out(`created ${info.path}\n`);
    return 0;
  },
};
