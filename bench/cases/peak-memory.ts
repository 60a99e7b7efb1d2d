// Peak memory of this process, for the bench's child processes that measure
// one piece of work alone. On Linux the peak is VmHWM from /proc/self/status:
// `resourceUsage().maxRSS` (getrusage) carries the parent's RSS over fork and
// exec, so after the 2-worker case it printed the parent's ~300 MB instead of
// a simulation's ~140, and the 50,000-customer workbook's figure read 562 MB
// late in a whole bench run against 206 MB alone.
import { readFileSync } from 'node:fs';

/** Peak resident memory of this process so far, in MB. */
export function peakMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: getrusage's figure below
  }
  return process.resourceUsage().maxRSS / 1024;
}
