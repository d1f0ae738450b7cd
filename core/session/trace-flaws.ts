/**
 * Why a trace file cannot be read, in every language of the interface. A reader (native, JSON
 * Lines, the event builder) knows the reason but not the file's name: it names a flaw, a key of
 * these tables and its values, and says it in English for its error's message. readTraceFile, which
 * knows the name, turns the flaw into a problem of the same key (see problems.ts), so the page says
 * the whole sentence in one language: the file, the line, the reason.
 *
 * Values are the file's own content (a kind, a field, JSON it held) or numbers, the same in every
 * language.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang, Text } from './lesson.ts';

/** The values of a flaw's `{arguments}`: problems' values (problems.ts). */
export type FlawValues = Record<string, string | number>;

/** What is wrong with a file as a whole. */
const fileFlaws = {
  traceNoSignature: {
    en: 'not a Yieldscope trace: the file does not start with the trace signature',
    'zh-TW': '不是 Yieldscope 追蹤:檔案開頭沒有追蹤的簽章',
  },
  traceHeaderCut: {
    en: 'truncated: the file ends inside its header',
    'zh-TW': '不完整:檔案在標頭中間就結束了',
  },
  traceWrongVersion: {
    en: 'wrong version: the file is trace format version {version}, this Yieldscope reads versions {oldest} to {newest}',
    'zh-TW': '版本不對:這個檔案是第 {version} 版的追蹤格式,這個 Yieldscope 讀取第 {oldest} 到第 {newest} 版',
  },
  traceHeaderSize: {
    en: 'corrupt: the header does not match the size of the file',
    'zh-TW': '已損壞:標頭與檔案的大小不符',
  },
  traceInflate: {
    en: 'truncated or corrupt: the compressed event data cannot be read ({detail})',
    'zh-TW': '不完整或已損壞:無法讀取壓縮的事件資料({detail})',
  },
  traceDataShort: {
    en: 'truncated: the event data is shorter than its header says',
    'zh-TW': '不完整:事件資料比標頭所說的短',
  },
  traceDataLong: {
    en: 'corrupt: the event data is longer than its header says',
    'zh-TW': '已損壞:事件資料比標頭所說的長',
  },
  traceDataEnds: { en: 'truncated: the event data ends early', 'zh-TW': '不完整:事件資料提早結束了' },
  traceNumberLong: {
    en: 'corrupt: a number in the event data is too long',
    'zh-TW': '已損壞:事件資料中有一個數字太長',
  },
  traceKindCode: {
    en: 'corrupt: event {event} has unknown kind code {kindCode}',
    'zh-TW': '已損壞:事件 {event} 的種類代碼 {kindCode} 無法辨認',
  },
  traceExtraBytes: {
    en: 'corrupt: {count} unexpected bytes after the string table',
    'zh-TW': '已損壞:字串表之後多出 {count} 個位元組',
  },
  traceTimeEncoding: {
    en: 'corrupt: unknown time encoding {encoding}',
    'zh-TW': '已損壞:無法辨認的時間編碼 {encoding}',
  },
  traceNumberRange: {
    en: 'corrupt: event {event} holds a number out of range',
    'zh-TW': '已損壞:事件 {event} 含有超出範圍的數字',
  },
  traceStringsUtf8: {
    en: 'corrupt: the string table is not valid UTF-8',
    'zh-TW': '已損壞:字串表不是有效的 UTF-8',
  },
  traceStringsLengths: {
    en: 'corrupt: the string table does not match its lengths',
    'zh-TW': '已損壞:字串表與它記錄的長度不符',
  },
  traceFieldOutside: {
    en: 'corrupt: event {event} ({kind}) field {field} points outside the string table',
    'zh-TW': '已損壞:事件 {event}({kind})的欄位 {field} 指向字串表之外',
  },
  traceFieldBool: {
    en: 'corrupt: event {event} ({kind}) field {field} is {value}, not true or false',
    'zh-TW': '已損壞:事件 {event}({kind})的欄位 {field} 是 {value},不是布林值',
  },
  traceNoEvents: { en: 'not a trace: the file holds no events', 'zh-TW': '不是追蹤:檔案裡沒有任何事件' },
  traceCountMismatch: {
    en: 'truncated: the header announces {announced} events, the file holds {held}',
    'zh-TW': '不完整:標頭說有 {announced} 個事件,檔案裡只有 {held} 個',
  },
  traceOtherFormat: {
    en: 'not a trace: the header names format {format}, not {expected}',
    'zh-TW': '不是追蹤:標頭寫的格式是 {format},不是 {expected}',
  },
} satisfies Record<string, Text>;

