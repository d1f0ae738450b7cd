import type { Area } from '../message.ts';

/** The output pane: what the program printed, and the line where its input is typed. */
export const output = {
  inputLabel: { en: 'The program waits for a line of input:', 'zh-TW': '程式正在等待一行輸入:' },
  inputPlaceholder: { en: 'Type it, then press Enter', 'zh-TW': '輸入後按 Enter' },
  endInput: { en: 'End input', 'zh-TW': '結束輸入' },
  endInputTitle: {
    en: 'Tell the program its input has ended: input() raises EOFError',
    'zh-TW': '告訴程式輸入已結束:input() 會引發 EOFError',
  },
} satisfies Area;
