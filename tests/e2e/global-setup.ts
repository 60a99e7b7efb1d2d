// The host serves out/renderer; build it when missing (the project's test
// command builds first, so this only helps a bare `npx playwright test`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '../..');
  if (existsSync(resolve(root, 'out/renderer/index.html'))) return;
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}
