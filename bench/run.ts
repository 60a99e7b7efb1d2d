// Benchmark runner: `npx tsx bench/run.ts` (npm run bench). Runs every case
// of bench/cases/index.ts, prints a table and the machine, and exits
// non-zero when any figure misses its budget (after printing them all).
// `npm run bench -- WORD…` runs only the figures whose names contain a WORD.

import os from 'node:os';
import { cases } from './cases/index';
import { median } from './median';

interface Row {
  figure: string;
  measured: string;
  noise: string;
  budget: string;
  verdict: string;
}


/** Load averages (1, 5, 15 min): the machine is shared, and wall times follow its load. */
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(', ');

function fmt(x: number, unit: string): string {
  if (unit === 'count') return x.toLocaleString('en-US');
  const digits = x < 10 ? 2 : x < 100 ? 1 : 0;
  return `${x.toFixed(digits)} ${unit}`;
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.release()}, Node ${process.version}`);
  console.log(`load average at start: ${load()}`);
  const rows: Row[] = [];
  let failed = false;
  const words = process.argv.slice(2).map((w) => w.toLowerCase());
  const chosen = words.length === 0 ? cases : cases.filter((c) => words.some((w) => c.name.toLowerCase().includes(w)));
  for (const c of chosen) {
    let measured: number;
    let noise = '—';
    try {
      const m = await c.run();
      if (typeof m === 'number') measured = m;
      else {
        measured = median(m.runs);
        noise = `${m.runs.length} runs: ${fmt(Math.min(...m.runs), c.unit)} / ${fmt(measured, c.unit)} / ${fmt(Math.max(...m.runs), c.unit)}`;
      }
    } catch (e) {
      // The table gets the first line of the message; the rest goes to stderr.
      failed = true;
      const message = e instanceof Error ? e.message : String(e);
      const first = message.split('\n', 1)[0]!;
      rows.push({ figure: c.name, measured: `error: ${first.length > 80 ? `${first.slice(0, 77)}...` : first}`, noise: '—', budget: '—', verdict: 'FAIL' });
      process.stderr.write(`${c.name}: ${e instanceof Error ? (e.stack ?? message) : message}\n`);
      continue;
    }
    const pass = c.budget === null || measured <= c.budget;
    if (!pass) failed = true;
    rows.push({
      figure: c.name,
      measured: fmt(measured, c.unit),
      noise,
      budget: c.budget === null ? '—' : c.unit === 'count' ? String(c.budget) : `${c.budget} ${c.unit}`,
      verdict: c.budget === null ? '—' : pass ? 'pass' : 'FAIL',
    });
    process.stderr.write(`  done: ${c.name}\n`);
  }
  const header: Row = { figure: 'figure', measured: 'measured', noise: 'min / median / max', budget: 'budget', verdict: 'pass/fail' };
  const keys = ['figure', 'measured', 'noise', 'budget', 'verdict'] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[header, ...rows].map((r) => r[k].length))]));
  const line = (r: Row) => `| ${keys.map((k) => r[k].padEnd(width[k]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${keys.map((k) => '-'.repeat(width[k]! + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`load average at the end: ${load()}`);
  for (const cleanup of new Set(chosen.map((c) => c.cleanup).filter((f) => f !== undefined))) await cleanup();
  process.exitCode = failed ? 1 : 0;
}

await main();
