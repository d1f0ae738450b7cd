import type { Area } from '../message.ts';

/** The Files panel: the program's folder as the run changed it, at the cursor. */
export const folder = {
  label: { en: "Files of the program's folder", 'zh-TW': '程式資料夾中的檔案' },
  title: { en: 'Files', 'zh-TW': '檔案' },
  none: {
    en: 'The program has not changed a file of its folder (by this moment).',
    'zh-TW': '程式(到這個時刻為止)沒有修改資料夾中的任何檔案。',
  },
  kept: {
    en: 'Every change stays in memory: the files on your disk are never written.',
    'zh-TW': '每個變更都只存在記憶體中:你磁碟上的檔案從不會被寫入。',
  },
  created: { en: 'created', 'zh-TW': '新增' },
  written: { en: 'changed', 'zh-TW': '修改' },
  deleted: { en: 'deleted', 'zh-TW': '刪除' },
  show: { en: 'Show {path} as it was at this moment', 'zh-TW': '顯示 {path} 在這個時刻的內容' },
  hex: {
    en: 'Not text: its first bytes in hexadecimal.',
    'zh-TW': '不是文字:以十六進位顯示前面的位元組。',
  },
  partly: {
    en: 'The trace keeps files up to 1 MB each and 16 MB a run: only part of this one, or none of it, is kept.',
    'zh-TW': '追蹤每個檔案最多保留 1 MB、每次執行最多 16 MB:這個檔案只保留了一部分,或完全沒有保留。',
  },
  gone: { en: 'Deleted by this moment.', 'zh-TW': '到這個時刻已被刪除。' },
  read: { en: 'Read from the folder:', 'zh-TW': '從資料夾讀取:' },
} satisfies Area;
