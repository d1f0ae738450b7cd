import { describe, expect, it } from 'vitest';
import type { Lang } from '../../core/session/lesson.ts';
import { desktop } from '../../core/session/desktop-texts.ts';
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
    const dialogs = nativeDialogs(
      dialog,
      (p) => chosen.push(p),
      () => 'en',
    );
    expect(await dialogs.openTrace()).toBe('/home/me/run.ystrace');
    expect(asked[0]).toMatchObject({ filters: [{ extensions: ['ystrace', 'jsonl'] }] });
    await dialogs.openProgram();
    expect(asked[1]).toMatchObject({ filters: [{ extensions: ['py'] }] });
    await dialogs.saveTrace('chrome', 'producer.trace.json');
    expect(asked[2]).toMatchObject({
      title: 'Export the trace for Perfetto (Chrome Trace)',
      defaultPath: 'producer.trace.json',
      filters: [{ extensions: ['json'] }],
    });
    expect(chosen).toEqual(['/home/me/run.ystrace', '/home/me/run.ystrace', '/home/me/run.ystrace']);
  });

  it('answer null when cancelled, remembering nothing', async () => {
    const chosen: string[] = [];
    const dialogs = nativeDialogs(
      dialogAnswering(null).dialog,
      (p) => chosen.push(p),
      () => 'en',
    );
    expect(await dialogs.openTrace()).toBeNull();
    expect(await dialogs.saveTrace('native', 'a.ystrace')).toBeNull();
    expect(chosen).toEqual([]);
  });

  it("speak the interface's language as it is when each opens", async () => {
    let lang: Lang = 'zh-TW';
    const { dialog, asked } = dialogAnswering('/home/me/run.ystrace');
    const dialogs = nativeDialogs(
      dialog,
      () => undefined,
      () => lang,
    );
    await dialogs.openTrace();
    await dialogs.openProgram();
    await dialogs.saveTrace('native', 'a.ystrace');
    await dialogs.saveTrace('jsonl', 'a.jsonl');
    await dialogs.saveTrace('chrome', 'a.trace.json');
    const words = (options: unknown) => {
      const { title, filters } = options as { title: string; filters: { name: string }[] };
      return [title, ...filters.map((f) => f.name)];
    };
    expect(asked.map(words)).toEqual([
      ['開啟追蹤', '追蹤'],
      ['開啟 Python 程式', 'Python 程式'],
      ['儲存追蹤', 'Yieldscope 追蹤'],
      ['把追蹤匯出為 JSON Lines', 'JSON Lines'],
      ['把追蹤匯出給 Perfetto(Chrome 追蹤)', 'Chrome 追蹤(Perfetto)'],
    ]);
    // Every word comes from the shared texts, so the page's catalog test checks its translation.
    const zh = new Set(Object.values(desktop).map((text) => text['zh-TW']));
    for (const word of asked.flatMap(words)) expect(zh, word).toContain(word);
    lang = 'en';
    await dialogs.openTrace();
    expect(words(asked.at(-1))).toEqual(['Open a trace', 'Traces']);
  });
});
