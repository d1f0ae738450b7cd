import type { Area } from '../message.ts';

/**
 * The event at the cursor in one line, in the course's words (renderer/derive/words.ts picks the
 * message and its values from the trace). `{who}`, `{by}`: names of lanes (`main`, a generator, a
 * task); values are Python reprs as recorded (`'go'`, `5`).
 */
export const words = {
  runStart: { en: 'The program starts.', 'zh-TW': '程式開始執行。' },
  runEnd: {
    en: 'The run ends: {status, select, ok {finished} error {by an error} stopped {stopped} timeout {at its time limit} limit {at its event limit} deadlock {in a deadlock} other {{status}}}.',
    'zh-TW':
      '執行結束:{status, select, ok {已完成} error {因錯誤而結束} stopped {已停止} timeout {達到時間上限} limit {達到事件數上限} deadlock {死結} other {{status}}}。',
  },
  line: { en: '{who} runs line {line}', 'zh-TW': '{who} 執行第 {line} 行' },
  stdout: { en: '{who} prints {text}', 'zh-TW': '{who} 印出 {text}' },
  stderr: { en: '{who} writes {text} to stderr', 'zh-TW': '{who} 寫出 {text} 到 stderr' },
  error: { en: '{exc}: {message} (line {line})', 'zh-TW': '{exc}:{message}(第 {line} 行)' },
  created: {
    en: '{who} is created ({genkind}): it has not started yet',
    'zh-TW': '{who} 已建立({genkind}):還沒開始執行',
  },
  startsBy: {
    en: '{by} {how, select, for {asks its for loop for an item} yield_from {delegates with <code>yield from</code>} await {awaits it} send {calls <code>send(None)</code>} other {calls <code>next()</code>}} → {who} starts, at line {line}',
    'zh-TW':
      '{by} {how, select, for {的 for 迴圈要下一個項目} yield_from {以 <code>yield from</code> 委派} await {等待它(await)} send {呼叫 <code>send(None)</code>} other {呼叫 <code>next()</code>}} → {who} 開始執行,在第 {line} 行',
  },
  resumesBy: {
    en: '{by} {how, select, for {asks its for loop for an item} yield_from {delegates with <code>yield from</code>} await {awaits it} send {calls <code>send(None)</code>} other {calls <code>next()</code>}} → {who} resumes at line {line}',
    'zh-TW':
      '{by} {how, select, for {的 for 迴圈要下一個項目} yield_from {以 <code>yield from</code> 委派} await {等待它(await)} send {呼叫 <code>send(None)</code>} other {呼叫 <code>next()</code>}} → {who} 在第 {line} 行恢復執行',
  },
  sent: {
    en: '{by} sent {value} → {who} resumes at line {line}',
    'zh-TW': '{by} 送出 {value} → {who} 在第 {line} 行恢復執行',
  },
  startsScheduled: {
    en: 'the scheduler starts {who}, at line {line}',
    'zh-TW': '排程器讓 {who} 開始執行,在第 {line} 行',
  },
  resumesScheduled: {
    en: 'the scheduler resumes {who} at line {line}',
    'zh-TW': '排程器讓 {who} 在第 {line} 行恢復執行',
  },
  thrown: {
    en: '{by} throws {value} into {who}, at line {line}',
    'zh-TW': '{by} 把 {value} 丟進 {who},在第 {line} 行',
  },
  closing: {
    en: '{by} closes {who}: GeneratorExit at line {line}',
    'zh-TW': '{by} 關閉 {who}:在第 {line} 行引發 GeneratorExit',
  },
  yields: {
    en: '{who} yields {value} (suspended at line {line})',
    'zh-TW': '{who} 產出 {value}(暫停在第 {line} 行)',
  },
  returns: {
    en: '{who} returns {value}: its caller sees StopIteration',
    'zh-TW': '{who} 回傳 {value}:呼叫它的一方收到 StopIteration',
  },
  raises: {
    en: '{exc} leaves {who} at line {line}: {message}',
    'zh-TW': '{exc} 離開 {who},在第 {line} 行:{message}',
  },
  closed: { en: '{who} is closed', 'zh-TW': '{who} 已關閉' },
  iterFromIter: {
    en: '<code>iter()</code> of {of} gives a {name} (from <code>__iter__</code>)',
    'zh-TW': '對 {of} 呼叫 <code>iter()</code> 得到 {name}(來自 <code>__iter__</code>)',
  },
  iterFromGetitem: {
    en: '<code>iter()</code> fell back to <code>__getitem__</code> for {of}',
    'zh-TW': '<code>iter()</code> 對 {of} 改用 <code>__getitem__</code>',
  },
  iterSelf: {
    en: '{of} is its own iterator (<code>__iter__</code> returns itself)',
    'zh-TW': '{of} 就是自己的迭代器(<code>__iter__</code> 回傳自己)',
  },
  iterNext: { en: '{who} produced {value}', 'zh-TW': '{who} 產生 {value}' },
  iterStop: { en: '{who} is exhausted: StopIteration', 'zh-TW': '{who} 已耗盡:StopIteration' },
  iterStopAgain: {
    en: 'StopIteration: {who} was already exhausted',
    'zh-TW': 'StopIteration:{who} 早已耗盡',
  },
  dequeCreated: {
    en: 'deque {who} is created holding {items}, {maxlen, select, none {unbounded} other {maxlen {maxlen}}}',
    'zh-TW': '建立 deque {who},內容 {items},{maxlen, select, none {不限長度} other {maxlen {maxlen}}}',
  },
  dequeOp: {
    en: '{who}.{op}({arg}): {len, plural, one {# item} other {# items}} now',
    'zh-TW': '{who}.{op}({arg}):現在有 {len} 個項目',
  },
  dequeGave: {
    en: '{who}.{op}() gave {value}: {len, plural, one {# item} other {# items}} left',
    'zh-TW': '{who}.{op}() 取出 {value}:剩下 {len} 個項目',
  },
  dequeDropped: {
    en: '{who} dropped {dropped} from the {end, select, left {left} other {right}} end (maxlen {maxlen})',
    'zh-TW': '{who} 從{end, select, left {左} other {右}}端丟掉 {dropped}(maxlen {maxlen})',
  },
  entered: {
    en: 'with {who}: entered, <code>as</code> gets {value}',
    'zh-TW': 'with {who}:進入,<code>as</code> 得到 {value}',
  },
  exited: { en: 'with {who}: exited', 'zh-TW': 'with {who}:離開' },
  exitedRaising: {
    en: 'with {who}: exited by {exc}, which goes on',
    'zh-TW': 'with {who}:因 {exc} 離開,例外繼續往外傳',
  },
  exitedSuppressing: {
    en: 'with {who}: exited by {exc}, which <code>__exit__</code> suppressed',
    'zh-TW': 'with {who}:因 {exc} 離開,<code>__exit__</code> 把例外壓下',
  },
  spawned: { en: 'task {who} is spawned ({wraps})', 'zh-TW': '產生工作 {who}({wraps})' },
  picked: {
    en: 'the scheduler picks {who}: {policy, select, fifo {first in line (fifo: round robin)} lifo {the most recently ready (lifo)} random {at random (seed {n})} priority {priority {n}, the highest of the ready tasks (first in line among equals)} other {the next ready callback of the asyncio event loop}}',
    'zh-TW':
      '排程器選擇 {who}:{policy, select, fifo {排在最前面的(fifo:輪流執行)} lifo {最近就緒的(lifo)} random {隨機挑選(種子 {n})} priority {優先權 {n},就緒工作中最高的(相同時排在前面的優先)} other {asyncio 事件迴圈的下一個就緒回呼}}',
  },
  parked: {
    en: '{who} {on, select, sleep {sleeps {amount} s, until t = {until} s} work {computes {amount} s on {what, select, gil {the GIL} other {a core}}, until t = {until} s} cpu {waits for {what, select, gil {the GIL} other {a free core}}} join {waits for task {what} to finish} queue_get {waits: {what} is empty} queue_put {waits: {what} is full ({amount} items)} event {waits for {what} to be set} await {awaits {what}} await_task {awaits task {what}} await_future {awaits a future} other {waits on {what}}}',
    'zh-TW':
      '{who} {on, select, sleep {睡眠 {amount} 秒,到 t = {until} 秒} work {在{what, select, gil { GIL } other {一個核心}}上計算 {amount} 秒,到 t = {until} 秒} cpu {等待{what, select, gil { GIL} other {空出的核心}}} join {等待工作 {what} 完成} queue_get {等待:{what} 是空的} queue_put {等待:{what} 已滿({amount} 個項目)} event {等待 {what} 被設定} await {等待(await){what}} await_task {等待(await)工作 {what}} await_future {等待(await)一個 future} other {等待 {what}}}',
  },
  woken: {
    en: '{who} is ready again: {cause, select, free {{what, select, gil {the GIL} other {a core}} is free} workDone {its work is done at t = {at} s} timer {its sleep ended at t = {at} s} finished {task {what} finished} room {{what} has room} item {{what} has an item} set {{what} was set} other {{what}}}',
    'zh-TW':
      '{who} 再次就緒:{cause, select, free {{what, select, gil {GIL } other {一個核心}}空出來了} workDone {它的計算在 t = {at} 秒完成} timer {它在 t = {at} 秒睡醒} finished {工作 {what} 已完成} room {{what} 有空位了} item {{what} 有項目了} set {{what} 已被設定} other {{what}}}',
  },
  /** A trace of version 1 or 2 has the scheduler's reasons only as English sentences: quoted as recorded. */
  pickedRecorded: { en: 'the scheduler picks {who}: {reason}', 'zh-TW': '排程器選擇 {who}:{reason}' },
  parkedRecorded: { en: '{who} waits: {on} {detail}', 'zh-TW': '{who} 等待:{on} {detail}' },
  wokenRecorded: { en: '{who} is ready again: {reason}', 'zh-TW': '{who} 再次就緒:{reason}' },
  doneWith: { en: 'task {who} finished, returning {result}', 'zh-TW': '工作 {who} 完成,回傳 {result}' },
  doneRaising: { en: 'task {who} finished by raising {exc}', 'zh-TW': '工作 {who} 因引發 {exc} 而結束' },
  /** Followed by each waiting task as `parked` says it, separated by listSeparator. */
  deadlock: {
    en: 'Deadlock: {count, plural, one {# task waits} other {# tasks wait}} and none can run: ',
    'zh-TW': '死結:{count} 個工作仍在等待,沒有一個能執行:',
  },
  deadlockRecorded: { en: 'Deadlock: {message}', 'zh-TW': '死結:{message}' },
  listSeparator: { en: '; ', 'zh-TW': ';' },
  clock: { en: 'the virtual clock moves to {now} s', 'zh-TW': '虛擬時鐘前進到 {now} 秒' },
  stdin: { en: 'the program reads the line {text}', 'zh-TW': '程式讀入一行 {text}' },
  stdinEnded: { en: 'the program reads: the input has ended', 'zh-TW': '程式讀取輸入:輸入已結束' },
  file: {
    en: '{path}: {change, select, read {read from the folder} created {created} written {written} other {deleted}}',
    'zh-TW': '{path}:{change, select, read {從資料夾讀取} created {已建立} written {已寫入} other {已刪除}}',
  },
} satisfies Area;
