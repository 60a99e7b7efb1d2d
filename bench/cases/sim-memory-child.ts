// Child process of the peak-memory figure: runs the 10,000-trial benchmark
// simulation alone and prints its peak RSS (MB), so the figure does not
// depend on what other cases did in the parent process.
//
// On Linux the peak is VmHWM from /proc/self/status: `resourceUsage().maxRSS`
// (getrusage) carries the parent's RSS over fork and exec, so after the
// 2-worker case it printed the parent's ~300 MB instead of this run's ~140.

import { readFileSync } from 'node:fs';
import { simulate } from '../../shared/simulation';
import { benchPlan } from '../plans/simulation-bench';

simulate(benchPlan(), { trials: 10_000 });

function peakMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: getrusage's figure below
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(String(peakMb()));
