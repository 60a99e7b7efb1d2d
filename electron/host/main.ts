// `npm run web -- [--port N] [--data-dir DIR] [--lang en|zh-CN] [FILE]`:
// opens the plan (FILE, else the most recent, else a copy of the demo), serves
// the built renderer and the API on 127.0.0.1, and prints the page URL (token
// included) as the FIRST line on stdout — scripts and the e2e fixture read
// it, so nothing may be printed before it. Everything else goes to stderr.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlannerApp, defaultDataDir } from '../services/app';
import { startHost, type Host } from './server';

interface Args {
  port: number;
  dataDir: string;
  lang?: 'en' | 'zh-CN';
  rendererDir: string;
  file?: string;
}

const USAGE = 'usage: web [--port N] [--data-dir DIR] [--lang en|zh-CN] [--renderer-dir DIR] [FILE]';

function parseArgs(argv: string[]): Args {
  const here = dirname(fileURLToPath(import.meta.url));
  const args: Args = { port: 0, dataDir: '', rendererDir: resolve(here, '../../out/renderer') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--port') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be 0..65535\n${USAGE}`);
      args.port = n;
    } else if (a === '--data-dir') args.dataDir = resolve(value());
    else if (a === '--renderer-dir') args.rendererDir = resolve(value());
    else if (a === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'zh-CN') throw new Error(`--lang must be en or zh-CN\n${USAGE}`);
      args.lang = v;
    } else if (a === '--help' || a === '-h') {
      process.stderr.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (args.file) throw new Error(`only one FILE may be given\n${USAGE}`);
    else args.file = resolve(a);
  }
  args.dataDir ||= defaultDataDir();
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(resolve(args.rendererDir, 'index.html')))
    throw new Error(`the renderer is not built (${args.rendererDir}/index.html is missing): run "npx electron-vite build"`);
  const app = createPlannerApp({ dataDir: args.dataDir, openPath: args.file, lang: args.lang });
  let host: Host;
  try {
    // The browser page names files by typing them: confined to the data folder (caller-paths.ts).
    host = await startHost({ app: app.forCaller('browser'), port: args.port, rendererDir: args.rendererDir });
  } catch (e) {
    app.close();
    throw e;
  }
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(`Sales Strategy Planner: serving ${args.dataDir} on 127.0.0.1:${host.port} (Ctrl+C to stop)\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: closing\n`);
    await host.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
