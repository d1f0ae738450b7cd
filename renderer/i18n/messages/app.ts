import type { Area } from '../message.ts';

/** The app's frame: header, panes, dividers, theme, presentation and language. */
export const app = {
  lightTheme: { en: 'Light theme', 'zh-TW': '淺色主題' },
  darkTheme: { en: 'Dark theme', 'zh-TW': '深色主題' },
  present: { en: 'Present', 'zh-TW': '簡報' },
  presentTitle: {
    en: 'Presentation mode: larger everything, for projectors (F9)',
    'zh-TW': '簡報模式:全部放大,適合投影(F9)',
  },
  language: { en: 'Language', 'zh-TW': '語言' },
  more: { en: 'More: run options, files, theme and language', 'zh-TW': '更多:執行選項、檔案、主題與語言' },
  program: { en: 'Program', 'zh-TW': '程式' },
  resizeEditor: { en: 'Resize editor and narration', 'zh-TW': '調整編輯器與解說的大小' },
  resizeMain: { en: 'Resize program and views', 'zh-TW': '調整程式與視圖的大小' },
  resizeRight: { en: 'Resize timeline and panels', 'zh-TW': '調整時間軸與面板的大小' },
  lessonPicker: { en: 'Lesson', 'zh-TW': '課程' },
  pickLesson: { en: 'Pick a lesson…', 'zh-TW': '選擇課程…' },
  noLessons: { en: 'No lessons', 'zh-TW': '沒有課程' },
  narration: { en: 'Lesson narration', 'zh-TW': '課程解說' },
  noLesson: {
    en: 'Pick a lesson to read about what the program shows, or write your own program and run it.',
    'zh-TW': '選一堂課來閱讀程式所呈現的內容,或自己寫一個程式並執行它。',
  },
  tryIt: { en: 'Try it:', 'zh-TW': '試試看:' },
  editor: { en: 'Python program', 'zh-TW': 'Python 程式' },
  recordedProgram: {
    en: 'This is the program the opened trace recorded; it cannot be changed while it shows.',
    'zh-TW': '這是開啟的追蹤所記錄的程式;顯示時無法修改。',
  },
  editRecorded: { en: 'Edit it', 'zh-TW': '編輯它' },
  backToMine: { en: 'Back to your program', 'zh-TW': '回到你的程式' },
} satisfies Area;
