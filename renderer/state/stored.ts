/** Reads and writes small JSON values in localStorage, tolerating a missing or broken store. */

export function loadStored<T extends object>(key: string, defaults: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return { ...defaults };
    // Keep only known keys whose type matches the default's, so an old or edited store cannot break the app.
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as (keyof T)[]) {
      const v = (parsed as Record<keyof T, unknown>)[k];
      if (typeof v === typeof defaults[k]) out[k] = v as T[keyof T];
    }
    return out;
  } catch {
    return { ...defaults };
  }
}

export function saveStored(key: string, value: object): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled store only costs the remembered settings.
  }
}
