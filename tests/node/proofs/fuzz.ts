// The fuzz proof: fast-check generates or mutates JSON plans, CSV text and
// XLSX workbooks (zip bombs, deep nesting, huge strings, `__proto__` keys,
// flipped bytes). Each must give a valid result or a typed error — never an
// exception of another kind — within 2 s and 512 MB, without polluting
// Object.prototype; a rejected JSON import leaves the store as it was.
// tests/node/reliability.test.ts runs a few hundred; the bench 100,000.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '../../../shared/plan/parse';
import { GridLimitError, parseCsvText } from '../../../shared/import';
import type { Plan } from '../../../shared/plan/types';
import type { PlannerApp } from '../../../electron/services/app';
import { readWorkbook } from '../../../electron/services/spreadsheet';
import { SpreadsheetRefusal } from '../../../electron/services/spreadsheet-errors';
import { checkWorkbookLimits } from '../../../electron/services/spreadsheet-scan';

export interface FuzzTally {
  cases: number;
  accepted: number;
  refused: number;
  /** An exception that is not the typed error of that input. */
  untyped: string[];
  slowestMs: number;
  /** The most the process's resident memory grew during one case. */
  peakGrowthMb: number;
  /** The process's resident memory at its highest (the bench process holds other figures' data too). */
  peakRssMb: number;
  polluted: boolean;
  /** A rejected import that left a file behind or changed the open plan. */
  storeChanged: string[];
}

export function emptyFuzzTally(): FuzzTally {
  return { cases: 0, accepted: 0, refused: 0, untyped: [], slowestMs: 0, peakGrowthMb: 0, peakRssMb: 0, polluted: false, storeChanged: [] };
}

/** Where a case starts: the time, and the memory the process holds. */
function start(): { t0: number; rss0: number } {
  return { t0: performance.now(), rss0: process.memoryUsage().rss };
}

function measure(tally: FuzzTally, { t0, rss0 }: { t0: number; rss0: number }): void {
  tally.cases++;
  tally.slowestMs = Math.max(tally.slowestMs, performance.now() - t0);
  const rss = process.memoryUsage().rss;
  tally.peakGrowthMb = Math.max(tally.peakGrowthMb, (rss - rss0) / 1048576);
  tally.peakRssMb = Math.max(tally.peakRssMb, rss / 1048576);
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined) tally.polluted = true;
}

// ---- JSON plans ----

/** Sets `value` at a random place in a copy of `doc` (by walking random keys). */
function mutateAt(doc: unknown, path: number[], value: unknown, protoKey: boolean): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const step of path) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = node[keys[step % keys.length]!];
    if (typeof next !== 'object' || next === null) {
      node[keys[step % keys.length]!] = value;
      return copy;
    }
    node = next as Record<string, unknown>;
  }
  if (protoKey) return JSON.parse(JSON.stringify(copy).replace(/^\{/, '{"__proto__":{"polluted":1,"isAdmin":true},'));
  const keys = Object.keys(node);
  if (keys.length > 0) node[keys[path.length % keys.length]!] = value;
  return copy;
}

function jsonPlanText(base: Plan): fc.Arbitrary<string> {
  const deep = fc.integer({ min: 1000, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
  const hugeString = fc.integer({ min: 100_000, max: 3_000_000 }).map((n) => JSON.stringify({ ...base, plan: { ...base.plan, name: 'x'.repeat(n) } }));
  const mutated = fc
    .tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), fc.boolean())
    .map(([path, value, proto]) => JSON.stringify(mutateAt(base, path, value, proto && path.length % 2 === 0)));
  const protoEverywhere = fc
    .constantFrom('customers', 'phases', 'funnels', 'people')
    .map((k) => JSON.stringify(base).replace(`"${k}":[{`, `"${k}":[{"__proto__":{"polluted":1},"constructor":{"prototype":{"isAdmin":true}},`));
  const garbage = fc.oneof(fc.string({ maxLength: 2000 }), fc.json({ maxDepth: 4 }));
  // Valid edits too (any text as the plan's name), so the accepting path is fuzzed as well as the refusals.
  const renamed = fc
    .string({ minLength: 1, maxLength: 200 })
    .filter((name) => name.trim() === name && name !== '')
    .map((name) => JSON.stringify({ ...base, plan: { ...base.plan, name } }));
  return fc.oneof({ arbitrary: mutated, weight: 6 }, { arbitrary: renamed, weight: 1 }, { arbitrary: protoEverywhere, weight: 1 }, { arbitrary: garbage, weight: 2 }, { arbitrary: deep, weight: 1 }, { arbitrary: hugeString, weight: 1 });
}

