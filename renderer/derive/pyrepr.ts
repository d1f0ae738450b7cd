/**
 * Splits the repr of a Python list or tuple into the reprs of its items, respecting quotes and
 * brackets: `[1, 'a, b', (2, 3)]` → `1`, `'a, b'`, `(2, 3)`. Returns null for anything else.
 */
export function splitSequenceRepr(repr: string): string[] | null {
  const s = repr.trim();
  const open = s[0];
  const close = open === '[' ? ']' : open === '(' ? ')' : null;
  if (!close || s[s.length - 1] !== close) return null;
  const body = s.slice(1, -1);
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      items.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  const rest = body.slice(from).trim();
  if (rest) items.push(rest);
  return items;
}
