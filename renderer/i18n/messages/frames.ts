import type { Area } from '../message.ts';

/** The Frames and objects view, the await tree and "run to here". */
export const frames = {
  show: { en: 'Variables', 'zh-TW': '變數' },
  showTitle: {
    en: 'Show the frames, their variables and the objects they share at the cursor',
    'zh-TW': '顯示游標所在時刻的框架、變數與它們共用的物件',
  },
  title: { en: 'Frames and objects', 'zh-TW': '框架與物件' },
  at: { en: 'after event {at}', 'zh-TW': '事件 {at} 之後' },
  asking: { en: 'running the program again to event {at}…', 'zh-TW': '重新執行程式到事件 {at}…' },
  stack: { en: 'Call stack', 'zh-TW': '呼叫堆疊' },
  offStack: { en: 'Generators and coroutines off the stack', 'zh-TW': '不在堆疊上的產生器與協程' },
  running: { en: 'line {line}', 'zh-TW': '第 {line} 行' },
  suspended: { en: 'suspended at line {line}', 'zh-TW': '暫停在第 {line} 行' },
  created: { en: 'not started', 'zh-TW': '尚未開始' },
  finished: { en: 'finished', 'zh-TW': '已結束' },
  noVariables: { en: 'no variables', 'zh-TW': '沒有變數' },
  more: { en: '… {count, number} more', 'zh-TW': '… 還有 {count, number} 個' },
  truncated: {
    en: 'More objects are reachable than are drawn: the others show as their type.',
    'zh-TW': '可達的物件多於畫出的數量:其餘的只顯示型別。',
  },
  empty: { en: 'Run a program to see its variables here.', 'zh-TW': '執行程式後,這裡會顯示它的變數。' },
  failed: { en: 'The variables could not be shown: {message}', 'zh-TW': '無法顯示變數:{message}' },
  awaits: { en: 'Who awaits whom', 'zh-TW': '誰在等待誰' },
  awaitsTask: { en: '{name} awaits', 'zh-TW': '{name} 等待' },
  runToHere: { en: 'Run to line {line}', 'zh-TW': '執行到第 {line} 行' },
  lineNeverRuns: {
    en: 'Line {line} does not run after this moment.',
    'zh-TW': '第 {line} 行在這之後不會再執行。',
  },
} satisfies Area;
