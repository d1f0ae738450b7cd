/**
 * `npm run serve`: the browser edition. Builds the renderer if needed, starts the loopback server
 * with a warm Python, and prints the URL to open (with `--open`, opens it too).
 *
 *   npm run serve [-- --port N] [--open]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Runner } from '../../core/run/runner.ts';
import { Session } from '../session/session.ts';
import { lessonsFolder } from '../session/lessons.ts';
import { appIsStale, buildApp } from './app-build.ts';
import { dataFolder, RENDERER_FOLDER, ROOT, SHIPPED_LESSONS, WORKER_FILE } from './places.ts';
import { startServer } from './server.ts';

const USAGE = 'usage: npm run serve [-- --port N] [--open]';

function options(): { port: number; open: boolean } {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, open: { type: 'boolean', default: false } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number (0-65535). ${USAGE}`);
  return { port, open: values.open ?? false };
}

/** Opens the URL in the user's browser where the platform has an opener; says so where it has none. */
function openBrowser(url: string): void {
  if (process.env.BROWSER === 'none') return;
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""']
        : ['xdg-open'];
  const child = spawn(command, [...args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('No browser opener found here: open the URL above yourself.'));
  child.unref();
}

async function main(): Promise<void> {
  const { port, open } = options();
  if (appIsStale(ROOT)) {
    console.log('Building the app…');
    buildApp(ROOT);
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const session = new Session({
    version,
    lessonsFolder: lessonsFolder(SHIPPED_LESSONS),
    dataFolder: dataFolder(),
    startEngine: (onProgress) => new Runner({ onProgress, workerFile: WORKER_FILE }),
  });
  const server = await startServer({ session, rendererFolder: RENDERER_FOLDER, port });
  console.log(
    `Yieldscope is running. Open this address in a browser (it carries this session's key):\n\n  ${server.url}\n`,
  );
  console.log('Press Ctrl+C to stop.');
  if (open) openBrowser(server.url);
  const stop = async () => {
    await server.close();
    await session.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
  console.error(`yieldscope serve: ${error.message}`);
  process.exit(1);
});
