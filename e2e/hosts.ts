/**
 * Starting the app for the tests: the browser edition's server (`npm run serve`, whose printed URL
 * carries the page token), or the desktop app through Playwright's `_electron`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface ServedApp {
  url: string;
  close(): Promise<void>;
  /** What the server printed so far, and how it ended if it did: attached to a failed test. */
  output(): string;
}

const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\S*token=[\w-]+)/;

/**
 * Starts `npm run serve` (with `env` added to its environment) and resolves with the URL it prints.
 * With YIELDSCOPE_E2E_URL set, drives that already running server instead (for debugging a spec
 * against a server you watch).
 */
export function serve(env: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  const given = process.env.YIELDSCOPE_E2E_URL;
  if (given) return Promise.resolve({ url: given, close: async () => undefined, output: () => '' });
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, BROWSER: 'none' },
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`npm run serve printed no URL within 60 s:\n${output}`)),
      60_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      stop(child);
      reject(error);
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({ url: match[1], close: () => stop(child), output: () => output });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code, signal) => {
      output += `\n[npm run serve exited: code ${code}, signal ${signal}]\n`;
      fail(new Error(`npm run serve exited with ${code}:\n${output}`));
    });
  });
}

/** Ends the server and everything it started (npm runs it in a process group of its own). */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      done();
    }
  });
}

/** Electron's binary, or why there is none (`npm install` could not download it here). */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    if (existsSync(path)) return { path };
    return { missing: `Electron's binary is not at ${path}` };
  } catch {
    return { missing: "Electron's binary is not installed here (npm install could not download it)" };
  }
}
