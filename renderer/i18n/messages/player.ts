import type { Area } from '../message.ts';

/** The lesson player: its steps, its moves, and the classroom modes it offers. */
export const player = {
  label: { en: 'Lesson player', 'zh-TW': '課程播放器' },
  intro: { en: 'Introduction', 'zh-TW': '簡介' },
  stepOf: { en: 'Step {n} of {total}', 'zh-TW': '第 {n} 步,共 {total} 步' },
  steps: { en: 'Steps of the lesson', 'zh-TW': '課程的步驟' },
  start: { en: 'Start', 'zh-TW': '開始' },
  startTitle: {
    en: 'Run the lesson’s program, stopped before its first line',
    'zh-TW': '執行課程的程式,並停在第一行之前',
  },
  next: { en: 'Next', 'zh-TW': '下一步' },
  nextTitle: { en: 'Go on to the next step of the run', 'zh-TW': '前進到執行過程的下一步' },
  back: { en: 'Back', 'zh-TW': '上一步' },
  backTitle: { en: 'Go back to the previous step', 'zh-TW': '回到上一步' },
  busy: { en: 'Running on to the next step…', 'zh-TW': '正在執行到下一步…' },
  missed: {
    en: 'This run never reached step {n}: did the program change? Run the lesson again with Start.',
    'zh-TW': '這次執行沒有到達第 {n} 步:程式被修改了嗎?請按「開始」重新執行。',
  },
  done: { en: 'That was the last step.', 'zh-TW': '這是最後一步。' },
} satisfies Area;
