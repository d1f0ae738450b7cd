#!/usr/bin/env node
// The `yieldscope` command. Yieldscope is written in TypeScript and run by tsx (a runtime dependency):
// this starts Node again with tsx loaded, so that the CLI and the Python worker threads it starts
// (which inherit Node's flags) can all load .ts modules.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = import.meta.resolve('tsx');
const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', tsx, entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

// Ctrl-C reaches the child too (same process group); it stops the run and still writes the trace.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('error', (e) => {
  console.error(`yieldscope: cannot start Node: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
