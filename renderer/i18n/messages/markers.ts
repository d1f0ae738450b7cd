import type { Area } from '../message.ts';

/**
 * The short labels of the timeline's markers (renderer/derive/markers.ts), where the course's own
 * words are ours; Python's (yield, send, return, StopIteration) stay Python's. `{policy}` and
 * `{on}` are the trace's names (fifo, queue.get), as the lessons and the scheduler's API write them.
 */
export const markers = {
  closed: { en: 'closed', 'zh-TW': '已關閉' },
  spawned: { en: 'spawned', 'zh-TW': '產生' },
  picked: { en: 'picked ({policy})', 'zh-TW': '選中({policy})' },
  pickedRecorded: { en: 'picked: {reason}', 'zh-TW': '選中:{reason}' },
  waits: { en: 'waits: {on}', 'zh-TW': '等待:{on}' },
  ready: { en: 'ready', 'zh-TW': '就緒' },
  done: { en: 'done', 'zh-TW': '完成' },
  failed: { en: 'failed: {exc}', 'zh-TW': '失敗:{exc}' },
  deadlock: { en: 'deadlock', 'zh-TW': '死結' },
} satisfies Area;
