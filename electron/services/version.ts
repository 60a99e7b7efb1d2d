import pkg from '../../package.json' with { type: 'json' };

/** The app's version (package.json), recorded in plan files' meta table. */
export const APP_VERSION: string = pkg.version;
