/**
 * What the host and core refuse or fail to do, said to the user in every language of the interface:
 * a problem is a value, a key of `problems` and the values of its `{arguments}`, so it can travel to
 * the page (a session reply, an inspection) and be said there in the language shown at that moment,
 * and again in another at once when the user switches. The English sentence travels with it as the
 * error's message, for the CLI, the logs and callers that only read a message. The renderer's
 * catalog holds these texts as its `problems` area, so a text missing a language fails its test.
 *
 * An argument named `detail` is text from outside Yieldscope (the system's reason for a failed
 * write, a reader's own words) and stays as it was written, like Python's own messages.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang, Text } from './lesson.ts';
import { lessonFlaws } from './lesson-flaws.ts';
import { namedFlaws } from './trace-flaws.ts';

export const problems = {
  noTraceToSave: {
    en: 'There is no trace to save yet: run a program or open a trace first.',
    'zh-TW': '還沒有可以儲存的追蹤:請先執行程式或開啟追蹤。',
  },
  noVariablesYet: {
    en: 'There are no variables to show yet: run a program or open a trace first.',
    'zh-TW': '還沒有可以顯示的變數:請先執行程式或開啟追蹤。',
  },
  noKeptRecording: {
    en: 'No recording was kept from an earlier session.',
    'zh-TW': '沒有保留先前工作階段的記錄。',
  },
  noDialogs: {
    en: 'This host has no file dialogs: pick the file in the page instead.',
    'zh-TW': '這裡沒有檔案對話框:請改在頁面中選擇檔案。',
  },
  pythonDidNotStart: {
    en: 'Python could not start, so nothing can run: {detail}',
    'zh-TW': 'Python 無法啟動,所以什麼都無法執行:{detail}',
  },
  cannotSave: { en: 'Could not save {path}: {detail}', 'zh-TW': '無法儲存 {path}:{detail}' },
  notPython: {
    en: '{name} is not a Python program: its name must end in .py.',
    'zh-TW': '{name} 不是 Python 程式:檔名必須以 .py 結尾。',
  },
  notAFile: { en: '{path} is not a file.', 'zh-TW': '{path} 不是檔案。' },
  cannotOpen: {
    en: 'Cannot open {path}: {why, select, missing {there is no such file} denied {permission denied} other {{detail}}}.',
    'zh-TW': '無法開啟 {path}:{why, select, missing {沒有這個檔案} denied {沒有權限} other {{detail}}}。',
  },
  traceTooBig: {
    en: '{name} is too large for a trace ({size} bytes).',
    'zh-TW': '{name} 太大,不能當作追蹤開啟({size} 位元組)。',
  },
  programTooLong: {
    en: "{name} is {mb} MB: Yieldscope runs programs of up to {max} MB. Move its data into a file of the program's folder and read it from there.",
    'zh-TW':
      '{name} 有 {mb} MB:Yieldscope 最多執行 {max} MB 的程式。請把其中的資料移到程式資料夾中的一個檔案,再從那裡讀取。',
  },
  zeroByte: {
    en: "{name} is not a Python program: it holds a zero byte (at byte {at}), as binary files do. Open the .py file that holds the program's text.",
    'zh-TW':
      '{name} 不是 Python 程式:它含有零位元組(在第 {at} 個位元組),二進位檔案才會這樣。請開啟存放程式文字的 .py 檔案。',
  },
  bomAndCoding: {
    en: '{name} starts with a UTF-8 byte order mark but its coding line says {encoding}: remove one of the two.',
    'zh-TW': '{name} 以 UTF-8 位元組順序標記開頭,但它的編碼宣告行寫的是 {encoding}:請刪除其中一個。',
  },
  unknownEncoding: {
    en: '{name} names an encoding Python does not know here ({encoding}) in its coding line: write "# -*- coding: utf-8 -*-" or save it as UTF-8.',
    'zh-TW':
      '{name} 的編碼宣告行指定了這裡的 Python 不認得的編碼({encoding}):請寫成 "# -*- coding: utf-8 -*-",或把檔案存成 UTF-8。',
  },
  undecodable: {
    en: '{name} is not valid {encoding} text: {at, select, cut {its last character is cut short} other {byte {at} ({hex})}} cannot be read. Save it as UTF-8, or name its encoding in a coding line ("# -*- coding: latin-1 -*-").',
    'zh-TW':
      '{name} 不是有效的 {encoding} 文字:{at, select, cut {它的最後一個字元不完整} other {第 {at} 個位元組({hex})}},無法讀取。請把檔案存成 UTF-8,或在編碼宣告行指定它的編碼("# -*- coding: latin-1 -*-")。',
  },
  traceEmpty: {
    en: '{name}: empty file: not a trace',
    'zh-TW': '{name}:空檔案,不是追蹤',
  },
  traceTooLargeAsText: {
    en: '{name}: too large to read as text ({mb} MB): record or save big traces in the native format',
    'zh-TW': '{name}:太大,無法當作文字讀取({mb} MB):大的追蹤請用原生格式記錄或儲存',
  },
  traceNotText: {
    en: '{name}: not a trace: neither a Yieldscope trace file nor text',
    'zh-TW': '{name}:不是追蹤:既不是 Yieldscope 追蹤檔,也不是文字',
  },
  traceNotJsonl: {
    en: '{name}: not a trace: neither a Yieldscope trace file nor JSON Lines',
    'zh-TW': '{name}:不是追蹤:既不是 Yieldscope 追蹤檔,也不是 JSON Lines',
  },
  traceChrome: {
    en: '{name}: a Chrome trace export: open it in Perfetto; Yieldscope reads its .ystrace and .jsonl files',
    'zh-TW': '{name}:這是匯出的 Chrome 追蹤:請用 Perfetto 開啟;Yieldscope 讀取自己的 .ystrace 和 .jsonl 檔案',
  },
  replayNoRun: {
    en: 'This trace does not start with its run, so its program cannot be run again.',
    'zh-TW': '這個追蹤不是從它的執行開始的,所以它的程式無法再執行一次。',
  },
  replayNoSource: {
    en: 'This trace was recorded by an older Yieldscope and does not carry its program: record it again to see its variables.',
    'zh-TW': '這個追蹤是由較舊的 Yieldscope 記錄的,沒有附上它的程式:請重新記錄,才能看到它的變數。',
  },
  replayReadFolder: {
    en: 'The program read {file} from its folder, which a trace does not keep, so it cannot be run again here: run the program itself to see its variables.',
    'zh-TW':
      '程式從它的資料夾讀取了 {file},而追蹤不會保存資料夾中的檔案,所以這裡無法再執行一次:請直接執行程式本身來看它的變數。',
  },
  noEvent: {
    en: 'There is no event {at}: the trace has events 0 to {last}.',
    'zh-TW': '沒有事件 {at}:這個追蹤的事件是 0 到 {last}。',
  },
  inspectorDidNotStart: { en: 'Python could not start: {detail}', 'zh-TW': 'Python 無法啟動:{detail}' },
  snapshotFailed: {
    en: 'The variables could not be read at this event ({detail}). This is a fault of Yieldscope: please report it.',
    'zh-TW': '在這個事件無法讀取變數({detail})。這是 Yieldscope 的錯誤:請回報。',
  },
  rerunEnded: {
    en: 'The variables cannot be shown: the program, run again, ended before that event.',
    'zh-TW': '無法顯示變數:程式再執行一次時,在那個事件之前就結束了。',
  },
  rerunFailed: {
    en: 'The variables cannot be shown: running the program again failed: {detail}.',
    'zh-TW': '無法顯示變數:再執行一次程式失敗了:{detail}。',
  },
  diverged: {
    en: 'Run again, the program went differently from event {at} on (recorded: {recorded}{recordedLine, select, 0 {} other { at line {recordedLine}}}; run again: {again}{againLine, select, 0 {} other { at line {againLine}}}): it depends on something outside it, such as the time or a random number without a seed. Its variables can be shown up to event {before} only.',
    'zh-TW':
      '再執行一次時,程式從事件 {at} 起走了不同的路(記錄中是 {recorded}{recordedLine, select, 0 {} other {(第 {recordedLine} 行)}};再執行一次是 {again}{againLine, select, 0 {} other {(第 {againLine} 行)}}):它依賴程式之外的東西,例如時間或沒有種子的亂數。它的變數只能顯示到事件 {before} 為止。',
  },
  traceUnreadable: {
    en: '{name}: cannot be read ({detail})',
    'zh-TW': '{name}:無法讀取({detail})',
  },
  workerExited: {
    en: 'The Python worker exited unexpectedly (code {exitCode}).',
    'zh-TW': '執行 Python 的背景程序意外結束了(代碼 {exitCode})。',
  },
  runFailed: { en: 'The run failed: {detail}', 'zh-TW': '執行失敗:{detail}' },
  deadlock: {
    en: 'Deadlock: no task can run and none is sleeping, yet every task left waits: {names}. Only another task could wake them.',
    'zh-TW':
      '死結:沒有任務可以執行,也沒有任務在睡眠,但剩下的任務都在等待:{names}。只有另一個任務能喚醒它們。',
  },
  programFolderGone: {
    en: "cannot read the program's folder {path}: it is not a folder",
    'zh-TW': '無法讀取程式的資料夾 {path}:它不是資料夾',
  },
  programTooManyChars: {
    en: 'The program is longer than {max} characters, the most Yieldscope runs: move its data into a file of its folder and read it from there.',
    'zh-TW':
      '程式超過 {max} 個字元,這是 Yieldscope 能執行的上限:請把其中的資料移到程式資料夾中的一個檔案,再從那裡讀取。',
  },
  lineTooManyChars: {
    en: "a line of input holds at most {max} characters: put longer data in a file of the program's folder and read it from there",
    'zh-TW': '一行輸入最多 {max} 個字元:較長的資料請放進程式資料夾中的一個檔案,再從那裡讀取',
  },
  timeLimit: {
    en: 'The program ran longer than {seconds} s (the time limit).',
    'zh-TW': '程式執行超過 {seconds} 秒(時間上限)。',
  },
  eventLimit: {
    en: 'The program produced more than {max} events (the event limit).',
    'zh-TW': '程式產生了超過 {max} 個事件(事件上限)。',
  },
  outputLimit: {
    en: 'The program printed more than {mb} MB of output (the output limit).',
    'zh-TW': '程式印出了超過 {mb} MB 的輸出(輸出上限)。',
  },
  ...namedFlaws,
  ...lessonFlaws,
} satisfies Record<string, Text>;

export type ProblemKey = keyof typeof problems;
export type ProblemValues = Record<string, string | number>;

/** A problem as a value: which, and the values of its `{arguments}`. */
export interface Problem {
  key: ProblemKey;
  values?: ProblemValues;
}

/** The problem said in `lang`. */
export function problemText(lang: Lang, { key, values }: Problem): string {
  return String(new IntlMessageFormat(problems[key][lang], lang).format(values));
}

/** An error that is a problem: its message is the problem in English. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problemText('en', problem));
  }
}

/**
 * The problem an error (or a value that travelled) carries, checked, since it may come from
 * another process: undefined for an error that is not a problem, or a key this side does not know.
 */
export function problemOf(error: unknown): Problem | undefined {
  const problem = (error as { problem?: unknown } | null)?.problem;
  if (typeof problem !== 'object' || problem === null) return undefined;
  const { key, values } = problem as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || !Object.hasOwn(problems, key)) return undefined;
  if (values === undefined) return { key: key as ProblemKey };
  if (typeof values !== 'object' || values === null) return undefined;
  const entries = Object.entries(values);
  if (!entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) return undefined;
  return { key: key as ProblemKey, values: Object.fromEntries(entries) as ProblemValues };
}
