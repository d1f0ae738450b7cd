/**
 * Every text of the interface, in every language, one file per area of the app under `messages/`.
 * A message is `{ en, 'zh-TW' }` side by side, so a text added in one language only is seen at once
 * (and fails `catalog.test.ts`). Keys are `area.name`: `t('toolbar.run')`. The desktop host's menu and
 * dialogs read their texts from core/session/desktop-texts.ts, here as the `desktop` area; what the
 * host and core refuse or fail to do, from core/session/problems.ts, as the `problems` area.
 */
import type { Lang } from '../../core/session/lesson.ts';
import { desktop } from '../../core/session/desktop-texts.ts';
import { problems } from '../../core/session/problems.ts';
import { app } from './messages/app.ts';
import { files } from './messages/files.ts';
import { frames } from './messages/frames.ts';
import { folder } from './messages/folder.ts';
import { help } from './messages/help.ts';
import { kinds } from './messages/kinds.ts';
import { markers } from './messages/markers.ts';
import { notices } from './messages/notices.ts';
import { output } from './messages/output.ts';
import { player } from './messages/player.ts';
import { predict } from './messages/predict.ts';
import { status } from './messages/status.ts';
import { toolbar } from './messages/toolbar.ts';
import { views } from './messages/views.ts';
import { words } from './messages/words.ts';
import type { Area } from './message.ts';

// One list of languages for the interface and the lessons.
export { LANGS, type Lang } from '../../core/session/lesson.ts';

export type { Area, Message } from './message.ts';

/** Each language's own name, as its readers write it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-TW': '繁體中文' };

export const MESSAGES = {
  app,
  desktop,
  files,
  folder,
  frames,
  help,
  kinds,
  markers,
  notices,
  output,
  player,
  predict,
  problems,
  status,
  toolbar,
  views,
  words,
} satisfies Record<string, Area>;

export type MessageKey = {
  [A in keyof typeof MESSAGES]: `${A}.${keyof (typeof MESSAGES)[A] & string}`;
}[keyof typeof MESSAGES];
