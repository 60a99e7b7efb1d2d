// `export` of reports from the command line, in its own process: the run it
// makes when none is stored (and says so), the language, a destination it
// cannot write (named, nothing left behind), and no Chromium for a PDF.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, type Run } from './cli-helpers';
import { demoJson } from './export-helpers';
import { tempDir } from './store-helpers';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function cliWithEnv(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, join(ROOT, 'electron/cli/main.ts'), ...args], { cwd, env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function planFile(dir: string): Promise<void> {
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(demoJson('zh-CN')));
  expect((await cli(dir, 'import', 'plan.json', 'plan.salesplan')).code).toBe(0);
}

describe('CLI export of reports', () => {
  it('runs a simulation when none is stored (saying so), then reuses it; writes the report in --lang', async () => {
    const dir = tempDir();
    await planFile(dir);
    const first = await cli(dir, 'export', 'plan.salesplan', '--format', 'html', '--lang', 'zh-CN');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('ran one for the report');
    const html = readFileSync(join(dir, 'plan.html'), 'utf8');
    expect(html).toContain('执行摘要');
    expect(html).toContain(demoJson('zh-CN').phases[1]!.name);
    const again = await cli(dir, 'export', 'plan.salesplan', '--format', 'html', '--out', 'again.html');
    expect(again).toMatchObject({ code: 0, stderr: `wrote ${join(dir, 'again.html')}\n` });
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toContain('Executive summary');
  });

  it('fails with the path and reason when --out cannot be written, leaving no file', async () => {
    const dir = tempDir();
    await planFile(dir);
    const out = join(dir, 'missing-folder', 'r.xlsx');
    const r = await cli(dir, 'export', 'plan.salesplan', '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(out);
    expect(r.stderr).toContain('ENOENT');
    expect(existsSync(out)).toBe(false);
    // A folder where the file should go: refused, and no temporary file beside it.
    mkdirSync(join(dir, 'taken.pdf'));
    const taken = await cli(dir, 'export', 'plan.salesplan', '--format', 'html', '--out', 'taken.pdf');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(join(dir, 'taken.pdf'));
    expect(readdirSync(dir).filter((f) => f.includes('export-tmp'))).toEqual([]);
  });

  it('says how to get Chromium when there is none for a PDF', async () => {
    const dir = tempDir();
    await planFile(dir);
    const r = await cliWithEnv(dir, { CHROMIUM_PATH: join(dir, 'no-chromium') }, 'export', 'plan.salesplan', '--format', 'pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`CHROMIUM_PATH is ${join(dir, 'no-chromium')}, but there is no executable Chromium there`);
    expect(existsSync(join(dir, 'plan.pdf'))).toBe(false);
  });
});
