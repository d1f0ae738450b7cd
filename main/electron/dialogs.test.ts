import { describe, expect, it } from 'vitest';
import { nativeDialogs, type DialogLike } from './dialogs.ts';

function dialogAnswering(path: string | null) {
  const asked: unknown[] = [];
  const dialog: DialogLike = {
    showOpenDialog: async (options) => {
      asked.push(options);
      return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (options) => {
      asked.push(options);
      return path ? { canceled: false, filePath: path } : { canceled: true };
    },
  };
  return { dialog, asked };
}

describe('native dialogs', () => {
  it('offer the right files and remember what was chosen', async () => {
    const chosen: string[] = [];
    const { dialog, asked } = dialogAnswering('/home/me/run.ystrace');
    const dialogs = nativeDialogs(dialog, (p) => chosen.push(p));
    expect(await dialogs.openTrace()).toBe('/home/me/run.ystrace');
    expect(asked[0]).toMatchObject({ filters: [{ extensions: ['ystrace', 'jsonl'] }] });
    await dialogs.openProgram();
    expect(asked[1]).toMatchObject({ filters: [{ extensions: ['py'] }] });
    await dialogs.saveTrace('chrome', 'producer.trace.json');
    expect(asked[2]).toMatchObject({
      title: 'Export Chrome Trace (Perfetto)',
      defaultPath: 'producer.trace.json',
      filters: [{ extensions: ['json'] }],
    });
    expect(chosen).toEqual(['/home/me/run.ystrace', '/home/me/run.ystrace', '/home/me/run.ystrace']);
  });

  it('answer null when cancelled, remembering nothing', async () => {
    const chosen: string[] = [];
    const dialogs = nativeDialogs(dialogAnswering(null).dialog, (p) => chosen.push(p));
    expect(await dialogs.openTrace()).toBeNull();
    expect(await dialogs.saveTrace('native', 'a.ystrace')).toBeNull();
    expect(chosen).toEqual([]);
  });
});
