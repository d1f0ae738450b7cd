#!/usr/bin/env node
// npm links the `bin` of dependencies into node_modules/.bin, never the project's own, so
// `npx yieldscope` in a fresh checkout would find nothing. Run after `npm install` (postinstall).
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'node_modules', '.bin');
const cli = join(root, 'main', 'cli', 'yieldscope.js');
mkdirSync(bin, { recursive: true });
const link = join(bin, 'yieldscope');
rmSync(link, { force: true });
if (process.platform === 'win32') {
  writeFileSync(`${link}.cmd`, `@node "${cli}" %*\r\n`);
} else {
  symlinkSync(relative(bin, cli), link);
}