/** What is wrong with one line of a JSON Lines trace: the builder's reasons, and the reader's own. */
export const lineFlaws = {
  lineNotJson: { en: 'not valid JSON', 'zh-TW': '不是有效的 JSON' },
  lineHeaderEvents: {
    en: "the header's events must be a count, got {got}",
    'zh-TW': '標頭的事件數必須是非負整數,實際是 {got}',
  },
  eventNotObject: { en: 'an event must be an object', 'zh-TW': '事件必須是一個物件' },
  eventUnknownKind: { en: 'unknown kind {kind}', 'zh-TW': '無法辨認的種類 {kind}' },
  eventSeq: { en: 'seq is {seq}, expected {expected}', 'zh-TW': '序號是 {seq},應該是 {expected}' },
  eventTime: {
    en: 't must be a number of nanoseconds ≥ 0, got {got}',
    'zh-TW': '時間必須是 ≥ 0 的奈秒數,實際是 {got}',
  },
  eventObj: {
    en: 'obj must be an integer object id, got {got}',
    'zh-TW': '物件編號必須是整數,實際是 {got}',
  },
  eventLine: {
    en: 'line must be a line number ≥ 1, got {got}',
    'zh-TW': '行號必須是 ≥ 1 的數字,實際是 {got}',
  },
  eventNoField: { en: '{kind} has no field {field}', 'zh-TW': '{kind} 沒有欄位 {field}' },
  eventFieldType: {
    en: '{kind} field {field} must be {type, select, str {a string} obj {an object id (integer)} int {a 32-bit integer} bool {true or false} other {a finite number}}, got {got}',
    'zh-TW':
      '{kind} 的欄位 {field} 必須是{type, select, str {字串} obj {物件編號(整數)} int {32 位元整數} bool {布林值} other {有限的數字}},實際是 {got}',
  },
} satisfies Record<string, Text>;

/** `texts`, each said after `prefix` (in its language). */
function after<K extends string>(prefix: Text, texts: Record<K, Text>): Record<K, Text> {
  const entries = Object.entries<Text>(texts).map(([key, t]) => [
    key,
    { en: prefix.en + t.en, 'zh-TW': prefix['zh-TW'] + t['zh-TW'] },
  ]);
  return Object.fromEntries(entries) as Record<K, Text>;
}

/** A reader's flaws as it says them, a line's with its number. */
const readerFlaws = {
  ...fileFlaws,
  ...after({ en: 'bad line {line}: ', 'zh-TW': '第 {line} 行有誤:' }, lineFlaws),
};

/** The flaws naming their file: problems (problems.ts). */
export const namedFlaws = after({ en: '{name}: ', 'zh-TW': '{name}:' }, readerFlaws);

export type FlawKey = keyof typeof readerFlaws;
export type LineFlawKey = keyof typeof lineFlaws;

/** A flaw as a value: which, and the values of its `{arguments}` (no name yet). */
export interface Flaw {
  key: FlawKey;
  values?: FlawValues;
}

/** A flaw said by its reader, in `lang`. */
export function flawText(lang: Lang, { key, values }: Flaw): string {
  return String(new IntlMessageFormat(readerFlaws[key][lang], lang).format(values));
}

/** A line's flaw without its line, as the event builder says it of one event. */
export function lineFlawText(lang: Lang, key: LineFlawKey, values?: FlawValues): string {
  return String(new IntlMessageFormat(lineFlaws[key][lang], lang).format(values));
}
