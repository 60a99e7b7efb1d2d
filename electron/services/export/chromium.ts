// The Chromium that prints reports to PDF outside Electron (CLI, HTTP host,
// tests): CHROMIUM_PATH, else the system's. Found the same way the
// end-to-end tests find it; missing, it is a clear error, not a crash.
import { accessSync, constants } from 'node:fs';
import { ApiError } from '../../../shared/api/result';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Headless, no network of its own, nothing remote; playwright.config.ts starts the end-to-end tests' Chromium with the same list. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (executable(given)) return given;
    throw new ApiError('export_failed', `CHROMIUM_PATH is ${given}, but there is no executable Chromium there; PDF export needs one`);
  }
  const found = CHROMIUM_CANDIDATES.find(executable);
  if (!found)
    throw new ApiError(
      'export_failed',
      `PDF export needs Chromium and none was found (looked at ${CHROMIUM_CANDIDATES.join(', ')}); install it (Debian: apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return found;
}
