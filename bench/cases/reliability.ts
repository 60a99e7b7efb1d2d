// Reliability and security proofs (issue 13), with figures: hostile XLSX
// answered fast and small; the rolling backup of a 50,000-customer plan;
// 1,000 kill -9 of a writer; 1,000+ corrupt-file variants × open / info /
// import; 100,000 fuzz cases (JSON plans, CSV, XLSX); disk full and
// read-only media. The same code runs in small counts in
// tests/node/reliability.test.ts, crash.test.ts and import-limits.test.ts.
// Counts are failures (budget 0); details of any failure go to stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookIsolated } from '../../electron/services/spreadsheet-isolated';
import { createPlanFile, openPlanFile, takeBackup } from '../../electron/store';
import { createPlannerApp } from '../../electron/services/app';
import { farColumnXlsx, farRowXlsx, longCellXlsx, lyingSizeXlsx, manyEntriesXlsx, xlsxSeeds, zipBombXlsx } from '../../tests/node/hostile-xlsx';
import { corruptFileProof, type ProofTally } from '../../tests/node/proofs/corrupt-files';
import { diskProof, tryMountTmpfs, unmount } from '../../tests/node/proofs/disk';
import { emptyFuzzTally, fuzzCsv, fuzzJsonPlans, fuzzXlsx, type FuzzTally } from '../../tests/node/proofs/fuzz';
import { smallPlan } from '../../tests/node/store-plans';
import { customers50kPlan } from '../plans/customers-50k';
import type { BenchCase } from './types';

const ROOT = join(import.meta.dirname, '../..');
const KILLS = Number(process.env.BENCH_KILLS ?? 1000);
const CORRUPT_VARIANTS = Number(process.env.BENCH_CORRUPT ?? 1000);
const FUZZ = { json: 40_000, csv: 50_000, xlsx: 10_000 };

function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** One measurement shared by several figures: run once, on first use. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= fn());
}

function report(what: string, problems: string[]): number {
  for (const p of problems.slice(0, 20)) process.stderr.write(`${what}: ${p}\n`);
  return problems.length;
}

// ---- hostile XLSX ----

