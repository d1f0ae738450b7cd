/** Native open and save dialogs for the session, each over the app's one window. */
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

/** `chosen` hears every path picked, for the recent files list. */
export function nativeDialogs(dialog: DialogLike, chosen: (path: string) => void): Dialogs {
  const open = async (title: string, filters: FileFilter[]) => {
    const result = await dialog.showOpenDialog({ title, properties: ['openFile'], filters });
    const path = result.canceled ? undefined : result.filePaths[0];
    if (path) chosen(path);
    return path ?? null;
  };
  return {
    openTrace: () => open('Open Trace', [{ name: 'Traces', extensions: OPENABLE_EXTENSIONS.map(bare) }]),
    openProgram: () => open('Open Program', [{ name: 'Python programs', extensions: ['py'] }]),
    saveTrace: async (format: TraceFormat, suggestedName: string) => {
      const { label, extension } = FORMATS[format];
      const result = await dialog.showSaveDialog({
        title: format === 'native' ? 'Save Trace' : `Export ${label}`,
        defaultPath: suggestedName,
        filters: [{ name: label, extensions: [bare(extension).split('.').at(-1)!] }],
      });
      if (result.canceled || !result.filePath) return null;
      chosen(result.filePath);
      return result.filePath;
    },
  };
}
