/**
 * The views' promises, end to end in the served app: time travel over the producer/consumer run
 * (lanes take turns, the deque fills to 10 and is 9 one event earlier), the iterator view's warning
 * when an exhausted iterator is iterated again, and an SVG export that is real SVG.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { moveCursor, pickLesson, runToEnd, waitForPython } from './app-page.ts';

test.describe('views over a finished run', () => {
  test.beforeEach(async ({ app }) => {
    await waitForPython(app);
  });

  test('producer and consumer take turns; the deque is full at 10 and held 9 one event before', async ({
    app,
    shot,
  }) => {
    await pickLesson(app, 'producer_consumer');
    await runToEnd(app);
    await app.getByTestId('timeline').focus();
    await moveCursor(app, 'Home');
    for (let i = 0; i < 6; i++) await moveCursor(app, 'Shift+ArrowRight');

    // The text alternative lists the switches around the cursor: apart from the coordinator (main),
    // control goes to the producer and the consumer in turn.
    const switches = await app.getByTestId('switch-list').locator('li').allTextContents();
    const workers = switches.map((s) => s.split('→ ')[1]).filter((to) => to !== 'main');
    expect(workers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(workers)).toEqual(new Set(['producer', 'consumer']));
    workers.slice(1).forEach((to, i) => expect(to).not.toBe(workers[i]));

    // Scrub back to the very event that fills the deque: event by event from the start.
    await moveCursor(app, 'Home');
    const length = app.getByTestId('deque-length');
    const full = async () => (await length.allTextContents()).some((t) => t.startsWith('len 10 '));
    for (let i = 0; i < 200 && !(await full()); i++) await moveCursor(app, 'ArrowRight');
    await expect(length).toHaveText('len 10 / maxlen 10');
    await expect(app.getByTestId('deque-slot')).toHaveCount(10);
    await expect(app.getByTestId('deque-slot').last()).toHaveText('9');
    await shot('views-deque-just-full');

    await moveCursor(app, 'ArrowLeft');
    await expect(length).toHaveText('len 9 / maxlen 10');
    await expect(app.getByTestId('deque-slot').filter({ hasText: /\S/ })).toHaveCount(9);
    await shot('views-deque-one-event-before');
  });

  test('flags an exhausted iterator iterated again', async ({ app, shot }) => {
    await pickLesson(app, 'iterables_iterators');
    await runToEnd(app);
    const timeline = app.getByTestId('timeline');
    await timeline.focus();
    await timeline.press('End');
    await expect(app.getByTestId('iterator-again-warning')).toBeVisible();
    await expect(app.getByTestId('iterator-again-warning')).toContainText('exhausted');
    await shot('views-iterated-again');
    await timeline.press('Home');
    await expect(app.getByTestId('iterator-again-warning')).toHaveCount(0);
  });

  test('exports the timeline as SVG that parses as SVG', async ({ app }) => {
    await pickLesson(app, 'producer_consumer');
    await runToEnd(app);
    const [file] = await Promise.all([
      app.waitForEvent('download'),
      app.getByTestId('timeline').getByRole('button', { name: 'SVG' }).click(),
    ]);
    const text = readFileSync((await file.path())!, 'utf8');
    const parsed = await app.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        root: doc.documentElement.localName,
        error: doc.getElementsByTagName('parsererror').length,
        labels: [...doc.querySelectorAll('text')].map((t) => t.textContent),
      };
    }, text);
    expect(parsed).toMatchObject({ root: 'svg', error: 0 });
    expect(parsed.labels).toEqual(expect.arrayContaining(['producer', 'consumer']));
  });
});
