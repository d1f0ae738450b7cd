/**
 * A batch's new strings as the compiled probe writes them: their UTF-8 bytes one after the other,
 * and the length of each. The worker sends them so and the host decodes them: making thousands of
 * strings, and cloning them across threads, would otherwise stall the recording thread at the
 * flush (inside whatever the program was timing).
 */
export interface EncodedStrings {
  text: Uint8Array;
  lengths: Int32Array;
  /** some string is not ASCII */
  wide: boolean;
}

const utf8 = new TextDecoder();

/** The strings, decoded at once when all are ASCII. */
export function decodeStrings({ text, lengths, wide }: EncodedStrings): string[] {
  const strings = new Array<string>(lengths.length);
  const all = wide ? '' : utf8.decode(text);
  for (let i = 0, at = 0; i < lengths.length; at += lengths[i++])
    strings[i] = wide ? utf8.decode(text.subarray(at, at + lengths[i])) : all.slice(at, at + lengths[i]);
  return strings;
}
