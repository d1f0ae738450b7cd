/**
 * Every text the interface shows comes from the catalogs: a component that writes English (or any
 * words) straight into its markup, an accessible name or a tooltip, or a module that builds a
 * sentence in a string, fails here, so a string added later without its translations is caught.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const RENDERER = new URL('..', import.meta.url).pathname;

/** Attributes whose text a person reads or hears. */
const SHOWN = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
]);

/**
 * Words that are the same in every language: the product's name, the names of keys on a keyboard,
 * and Python's own words (the views show code as Python spells it).
 */
const NAMES = new Set([
  'Yieldscope',
  'Home End',
  'PageUp PageDown',
  'as',
  'len',
  'maxlen',
  'StopIteration',
  'SVG',
  'PNG 2×',
]);

function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // The views' dev page is a developer's tool, and the catalogs are where texts belong.
      if (!['dev', 'messages'].includes(entry.name)) files(path, out);
    } else if (/\.(svelte|ts)$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

const words = (text: string) => /\p{L}{2,}/u.test(text) && !NAMES.has(text.trim());

/**
 * A string in code that reads as a sentence for a person: a capitalised word and more words, or one
 * word ending a sentence. (Lower-case strings are mostly names, CSS and formats, so they pass.)
 */
const sentence = (text: string) =>
  /^\p{Lu}\p{Ll}*[ \u00a0]+\p{L}/u.test(text) || /^\p{Lu}\p{Ll}+[.:!?…]$/u.test(text);

interface Attribute {
  type: string;
  name: string;
  value: true | { type: string; data?: string }[] | object;
}

interface Found {
  file: string;
  text: string;
}

function markupTexts(file: string, source: string): Found[] {
  const found: Found[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; data?: string; attributes?: Attribute[] };
    // Of an element's attributes and directives, only those a person reads or hears hold text.
    for (const a of n.attributes ?? [])
      if (a.type === 'Attribute' && SHOWN.has(a.name) && Array.isArray(a.value))
        for (const part of a.value)
          if (part.type === 'Text' && words(part.data!))
            found.push({ file, text: `${a.name}="${part.data}"` });
    if (n.type === 'Text' && words(n.data!)) found.push({ file, text: n.data!.trim() });
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && key !== 'attributes') visit(value);
  };
  visit(parse(source, { modern: true }).fragment);
  return found;
}

function scriptTexts(file: string, source: string): Found[] {
  const found: Found[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const inImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      if (!inImport && sentence(node.text) && !NAMES.has(node.text)) found.push({ file, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function scriptsOf(svelte: string): string {
  return [...svelte.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

describe('every text of the interface comes from the catalogs', () => {
  const all = files(RENDERER);
  it.each(all.map((f) => [relative(RENDERER, f), f]))('%s', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const found = file.endsWith('.svelte')
      ? [...markupTexts(file, source), ...scriptTexts(file, scriptsOf(source))]
      : scriptTexts(file, source);
    expect(found.map((f) => f.text)).toEqual([]);
  });
});
