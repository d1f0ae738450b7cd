/**
 * The desktop app's own texts, drawn by the main process rather than the page: its menu, its file
 * dialogs and its message boxes, in every language of the interface. They live here, where both the
 * main process and the renderer may import them, and the renderer's catalog holds them as its
 * `desktop` area, so a text missing a language fails the same test as any other. They are plain
 * text (no `{arguments}`): the main process shows them as they are written. The dialogs' titles say
 * what a command does, so the page's keyboard help says it with them too.
 */
import type { Lang, Text } from './lesson.ts';

export const desktop = {
  file: { en: 'File', 'zh-TW': '檔案' },
  openTrace: { en: 'Open Trace…', 'zh-TW': '開啟追蹤…' },
  openProgram: { en: 'Open Program…', 'zh-TW': '開啟程式…' },
  openRecent: { en: 'Open Recent', 'zh-TW': '開啟最近使用的檔案' },
  clearRecent: { en: 'Clear Recent', 'zh-TW': '清除最近使用的檔案' },
  noRecent: { en: 'No Recent Files', 'zh-TW': '沒有最近使用的檔案' },
  saveTrace: { en: 'Save Trace…', 'zh-TW': '儲存追蹤…' },
  exportJsonl: { en: 'Export JSON Lines…', 'zh-TW': '匯出 JSON Lines…' },
  exportChrome: { en: 'Export Chrome Trace…', 'zh-TW': '匯出 Chrome 追蹤…' },
  quit: { en: 'Quit Yieldscope', 'zh-TW': '結束 Yieldscope' },
  edit: { en: 'Edit', 'zh-TW': '編輯' },
  undo: { en: 'Undo', 'zh-TW': '復原' },
  redo: { en: 'Redo', 'zh-TW': '重做' },
  cut: { en: 'Cut', 'zh-TW': '剪下' },
  copy: { en: 'Copy', 'zh-TW': '複製' },
  paste: { en: 'Paste', 'zh-TW': '貼上' },
  selectAll: { en: 'Select All', 'zh-TW': '全選' },
  run: { en: 'Run', 'zh-TW': '執行' },
  stop: { en: 'Stop', 'zh-TW': '停止' },
  pauseResume: { en: 'Pause / Resume', 'zh-TW': '暫停/繼續' },
  step: { en: 'Step', 'zh-TW': '單步' },
  stepSwitch: { en: 'Step to Next Switch', 'zh-TW': '前進到下一次切換' },
  stepFromStart: { en: 'Step from the First Line', 'zh-TW': '從第一行開始單步執行' },
  view: { en: 'View', 'zh-TW': '檢視' },
  zoomIn: { en: 'Zoom In', 'zh-TW': '放大' },
  zoomOut: { en: 'Zoom Out', 'zh-TW': '縮小' },
  resetZoom: { en: 'Actual Size', 'zh-TW': '實際大小' },
  fullScreen: { en: 'Toggle Full Screen', 'zh-TW': '切換全螢幕' },
  presentation: { en: 'Presentation Mode', 'zh-TW': '簡報模式' },
  window: { en: 'Window', 'zh-TW': '視窗' },
  minimize: { en: 'Minimize', 'zh-TW': '最小化' },
  zoom: { en: 'Zoom', 'zh-TW': '縮放' },
  close: { en: 'Close Window', 'zh-TW': '關閉視窗' },
  about: { en: 'About Yieldscope', 'zh-TW': '關於 Yieldscope' },
  services: { en: 'Services', 'zh-TW': '服務' },
  hide: { en: 'Hide Yieldscope', 'zh-TW': '隱藏 Yieldscope' },
  hideOthers: { en: 'Hide Others', 'zh-TW': '隱藏其他' },
  showAll: { en: 'Show All', 'zh-TW': '全部顯示' },
  openTraceTitle: { en: 'Open a trace', 'zh-TW': '開啟追蹤' },
  openProgramTitle: { en: 'Open a Python program', 'zh-TW': '開啟 Python 程式' },
  saveTraceTitle: { en: 'Save the trace', 'zh-TW': '儲存追蹤' },
  exportJsonlTitle: { en: 'Export the trace as JSON Lines', 'zh-TW': '把追蹤匯出為 JSON Lines' },
  exportChromeTitle: {
    en: 'Export the trace for Perfetto (Chrome Trace)',
    'zh-TW': '把追蹤匯出給 Perfetto(Chrome 追蹤)',
  },
  traceFiles: { en: 'Traces', 'zh-TW': '追蹤' },
  programFiles: { en: 'Python programs', 'zh-TW': 'Python 程式' },
  nativeFiles: { en: 'Yieldscope trace', 'zh-TW': 'Yieldscope 追蹤' },
  jsonlFiles: { en: 'JSON Lines', 'zh-TW': 'JSON Lines' },
  chromeFiles: { en: 'Chrome Trace (Perfetto)', 'zh-TW': 'Chrome 追蹤(Perfetto)' },
  cannotOpen: { en: 'Cannot open the file', 'zh-TW': '無法開啟檔案' },
  notOpenable: {
    en: 'This file is neither a Python program (.py) nor a trace (.ystrace, .jsonl):',
    'zh-TW': '這個檔案既不是 Python 程式(.py),也不是追蹤(.ystrace、.jsonl):',
  },
} satisfies Record<string, Text>;

export type DesktopText = keyof typeof desktop;

/** The text of `key` in `lang`. */
export function desktopText(lang: Lang, key: DesktopText): string {
  return desktop[key][lang];
}
