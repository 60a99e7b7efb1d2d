// Crash safety: a child process commits edits in a loop and is killed with
// SIGKILL at random moments, hundreds of times. After every kill the plan
// must reopen through our store, pass integrity_check, and hold every edit the
// child reported committed (and nothing half-done): revision, history, and
// content all agree.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFile, openPlanFile, readRevision } from '../../electron/store';
import { crashPlan, FILLER_COUNT, FILLERS_EVERY } from './crash-plan';

const ROOT = join(import.meta.dirname, '../..');
const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const LANES = 2; // two writers on two files at once: the machines have two cores
const MAX_DELAY_MS = 25;

let work: string;
let bundle: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  // Inside the project, so the bundle's `import 'better-sqlite3'` resolves to node_modules.
  work = mkdtempSync(join(ROOT, '.tmp', 'crash-'));
  bundle = join(work, 'crash-child.mjs');
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: bundle,
    logLevel: 'silent',
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A journal with its magic number written: the kill landed while the commit
 * was writing the database file itself (with synchronous=FULL the magic is
 * only written once the journal is synced, just before that), so SQLite must
 * roll the file back on the next open. Kills earlier in a transaction leave
 * the file untouched.
 */
function hotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  if (!existsSync(journal)) return false;
  const buf = Buffer.alloc(8);
  const fd = openSync(journal, 'r');
  const n = readSync(fd, buf, 0, 8, 0);
  closeSync(fd);
  return n === 8 && buf.some((b) => b !== 0);
}

interface Outcome {
  /** The last revision the child printed (printed only after its commit returned). */
  reported: number | null;
  stderr: string;
}

/** Spawns a writer, kills it with SIGKILL after a random delay, and returns what it reported. */
function runAndKill(path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      // Killed at a random moment after its first commit, so every run adds at least one.
      if (!killed && /^open\n\d+\n/.test(out)) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * MAX_DELAY_MS);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped on its own (code ${code}): ${stderr}`));
      const lines = out.split('\n');
      lines.pop(); // a line cut off by the kill was never completely reported
      const numbers = lines.filter((l) => /^\d+$/.test(l)).map(Number);
      resolve({ reported: numbers.length ? numbers[numbers.length - 1]! : null, stderr });
    });
  });
}

/** Reopens through the store and checks the file against what the writer reported. Returns the revision. */
function verify(path: string, atLeast: number): number {
  const file = openPlanFile(path, { appVersion: 'crash-verify' });
  try {
    const db = file.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const revision = readRevision(db);
    // Every reported commit is there; at most one more finished between its commit and its print.
    expect(revision).toBeGreaterThanOrEqual(atLeast);
    expect(revision).toBeLessThanOrEqual(atLeast + 1);
    const history = db.prepare('SELECT count(*) AS n, coalesce(max(revision), 0) AS top FROM changes').get();
    expect(history).toEqual({ n: revision, top: revision });
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(*) FROM customers WHERE id LIKE 'k-%'")).toBe(revision);
    if (revision > 0) {
      expect(count('SELECT count(*) FROM customers WHERE id = ?'.replace('?', `'k-${revision}'`))).toBe(1);
      expect(db.prepare('SELECT name FROM plan_settings').pluck().get()).toBe(`commit ${revision}`);
    }
    const fillers = revision > 0 && revision % FILLERS_EVERY === 0 ? FILLER_COUNT : 0;
    expect(count("SELECT count(*) FROM customers WHERE id LIKE 'f-%'")).toBe(fillers);
    // Positions are dense and unique: the order survived whole.
    expect(db.prepare('SELECT count(*) AS n, count(DISTINCT position) AS d, max(position) AS top FROM customers').get()).toEqual({
      n: revision + fillers + 2,
      d: revision + fillers + 2,
      top: revision + fillers + 1,
    });
    return revision;
  } finally {
    file.close();
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs of a process committing edits`, async () => {
    const stats = { kills: 0, hot: 0, commits: 0 };
    const lane = async (n: number) => {
      const path = createPlanFile(join(work, `lane-${n}.salesplan`), crashPlan(), { appVersion: 'crash-test' });
      let revision = 0;
      for (let k = 0; k < KILLS / LANES; k++) {
        const { reported } = await runAndKill(path);
        stats.kills++;
        if (hotJournal(path)) stats.hot++;
        revision = verify(path, Math.max(revision, reported ?? 0));
      }
      stats.commits += revision;
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    console.log(`crash test: ${stats.kills} kills, ${stats.commits} commits survived, ${stats.hot} kills landed while a commit wrote the database (hot journal rolled back on reopen)`);
    expect(stats.kills).toBe(KILLS);
    expect(stats.commits).toBeGreaterThan(KILLS);
    expect(stats.hot).toBeGreaterThan(0);
    // The bench runs 1,000 kills (CRASH_KILLS): allow 1.5 s each on a busy machine.
  }, Math.max(300_000, KILLS * 1500));
});
