import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { expect, test } from './fixtures.ts';
import {
  eventsIn,
  moveCursor,
  openTraceFile,
  pickLesson,
  runToEnd,
  saveTraceAs,
  setProgram,
  status,
  waitForPython,
} from './app-page.ts';
import { ROOT } from './hosts.ts';

const FILES = resolve(ROOT, 'test-results/e2e-files');
mkdirSync(FILES, { recursive: true });

test('opens, says how far Python has loaded, then is ready with the lessons to pick from', async ({
  app,
  shot,
}) => {
  // Straight after the server starts Python is usually still loading; say so, with progress.
  if (await app.getByTestId('message-python').isVisible()) {
    await expect(app.getByTestId('message-python')).toContainText('Python is not ready yet');
    await expect(status(app)).toHaveText(/^(Python is loading… \d+%|Ready)$/);
    await shot('00-python-loading');
  }
  await waitForPython(app);
  await expect(status(app)).toHaveText('Ready');
  const lessons = app.getByTestId('lesson-picker').locator('option');
  await expect(lessons).toContainText([
    'Producer and consumer around a bounded deque',
    'A round-robin event loop over a deque',
  ]);
  await shot('01-open');
});

test.describe('with Python ready', () => {
  test.beforeEach(async ({ app }) => {
    await waitForPython(app);
  });

  test('runs the producer/consumer lesson: producer and consumer lanes, the deque reaches 10', async ({
    app,
    shot,
  }) => {
    await pickLesson(app, 'producer_consumer');
    await expect(app.getByTestId('editor-content')).toContainText('buffer = deque(maxlen=10)');
    await expect(app.getByTestId('lesson-player')).toContainText('Two generators share one deque(maxlen=10)');
    await runToEnd(app);

    const lanes = app.getByTestId('lane-label');
    await expect(lanes.filter({ hasText: /^producer$/ })).toHaveCount(1);
    await expect(lanes.filter({ hasText: /^consumer$/ })).toHaveCount(1);
    await expect(app.getByTestId('console')).toContainText('consumed 34');

    // From the first event, step switch by switch until the producer hands control back with a full deque.
    await app.getByTestId('timeline').focus();
    await moveCursor(app, 'Home');
    const length = app.getByTestId('deque-length');
    for (let i = 0; i < 10 && !(await length.allTextContents()).some((t) => t.startsWith('len 10 ')); i++)
      await moveCursor(app, 'Shift+ArrowRight');
    await expect(length).toHaveText('len 10 / maxlen 10');
    await expect(app.getByTestId('deque-slot')).toHaveCount(10);
    await expect(app.getByTestId('editor-run-line')).toHaveCount(1);
    await shot('02-producer-consumer-full-deque');
    // The README's picture (assets/screenshot.png is copied from it): wide enough for the whole deque.
    await app.setViewportSize({ width: 1920, height: 1080 });
    await expect(app.getByTestId('deque-slot')).toHaveCount(10);
    await shot('readme');
  });

  test('pauses and steps a live run, then stops it', async ({ app, shot }) => {
    await setProgram(
      app,
      'def ticks():\n    n = 0\n    while True:\n        n += 1\n        yield n\n\n\nfor t in ticks():\n    if t % 1000 == 0:\n        print(t)\n',
    );
    await app.getByTestId('run').click();
    await expect(status(app)).toHaveText(/^Running/, { timeout: 30_000 });
    await expect
      .poll(async () => eventsIn(await status(app).textContent()), { timeout: 30_000 })
      .toBeGreaterThan(2000);
    // "Paused" shows once the run holds, after every event it recorded: the count is final
    await app.getByTestId('pause').click();
    await expect(status(app)).toHaveText(/^Paused: [\d,]+ events?$/);
    // and once the page has taken in every event it received (a loaded page is frames behind)
    await expect(status(app)).toHaveAttribute('data-caught-up', 'true');
    const paused = eventsIn(await status(app).textContent());

    await app.getByTestId('step').click();
    await expect(status(app)).toHaveText(`Paused: ${(paused + 1).toLocaleString('en')} events`);
    await app.getByTestId('step-switch').click();
    await expect.poll(async () => eventsIn(await status(app).textContent())).toBeGreaterThan(paused + 1);
    await expect(status(app)).toHaveText(/^Paused/);
    await shot('03-paused-and-stepped');

    await app.getByTestId('stop').click();
    await expect(status(app)).toHaveText(/^Stopped/);
  });

  test('stops `while True: pass` and stays responsive', async ({ app, shot }) => {
    await setProgram(app, "print('looping')\nwhile True:\n    pass\n");
    await app.getByTestId('run').click();
    await expect(app.getByTestId('console')).toContainText('looping', { timeout: 30_000 });
    await app.getByTestId('stop').click();
    await expect(status(app)).toHaveText(/^Stopped/);
    await expect(app.getByTestId('message-run-end')).toContainText('Run stopped');
    await shot('04-stopped-endless-loop');

    await pickLesson(app, 'round_robin');
    await runToEnd(app);
    await expect(app.getByTestId('console')).toContainText('C done');
  });

  test('saves a trace and opens it again, and exports JSON Lines', async ({ app, desktop, shot }) => {
    await pickLesson(app, 'producer_consumer');
    const events = await runToEnd(app);

    const file = await saveTraceAs(app, desktop, 'save-trace', FILES, 'producer_consumer.ystrace');
    const jsonl = await saveTraceAs(app, desktop, 'export-jsonl', FILES, 'producer_consumer.jsonl');
    const lines = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => typeof l.seq === 'number')).toHaveLength(events);

    await app.reload();
    await waitForPython(app);
    await openTraceFile(app, desktop, file);
    await expect(status(app)).toHaveText(`Opened ${basename(file)}: ${events.toLocaleString('en')} events`);
    await expect(app.getByTestId('lane-label').filter({ hasText: /^producer$/ })).toHaveCount(1);
    await expect(app.getByTestId('console')).toContainText('consumed 34');
    await shot('05-reopened-trace');
  });

  test('refuses a corrupt trace file and says why', async ({ app, desktop, shot }) => {
    const corrupt = resolve(FILES, 'corrupt.ystrace');
    writeFileSync(corrupt, 'this is not a trace\n');
    await openTraceFile(app, desktop, corrupt);
    const notice = app.getByTestId('message-notice');
    await expect(notice).toContainText('Opening corrupt.ystrace did not work:');
    await expect(notice).not.toHaveText(/did not work:\s*$/);
    await expect(status(app)).toHaveText('Ready');
    await shot('06-corrupt-trace-refused');
  });

  test('shows a program error on its line, run with the F5 shortcut', async ({ app, shot }) => {
    await setProgram(app, 'total = 10\nparts = 0\nprint(total / parts)\n');
    await app.keyboard.press('F5');
    await expect(app.getByTestId('message-program-error')).toContainText(
      'Line 3: ZeroDivisionError: division by zero',
    );
    await expect(app.getByTestId('editor-error-line')).toContainText('print(total / parts)');
    await expect(app.getByTestId('editor-error-message')).toContainText('ZeroDivisionError');
    await shot('07-program-error');
  });

  test('fits 1024×640 in the light theme and in presentation mode; splitters move by keyboard', async ({
    app,
    shot,
  }) => {
    await app.setViewportSize({ width: 1024, height: 640 });
    await app.getByTestId('theme').click();
    await pickLesson(app, 'producer_consumer');
    await runToEnd(app);
    const overflow = () => app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('08-small-light');

    const splitter = app.getByTestId('splitter').first();
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await splitter.press('ArrowUp');
    await splitter.press('ArrowUp');
    await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBeLessThan(before);

    await app.getByTestId('presentation').click();
    await expect(app.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot('09-small-presentation');
  });

  test('opens a dropped or picked .py file in the editor, and shows the shortcuts with F1', async ({
    app,
    desktop,
    shot,
  }) => {
    const dropped = await app.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['print("dropped here")\n'], 'dropped.py', { type: 'text/x-python' }));
      return data;
    });
    await app.dispatchEvent('body', 'drop', { dataTransfer: dropped });
    await expect(app.getByTestId('editor-content')).toHaveText('print("dropped here")');
    await expect(app.getByText('dropped.py')).toBeVisible();
    await app.getByTestId('open-program-input').setInputFiles({
      name: 'picked.py',
      mimeType: 'text/x-python',
      buffer: Buffer.from('print("picked")\n'),
    });
    await expect(app.getByTestId('editor-content')).toHaveText('print("picked")');

    await app.keyboard.press('F1');
    await expect(app.getByTestId('help')).toBeVisible();
    await expect(app.getByTestId('help')).toContainText('Step to the next switch of control');
    // The keys the desktop menu once had alone are in the table too; quitting is the desktop's only.
    await expect(app.getByTestId('help')).toContainText('Ctrl+Shift+OOpen a Python program');
    await expect(app.getByTestId('help')).toContainText('Ctrl+Alt+EExport the trace for Perfetto');
    if (desktop) await expect(app.getByTestId('help')).toContainText('Ctrl+QQuit Yieldscope');
    else await expect(app.getByTestId('help')).not.toContainText('Ctrl+Q');
    await shot('10-help');
    await app.keyboard.press('Escape');
    await expect(app.getByTestId('help')).toBeHidden();
  });

  test('offers the last recording again after the page reloads', async ({ app, shot }) => {
    await pickLesson(app, 'round_robin');
    const events = await runToEnd(app);
    await app.reload();
    await waitForPython(app);
    const offer = app.getByTestId('message-last-recording');
    await expect(offer).toContainText(`${events} events`);
    await shot('11-last-recording-offered');
    await app.getByTestId('reopen-last').click();
    await expect(status(app)).toHaveText(new RegExp(`^Opened .*: ${events} events$`));
    await expect(offer).toBeHidden();
    await expect(app.getByTestId('console')).toContainText('C done');
  });
});
