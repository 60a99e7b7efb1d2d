// Choosing where a plan goes when the user did not say: <dataDir>/plans/,
// named after the plan, never replacing a file that is already there.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_EXTENSION } from '../store';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name every OS accepts, from free text such as a plan's name. */
export function safeFileStem(text: string): string {
  const cleaned = text
    // Control characters are not allowed in Windows file names either.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/[. ]+$/, '');
  if (!cleaned) return 'plan';
  return WINDOWS_RESERVED.test(cleaned) ? `${cleaned}_` : cleaned;
}

/** `<dir>/<stem>.salesplan`, or `<stem> (2).salesplan`, … whichever does not exist yet. */
export function uniquePlanPath(dir: string, name: string, ext = PLAN_EXTENSION): string {
  mkdirSync(dir, { recursive: true });
  const stem = safeFileStem(name);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? `${stem}${ext}` : `${stem} (${n})${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}
