// Shared by the export tests: run an export through the API, and the real
// tools that open exported files (poppler, LibreOffice headless).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/api/methods/export';
import type { Plan } from '../../shared/plan/types';
import type { Harness } from './store-helpers';
import { demoJson as demoPlanJson, tempDir } from './store-helpers';

/** A demo plan with 1,000 trials: the report's run takes a fraction of the plan's 10,000 (CI has 2 cores). */
export function demoJson(lang: 'en' | 'zh-CN' = 'en'): Plan {
  const plan = demoPlanJson(lang);
  plan.plan.trials = 1000;
  return plan;
}

export async function exportTo(
  h: Harness,
  format: ExportFormat,
  path: string,
  opts: { lang?: 'en' | 'zh-CN'; scenarioId?: string | null; paper?: 'A4' | 'Letter' } = {},
): Promise<string> {
  const { exportId } = await h.call('export.start', { format, path, lang: opts.lang ?? 'en', ...(opts.scenarioId !== undefined ? { scenarioId: opts.scenarioId } : {}), ...(opts.paper ? { paper: opts.paper } : {}) });
  await h.call('export.wait', { exportId });
  return path;
}

export function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * LibreOffice headless with its own profile. The profile makes it always
 * recalculate formulas on load: by default it trusts the cached results of
 * files that say they come from Excel, which would prove nothing.
 */
export function libreOffice(file: string, to: string): string {
  const profile = tempDir('lo-profile-');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const outDir = tempDir('lo-out-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  const name = file.split('/').pop()!.replace(/\.[^.]+$/, '');
  return join(outDir, `${name}.${to.split(':')[0]}`);
}
