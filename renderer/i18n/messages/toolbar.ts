import type { Area } from '../message.ts';

/** The run controls. */
export const toolbar = {
  label: { en: 'Run controls', 'zh-TW': '執行控制' },
  run: { en: '▶ Run', 'zh-TW': '▶ 執行' },
  runTitle: { en: 'Run (F5, Ctrl+Enter)', 'zh-TW': '執行(F5、Ctrl+Enter)' },
  pause: { en: 'Pause', 'zh-TW': '暫停' },
  resume: { en: 'Resume', 'zh-TW': '繼續' },
  pauseReplay: { en: 'Pause replay', 'zh-TW': '暫停重播' },
  replay: { en: 'Replay', 'zh-TW': '重播' },
  pauseTitle: { en: 'Pause / resume (Space, F6)', 'zh-TW': '暫停/繼續(空白鍵、F6)' },
  step: { en: 'Step', 'zh-TW': '單步' },
  stepTitle: { en: 'Step to the next event (F10)', 'zh-TW': '前進到下一個事件(F10)' },
  stepSwitch: { en: 'Step to switch', 'zh-TW': '前進到切換' },
  stepSwitchTitle: {
    en: 'Step to the next switch of control (Shift+F10)',
    'zh-TW': '前進到下一次控制權切換(Shift+F10)',
  },
  stop: { en: '■ Stop', 'zh-TW': '■ 停止' },
  stopTitle: { en: 'Stop (Shift+F5)', 'zh-TW': '停止(Shift+F5)' },
  options: { en: 'Run options', 'zh-TW': '執行選項' },
  startPaused: { en: 'Start paused', 'zh-TW': '先暫停' },
  startPausedTitle: {
    en: 'Run stops before the first line; then F10 steps (on for lessons, off for your own programs until you change it)',
    'zh-TW': '執行時停在第一行之前,再用 F10 逐步執行(課程預設開啟,你自己的程式預設關閉,可自行切換)',
  },
  speed: { en: 'Speed', 'zh-TW': '速度' },
  speedTitle: { en: 'Replay speed, in events per second', 'zh-TW': '重播速度,每秒幾個事件' },
  speedFastest: { en: 'fastest', 'zh-TW': '最快' },
  speedPerSecond: { en: '{n, number}/s', 'zh-TW': '每秒 {n, number}' },
  policy: { en: 'Policy', 'zh-TW': '排程策略' },
  policyTitle: { en: 'How the scheduler picks the next task', 'zh-TW': '排程器如何挑選下一個任務' },
  seed: { en: 'Seed', 'zh-TW': '種子' },
  seedTitle: {
    en: 'Seed of the random policy: the same seed gives the same run',
    'zh-TW': '隨機策略的種子:相同的種子得到相同的執行',
  },
} satisfies Area;