const hostile = once(async () => {
  const files = [await farColumnXlsx(200), await farRowXlsx(), await longCellXlsx(), await zipBombXlsx(8), await manyEntriesXlsx(), await lyingSizeXlsx()];
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  let slowest = 0;
  const accepted: string[] = [];
  try {
    for (const [i, bytes] of files.entries()) {
      const t0 = performance.now();
      try {
        await readWorkbookIsolated(`hostile-${i}.xlsx`, bytes);
        accepted.push(`hostile workbook ${i} was read`);
      } catch {
        // Refused, as it must be.
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
  } finally {
    clearInterval(sampler);
  }
  if (accepted.length) throw new Error(accepted.join('; '));
  return { slowest, growthMb: (peak - base) / 1048576 };
});

// ---- backups ----

const backup = once(async () => {
  const dir = tmp('bench-backup-');
  try {
    const path = createPlanFile(join(dir, 'big.salesplan'), customers50kPlan(), { appVersion: 'bench' });
    const file = openPlanFile(path, { appVersion: 'bench' });
    try {
      let last = performance.now();
      let longestBlock = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longestBlock = Math.max(longestBlock, now - last);
        last = now;
      }, 1);
      const t0 = performance.now();
      await takeBackup(file.db, join(dir, 'backups'), path, {});
      const ms = performance.now() - t0;
      clearInterval(timer);
      return { ms, longestBlock };
    } finally {
      file.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- crash: the crash test, with 1,000 kills ----

const crash = once(
  () =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/node/crash.test.ts'], {
        cwd: ROOT,
        env: { ...process.env, CRASH_KILLS: String(KILLS) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => {
        if (code !== 0) process.stderr.write(`crash proof:\n${out.slice(-4000)}\n`);
        resolve(code === 0 ? 0 : 1);
      });
    }),
);

// ---- corrupt files ----

const corrupt = once(async (): Promise<ProofTally> => {
  const dir = tmp('bench-corrupt-');
  try {
    return await corruptFileProof(dir, smallPlan(), CORRUPT_VARIANTS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- fuzzing ----

const fuzz = once(async (): Promise<FuzzTally> => {
  const tally = emptyFuzzTally();
  const dataDir = tmp('bench-fuzz-');
  const app = createPlannerApp({ dataDir, actor: 'bench' });
  try {
    const demo = (await app.dispatch('plan.get', {})) as { ok: true; value: { plan: Parameters<typeof fuzzJsonPlans>[0] } };
    await fuzzJsonPlans(demo.value.plan, FUZZ.json, tally, { app, dir: dataDir, importEvery: 200 });
    await fuzzCsv(FUZZ.csv, tally);
    await fuzzXlsx(await xlsxSeeds(), FUZZ.xlsx, tally);
    await app.backupsIdle();
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return tally;
});

// ---- disk full / read-only ----

const disk = once(async (): Promise<number | null> => {
  const mount = tmp('bench-disk-');
  if (process.getuid?.() !== 0 || !tryMountTmpfs(mount, 1024)) {
    process.stderr.write('disk proof: cannot mount a tmpfs here (needs root); not run\n');
    return null;
  }
  const dataDir = tmp('bench-disk-data-');
  try {
    const p = await diskProof(mount, dataDir, smallPlan());
    const problems: string[] = [];
    if (p.fullError?.reason !== 'disk_full') problems.push(`full disk: ${JSON.stringify(p.fullError)}`);
    if (p.integrity !== 'ok') problems.push(`integrity after full disk: ${p.integrity}`);
    if (p.reopenedRevision !== p.acknowledged) problems.push(`acknowledged ${p.acknowledged}, reopened ${p.reopenedRevision}`);
    if (p.readOnlyError?.reason !== 'read_only') problems.push(`read-only: ${JSON.stringify(p.readOnlyError)}`);
    if (!p.readOnlyUnchanged) problems.push('read-only file changed');
    return report('disk proof', problems);
  } finally {
    unmount(mount);
    rmSync(mount, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});

export const reliabilityCases: BenchCase[] = [
  { name: 'Hostile XLSX (6 kinds, in the worker): slowest refusal', unit: 'ms', budget: 2000, run: async () => (await hostile()).slowest },
  { name: 'Hostile XLSX: process memory growth while refusing', unit: 'MB', budget: 200, run: async () => (await hostile()).growthMb },
  { name: 'Rolling backup of a 50,000-customer plan (backup API + quick_check)', unit: 'ms', budget: 1000, run: async () => (await backup()).ms },
  { name: 'Rolling backup: longest event-loop block meanwhile', unit: 'ms', budget: 100, run: async () => (await backup()).longestBlock },
  { name: `Crash: ${KILLS.toLocaleString('en-US')} kill -9 of a writer — runs with a lost edit or failed check`, unit: 'count', budget: 0, run: crash },
  {
    name: `Corrupt files: ${CORRUPT_VARIANTS.toLocaleString('en-US')} variants × open/info/import — crashes`,
    unit: 'count',
    budget: 0,
    run: async () => report('corrupt crash', (await corrupt()).crashes),
  },
  { name: 'Corrupt files: refused files with a changed byte', unit: 'count', budget: 0, run: async () => report('corrupt modified', (await corrupt()).modified) },
  { name: 'Corrupt files: refusals not naming the file', unit: 'count', budget: 0, run: async () => report('corrupt unclear', (await corrupt()).unclear) },
  { name: 'Corrupt files: attempts refused (of 3 per variant)', unit: 'count', budget: null, run: async () => (await corrupt()).refused },
  {
    name: `Fuzz: ${(FUZZ.json + FUZZ.csv + FUZZ.xlsx).toLocaleString('en-US')} cases (JSON ${FUZZ.json / 1000}k, CSV ${FUZZ.csv / 1000}k, XLSX ${FUZZ.xlsx / 1000}k) — untyped errors`,
    unit: 'count',
    budget: 0,
    run: async () => report('fuzz untyped', (await fuzz()).untyped),
  },
  { name: 'Fuzz: prototype pollution or store changed on rejection', unit: 'count', budget: 0, run: async () => (await fuzz()).storeChanged.length + ((await fuzz()).polluted ? 1 : 0) },
  { name: 'Fuzz: slowest case', unit: 'ms', budget: 2000, run: async () => (await fuzz()).slowestMs },
  { name: 'Fuzz: most memory one case added', unit: 'MB', budget: 512, run: async () => (await fuzz()).peakGrowthMb },
  { name: 'Fuzz: peak memory of the bench process (all figures so far)', unit: 'MB', budget: null, run: async () => (await fuzz()).peakRssMb },
  {
    name: 'Disk full (1 MB tmpfs) and read-only media — failed checks',
    unit: 'count',
    budget: 0,
    run: async () => {
      const n = await disk();
      if (n === null) throw new Error('not run: mounting a tmpfs needs root');
      return n;
    },
  },
];
