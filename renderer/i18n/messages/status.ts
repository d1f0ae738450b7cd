import type { Area } from '../message.ts';

/** The toolbar's one-line run status. */
export const status = {
  loading: { en: 'Python is loading… {percent}%', 'zh-TW': 'Python 載入中… {percent}%' },
  pythonFailed: { en: 'Python could not start', 'zh-TW': 'Python 無法啟動' },
  ready: { en: 'Ready', 'zh-TW': '就緒' },
  opened: {
    en: 'Opened {name}: {events, plural, one {# event} other {# events}}',
    'zh-TW': '已開啟 {name}:{events, number} 個事件',
  },
  opening: {
    en: 'Opening {name}… {events, plural, one {# event} other {# events}}',
    'zh-TW': '正在開啟 {name}… {events, number} 個事件',
  },
  running: {
    en: 'Running: {events, plural, one {# event} other {# events}}',
    'zh-TW': '執行中:{events, number} 個事件',
  },
  waiting: {
    en: 'Waiting for input: {events, plural, one {# event} other {# events}}',
    'zh-TW': '等待輸入:{events, number} 個事件',
  },
  paused: {
    en: 'Paused: {events, plural, one {# event} other {# events}}',
    'zh-TW': '已暫停:{events, number} 個事件',
  },
  ended: {
    en: '{ending}: {events, plural, one {# event} other {# events}}',
    'zh-TW': '{ending}:{events, number} 個事件',
  },
  endedIn: {
    en: '{ending}: {events, plural, one {# event} other {# events}} in {time}',
    'zh-TW': '{ending}:{events, number} 個事件,耗時 {time}',
  },
  ms: { en: '{ms, number} ms', 'zh-TW': '{ms, number} 毫秒' },
  seconds: { en: '{s, number, ::.0} s', 'zh-TW': '{s, number, ::.0} 秒' },
  endOk: { en: 'Finished', 'zh-TW': '已完成' },
  endError: { en: 'Ended with an error', 'zh-TW': '因錯誤而結束' },
  endStopped: { en: 'Stopped', 'zh-TW': '已停止' },
  endTimeout: { en: 'Stopped at its time limit', 'zh-TW': '達到時間上限而停止' },
  endLimit: { en: 'Stopped at its event limit', 'zh-TW': '達到事件數上限而停止' },
  endDeadlock: { en: 'Deadlocked', 'zh-TW': '死結' },
  endUnknown: { en: 'Ended', 'zh-TW': '已結束' },
} satisfies Area;
