/** Native open and save dialogs for the session, each over the app's one window, in the interface's language. */
import { desktopText, type DesktopText } from '../../core/session/desktop-texts.ts';
import type { Lang } from '../../core/session/lesson.ts';
import type { TraceFormat } from '../../core/session/protocol.ts';
import { FORMATS, OPENABLE_EXTENSIONS } from '../session/formats.ts';
import type { Dialogs } from '../session/session.ts';

interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogLike {
  showOpenDialog(options: {
    title: string;
    properties: 'openFile'[];
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

const bare = (extension: string) => extension.replace(/^\./, '');

/** Each format's save dialog: its title and the name of its files. */
const SAVING: Record<TraceFormat, { title: DesktopText; files: DesktopText }> = {
  native: { title: 'saveTraceTitle', files: 'nativeFiles' },
  jsonl: { title: 'exportJsonlTitle', files: 'jsonlFiles' },
  chrome: { title: 'exportChromeTitle', files: 'chromeFiles' },
};

/**
 * `chosen` hears every path picked, for the recent files list; `lang` is read at each dialog, so a
 * dialog speaks the language the interface has then.
 */
export function nativeDialogs(dialog: DialogLike, chosen: (path: string) => void, lang: () => Lang): Dialogs {
  const text = (key: DesktopText) => desktopText(lang(), key);
  const open = async (title: string, filters: FileFilter[]) => {
    const result = await dialog.showOpenDialog({ title, properties: ['openFile'], filters });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (path) chosen(path);
    return path ?? null;
  };
  return {
    openTrace: () =>
      open(text('openTraceTitle'), [{ name: text('traceFiles'), extensions: OPENABLE_EXTENSIONS.map(bare) }]),
    openProgram: () => open(text('openProgramTitle'), [{ name: text('programFiles'), extensions: ['py'] }]),
    saveTrace: async (format: TraceFormat, suggestedName: string) => {
      const { title, files } = SAVING[format];
      const result = await dialog.showSaveDialog({
        title: text(title),
        defaultPath: suggestedName,
        filters: [{ name: text(files), extensions: [bare(FORMATS[format].extension).split('.').at(-1)!] }],
      });
      if (result.canceled || !result.filePath) return null;
      chosen(result.filePath);
      return result.filePath;
    },
  };
}
