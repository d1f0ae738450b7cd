/**
 * The Frames and objects view end to end: the program runs again in the host's inspector, and the
 * view shows its frames, variables and objects at the cursor; stepping back redraws the earlier heap.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { runToEnd, setProgram, showFrames, status, waitForPython } from './app-page.ts';

/** Moves the cursor to the moment the program printed `text` (the console's lines jump there). */
async function toPrint(app: Page, text: string): Promise<void> {
  await app.getByTestId('console').getByText(text, { exact: true }).click();
  await expect(app.getByTestId('event-words')).toContainText(`main prints "${text}"`);
}

/** The frames view has answered for the cursor (not an earlier event's heap, dimmed). */
async function settled(app: Page): Promise<void> {
  await expect(app.getByTestId('frames-view').locator('svg:not(.stale)')).toBeVisible({ timeout: 60_000 });
}

test.describe('frames and objects', () => {
  test.beforeEach(async ({ app }) => {
    await waitForPython(app);
    await showFrames(app);
  });

  test('three arrows to one inner list, changed "all three" at once; stepping back redraws it', async ({
    app,
    shot,
  }) => {
    await setProgram(
      app,
      ['a = [[0] * 3] * 3', "print('aliased')", 'a[0][0] = 1', "print('changed')"].join('\n'),
    );
    await runToEnd(app);
    await toPrint(app, 'changed');
    await settled(app);
    const view = app.getByTestId('frames-view');
    const lists = view.getByTestId('object');
    await expect(lists).toHaveCount(2);
    const inner = await lists.nth(1).getAttribute('data-key');
    await expect(view.locator(`path.arrow[data-to="${inner}"]`)).toHaveCount(3);
    const values = lists.nth(1).locator('text.value');
    await expect(values).toHaveText(['1', '0', '0']);
    await shot('frames-aliasing-changed');

    const timeline = app.getByTestId('timeline');
    await timeline.focus();
    await timeline.press('ArrowLeft');
    await timeline.press('ArrowLeft');
    await settled(app);
    await expect(app.getByTestId('event-words')).toContainText('main runs line 3');
    await expect(values).toHaveText(['0', '0', '0']);
    await expect(view.locator(`path.arrow[data-to="${inner}"]`)).toHaveCount(3);

    // run to here: a line number takes the cursor to when that line next starts to run
    await app.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: /^4$/ }).click();
    await expect(app.getByTestId('event-words')).toContainText('main runs line 4');
    await settled(app);
    await expect(values).toHaveText(['1', '0', '0']);
  });

  test('speaks Traditional Chinese: the event in words and the frames, as the rest of the interface', async ({
    app,
    shot,
  }) => {
    await app.getByTestId('language').selectOption('zh-TW');
    await setProgram(
      app,
      [
        'def countdown(n):',
        '    while n > 0:',
        '        yield n',
        '        n -= 1',
        'for k in countdown(2):',
        '    print(k)',
      ].join('\n'),
    );
    await app.getByTestId('run').click();
    // the status speaks Chinese too: its state says the run is over
    await expect(status(app)).toHaveAttribute('data-state', 'ended', { timeout: 60_000 });
    await app.getByTestId('console').getByText('2', { exact: true }).click();
    const words = app.getByTestId('event-words');
    await expect(words).toContainText('main 印出 "2"');
    await settled(app);
    const view = app.getByTestId('frames-view');
    await expect(view).toContainText('呼叫堆疊');
    await expect(view.locator('[data-testid="frame"].suspended')).toContainText('暫停在第 3 行');
    const timeline = app.getByTestId('timeline');
    await timeline.focus();
    await timeline.press('ArrowLeft');
    await timeline.press('ArrowLeft');
    await expect(words).toContainText('countdown 產出 2');
    await settled(app);
    await shot('frames-zh-TW');
    await app.getByTestId('language').selectOption('en');
  });

  test("a deque of generators points at the generators' own frames, suspended off the stack", async ({
    app,
    shot,
  }) => {
    await setProgram(
      app,
      [
        'from collections import deque',
        'def task(name, n):',
        '    for i in range(n):',
        "        yield f'{name} {i}'",
        "ready = deque([task('a', 2), task('b', 3)])",
        'first = ready.popleft()',
        'print(next(first))',
        'ready.append(first)',
        "print('queued')",
      ].join('\n'),
    );
    await runToEnd(app);
    await toPrint(app, 'queued');
    await settled(app);
    const view = app.getByTestId('frames-view');
    const off = view.locator('[data-testid="frame"].suspended, [data-testid="frame"].created');
    await expect(off).toHaveCount(2);
    await expect(view.locator('[data-testid="frame"].suspended')).toContainText('suspended at line 4');
    const deque = view.getByTestId('object').filter({ hasText: /^deque \(2\)/ });
    const key = await deque.getAttribute('data-key');
    const targets = await view
      .locator(`path.arrow`)
      .evaluateAll(
        (paths, owner) =>
          paths.filter((p) => p.getAttribute('data-from') === owner).map((p) => p.getAttribute('data-to')),
        key,
      );
    const frames = await off.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
    expect(new Set(targets)).toEqual(new Set(frames));

    // one object everywhere: selected by its lane, it is highlighted as a frame, a deque slot, a generator
    await app.getByTestId('lane-label').getByRole('button', { name: 'task', exact: true }).click();
    const selected = view.locator('[data-testid="frame"].selected');
    await expect(selected).toHaveCount(1);
    const obj = (await selected.getAttribute('data-key'))!.slice(1);
    const chips = app.locator(`[data-testid="object-chip"][data-obj="${obj}"]`);
    await expect(chips).toHaveCount(2); // its deque slot and its line among the generators
    for (const chip of await chips.all()) await expect(chip).toHaveClass(/selected/);
    await expect(app.getByTestId('lane-label').filter({ hasText: /^task$/ })).toHaveClass(/selected/);
    await shot('frames-deque-of-generators');
    // a frame moving between "suspended" and the stack glides there, and the arrows to it with it
    // (their path as a CSS property, at the same pace), unless motion is reduced
    const frame = view.locator(`[data-testid="frame"][data-key="o${obj}"]`);
    const arrow = view.locator(`path.arrow[data-to="o${obj}"]`).first();
    const glide = () =>
      Promise.all(
        [frame, arrow].map((element) =>
          element.evaluate((e) => {
            const style = getComputedStyle(e);
            return `${style.transitionProperty} ${style.transitionDuration}`;
          }),
        ),
      );
    expect(await glide()).toEqual(['transform 0.35s', 'd 0.35s']);
    await app.emulateMedia({ reducedMotion: 'reduce' });
    expect((await glide()).map((g) => g.split(' ')[1])).toEqual(['0s', '0s']);
    await app.emulateMedia({ reducedMotion: 'no-preference' });

    // selecting it again, here by its frame, clears the selection everywhere
    await view.locator(`[data-testid="frame"][data-key="o${obj}"] .title`).click();
    await expect(view.locator('[data-testid="frame"].selected')).toHaveCount(0);
    await expect(chips.first()).not.toHaveClass(/selected/);
  });

  test('asyncio gather: the gathering task awaits its two workers, in the tree and on the timeline', async ({
    app,
    shot,
  }) => {
    await setProgram(
      app,
      [
        'import asyncio',
        'async def worker(name, delay):',
        '    await asyncio.sleep(delay)',
        "    print('done', name)",
        'async def main():',
        "    await asyncio.gather(worker('a', 2), worker('b', 1))",
        'asyncio.run(main())',
      ].join('\n'),
    );
    await runToEnd(app);
    await toPrint(app, 'done b');
    await settled(app);
    const tree = app.getByTestId('await-tree');
    await expect(tree.getByTestId('await-node')).toHaveCount(3);
    // the task running main() is named after it, numbered apart from the main program's lane
    await expect(tree.getByTestId('await-node').first()).toContainText(/^main \d+ awaits worker/);
    await expect(app.getByTestId('await-connectors').locator('path.link')).toHaveCount(2);
    await shot('frames-asyncio-gather');
  });
});
