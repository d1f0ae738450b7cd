import type { Area } from '../message.ts';

/** The shortcuts' help, and what each shortcut does. */
export const help = {
  button: { en: 'Keyboard shortcuts', 'zh-TW': '鍵盤快捷鍵' },
  buttonTitle: { en: 'Keyboard shortcuts (F1 or ?)', 'zh-TW': '鍵盤快捷鍵(F1 或 ?)' },
  title: { en: 'Keyboard shortcuts', 'zh-TW': '鍵盤快捷鍵' },
  close: { en: 'Close', 'zh-TW': '關閉' },
  drop: {
    en: 'Drop a <code>.py</code> file on the window to edit it, or a saved trace to open it.',
    'zh-TW': '把 <code>.py</code> 檔拖到視窗上即可編輯,拖入已儲存的追蹤則會開啟它。',
  },
  run: { en: 'Run the program', 'zh-TW': '執行程式' },
  stop: { en: 'Stop the run', 'zh-TW': '停止執行' },
  step: {
    en: 'Step to the next event (pauses first; before any run, starts one stopped before its first line)',
    'zh-TW': '前進到下一個事件(會先暫停;還沒執行時,會開始執行並停在第一行之前)',
  },
  stepSwitch: { en: 'Step to the next switch of control', 'zh-TW': '前進到下一次控制權切換' },
  runToLine: {
    en: "Move the cursor to the next time the editor's line runs (or click a line number)",
    'zh-TW': '把游標移到編輯器目前這一行下一次執行的時刻(或按一下行號)',
  },
  stepFromStart: {
    en: 'Run the program, stopped before its first line',
    'zh-TW': '執行程式,並停在第一行之前',
  },
  pauseOutside: { en: 'Pause or resume (outside the editor)', 'zh-TW': '暫停或繼續(在編輯器之外)' },
  pause: { en: 'Pause or resume', 'zh-TW': '暫停或繼續' },
  open: { en: 'Open a trace', 'zh-TW': '開啟追蹤' },
  save: { en: 'Save the trace', 'zh-TW': '儲存追蹤' },
  presentation: { en: 'Presentation mode (larger everything)', 'zh-TW': '簡報模式(全部放大)' },
  help: { en: 'Show these shortcuts', 'zh-TW': '顯示這些快捷鍵' },
  maximise: {
    en: 'Maximise the panel you are in, or restore the layout',
    'zh-TW': '把目前所在的面板放到最大,或恢復原本的版面',
  },
  fontLarger: { en: 'Larger text', 'zh-TW': '放大文字' },
  fontSmaller: { en: 'Smaller text', 'zh-TW': '縮小文字' },
  fontReset: { en: 'Normal text size', 'zh-TW': '一般文字大小' },
  leaveEditor: {
    en: 'In the editor, Tab indents: press Esc, then Tab, to move on to the next control.',
    'zh-TW': '在編輯器中 Tab 鍵會縮排:先按 Esc 再按 Tab,就能移到下一個控制項。',
  },
  helpOutside: { en: 'Show these shortcuts (outside the editor)', 'zh-TW': '顯示這些快捷鍵(在編輯器之外)' },
  timelineEvent: { en: 'Previous / next event (in the timeline)', 'zh-TW': '上一個/下一個事件(在時間軸中)' },
  timelineSwitch: {
    en: 'Previous / next switch of control (in the timeline)',
    'zh-TW': '上一次/下一次控制權切換(在時間軸中)',
  },
  timelineEnds: {
    en: 'First event / live edge (in the timeline)',
    'zh-TW': '第一個事件/最新的事件(在時間軸中)',
  },
  timelineZoom: {
    en: 'Zoom in / out around the cursor (in the timeline)',
    'zh-TW': '以游標為中心放大/縮小(在時間軸中)',
  },
  timelinePan: {
    en: 'Pan half a view back / on (in the timeline)',
    'zh-TW': '向前/向後平移半個畫面(在時間軸中)',
  },
  divider: { en: 'Move a focused panel divider', 'zh-TW': '移動已聚焦的面板分隔線' },
} satisfies Area;
