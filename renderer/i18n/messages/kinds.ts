import type { Area } from '../message.ts';

/** What the views call the run's objects: the kinds of lanes and generator objects. */
export const kinds = {
  main: { en: 'main program', 'zh-TW': '主程式' },
  scheduler: { en: 'scheduler', 'zh-TW': '排程器' },
  generator: { en: 'generator', 'zh-TW': '產生器' },
  coroutine: { en: 'coroutine', 'zh-TW': '協程' },
  asyncGenerator: { en: 'async generator', 'zh-TW': '非同步產生器' },
  task: { en: 'task', 'zh-TW': '任務' },
} satisfies Area;
