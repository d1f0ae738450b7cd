import type { Area } from '../message.ts';

/** Opening programs and traces, saving and exporting traces. */
export const files = {
  label: { en: 'Files', 'zh-TW': '檔案' },
  openProgram: { en: 'Open .py…', 'zh-TW': '開啟 .py…' },
  openProgramTitle: { en: 'Open a Python program in the editor', 'zh-TW': '在編輯器中開啟 Python 程式' },
  openTrace: { en: 'Open trace…', 'zh-TW': '開啟追蹤…' },
  openTraceTitle: { en: 'Open a saved trace (Ctrl+O)', 'zh-TW': '開啟已儲存的追蹤(Ctrl+O)' },
  save: { en: 'Save', 'zh-TW': '儲存' },
  saveTitle: { en: 'Save the trace (Ctrl+S)', 'zh-TW': '儲存追蹤(Ctrl+S)' },
  jsonl: { en: 'JSON Lines', 'zh-TW': 'JSON Lines' },
  jsonlTitle: { en: 'One event per line, for your own scripts', 'zh-TW': '一行一個事件,供你自己的腳本使用' },
  chrome: { en: 'Perfetto', 'zh-TW': 'Perfetto' },
  chromeTitle: {
    en: 'Chrome Trace Event format, opens in Perfetto',
    'zh-TW': 'Chrome Trace Event 格式,可在 Perfetto 中開啟',
  },
} satisfies Area;