function checkJson(text: string, tally: FuzzTally): boolean {
  const t0 = start();
  let ok = false;
  try {
    const r = parsePlanText(text);
    if (r.ok) ok = true;
    else if (!Array.isArray(r.issues) || r.issues.length === 0) tally.untyped.push(`json: refused without issues: ${text.slice(0, 80)}`);
  } catch (e) {
    tally.untyped.push(`json: ${String(e).slice(0, 200)} for ${text.slice(0, 80)}`);
  }
  if (ok) tally.accepted++;
  else tally.refused++;
  measure(tally, t0);
  return ok;
}

/** Every `importEvery`th case also goes through file.importJson; a refusal must leave no file and the open plan as it was. */
export async function fuzzJsonPlans(base: Plan, runs: number, tally: FuzzTally, app?: { app: PlannerApp; dir: string; importEvery: number }, seed = 1): Promise<void> {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(jsonPlanText(base), async (text) => {
      const ok = checkJson(text, tally);
      if (app && n++ % app.importEvery === 0 && text.length < 5_000_000) {
        const before = await app.app.dispatch('plan.get', {});
        const target = join(app.dir, `fuzz-${n}.salesplan`);
        const res = await app.app.dispatch('file.importJson', { json: text, path: target });
        if (!res.ok) {
          const after = await app.app.dispatch('plan.get', {});
          if (existsSync(target)) tally.storeChanged.push(`import left ${target} behind`);
          if (JSON.stringify(after) !== JSON.stringify(before)) tally.storeChanged.push(`import ${n} changed the open plan`);
        } else if (!ok) tally.untyped.push(`import accepted what parsePlanText refused (${n})`);
      }
      return true;
    }),
    { numRuns: runs, seed },
  );
}

// ---- CSV ----

function csvText(): fc.Arbitrary<string> {
  const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('"', '""', '"a,b"', '\r\n', '\n', ';', '\t', '中文', '=SUM(A1)', '__proto__'));
  const grid = fc
    .tuple(fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 60 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([rows, d, nl]) => rows.map((r) => r.join(d)).join(nl));
  const wide = fc.integer({ min: 200, max: 5000 }).map((n) => `${'a,'.repeat(n)}a\n`);
  const longCell = fc.integer({ min: 30_000, max: 200_000 }).map((n) => `name\n"${'y'.repeat(n)}`);
  const quotes = fc.integer({ min: 1, max: 100_000 }).map((n) => '"'.repeat(n));
  return fc.oneof({ arbitrary: grid, weight: 8 }, { arbitrary: wide, weight: 1 }, { arbitrary: longCell, weight: 1 }, { arbitrary: quotes, weight: 1 }, { arbitrary: fc.string({ maxLength: 500 }), weight: 2 });
}

export async function fuzzCsv(runs: number, tally: FuzzTally, seed = 2): Promise<void> {
  await fc.assert(
    fc.asyncProperty(csvText(), async (text) => {
      const t0 = start();
      try {
        const { rows } = parseCsvText(text);
        if (!Array.isArray(rows)) tally.untyped.push('csv: no rows');
        tally.accepted++;
      } catch (e) {
        if (e instanceof GridLimitError) tally.refused++;
        else tally.untyped.push(`csv: ${String(e).slice(0, 200)}`);
      }
      measure(tally, t0);
      return true;
    }),
    { numRuns: runs, seed },
  );
}

// ---- XLSX ----

/** Checks the limits and reads the workbook as the worker does, in this thread (the worker only adds isolation). */
async function readLikeTheWorker(bytes: Buffer): Promise<'read' | 'refused'> {
  try {
    checkWorkbookLimits(bytes);
    await readWorkbook(bytes);
    return 'read';
  } catch (e) {
    // The worker turns any failure of a file it could not read into a typed 'unreadable' refusal.
    if (e instanceof SpreadsheetRefusal || e instanceof Error) return 'refused';
    throw e;
  }
}

export async function fuzzXlsx(seedFiles: Buffer[], runs: number, tally: FuzzTally, seed = 3): Promise<void> {
  const mutation = fc.tuple(
    fc.nat({ max: seedFiles.length - 1 }),
    fc.constantFrom('flip', 'truncate', 'splice'),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 16 }),
  );
  await fc.assert(
    fc.asyncProperty(mutation, async ([which, how, edits]) => {
      const bytes = Buffer.from(seedFiles[which]!);
      let input = bytes;
      if (how === 'flip') for (const [at, v] of edits) bytes[at % bytes.length] = v;
      else if (how === 'truncate') input = bytes.subarray(0, edits[0]![0] % bytes.length);
      else input = Buffer.concat([bytes.subarray(0, edits[0]![0] % bytes.length), Buffer.from(edits.map(([, v]) => v)), bytes.subarray(edits[0]![0] % bytes.length)]);
      const t0 = start();
      try {
        if ((await readLikeTheWorker(input)) === 'read') tally.accepted++;
        else tally.refused++;
      } catch (e) {
        tally.untyped.push(`xlsx: ${String(e).slice(0, 200)}`);
      }
      measure(tally, t0);
      return true;
    }),
    { numRuns: runs, seed },
  );
}
