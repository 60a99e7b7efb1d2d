// A timeline of one process on stderr, for finding where its time goes:
// with SALESPLAN_TRACE=1 each trace() prints the milliseconds since the
// process started (the same clock in the worker threads, which inherit the
// start time through the environment) and the thread. Off, it costs a
// boolean test. docs/simulation-runs.md, CLI, uses it.
import { writeSync } from 'node:fs';
import { isMainThread, threadId } from 'node:worker_threads';

const on = !!process.env.SALESPLAN_TRACE;
if (on && isMainThread) process.env.SALESPLAN_TRACE_T0 ??= String(performance.timeOrigin);
const t0 = on ? Number(process.env.SALESPLAN_TRACE_T0) || performance.timeOrigin : 0;

export function trace(step: string): void {
  if (!on) return;
  const t = performance.timeOrigin + performance.now() - t0;
  writeSync(2, `trace ${t.toFixed(1).padStart(7)} ms  ${isMainThread ? 'main' : `worker ${threadId}`}  ${step}\n`);
}
