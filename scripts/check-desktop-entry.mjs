// afterPack hook used only by scripts/check-builder.mjs (passed with -c.afterPack):
// writes the .desktop entry electron-builder's Linux targets (deb, AppImage)
// would generate for this configuration, computed by electron-builder's own
// LinuxTargetHelper, so the check can read its Exec and MimeType lines
// without downloading fpm or appimagetool.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export const DESKTOP_ENTRY_FILE = 'check-desktop-entry.desktop';

export default async function afterPack(context) {
  if (context.electronPlatformName !== 'linux') return;
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper');
  const helper = new LinuxTargetHelper(context.packager);
  const entry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
  writeFileSync(join(context.outDir, DESKTOP_ENTRY_FILE), entry);
}
