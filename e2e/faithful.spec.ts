/** Faithful runs in the app: input typed in the console, the program's files, its text, and the trace carrying them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures.ts';
import {
  openProgramFile,
  openTraceFile,
  runToEnd,
  saveTraceAs,
  setProgram,
  status,
  waitForPython,
} from './app-page.ts';
import { ROOT } from './hosts.ts';

const FILES = resolve(ROOT, 'test-results/e2e-files');
mkdirSync(FILES, { recursive: true });

test.describe('faithful runs', () => {
  test.beforeEach(async ({ app }) => {
    await waitForPython(app);
  });

  test('a program asks for input: the console takes the typed line, and shows it after the prompt', async ({
    app,
    shot,
  }) => {
    await setProgram(app, "name = input('Name? ')\nprint('Hello,', name)\ninput('More? ')\n");
    await app.getByTestId('run').click();
    const line = app.getByTestId('console-input');
    await expect(line).toBeFocused({ timeout: 60_000 });
    await expect(app.getByTestId('console')).toContainText('Name?');
    await expect(status(app)).toHaveText(/^Waiting for input: /);
    await shot('20-input-asked');
    await app.keyboard.insertText('Ada');
    await app.keyboard.press('Enter');
    await expect(app.getByTestId('console')).toContainText('Hello, Ada');
    await app.getByTestId('end-input').click();
    await expect(status(app)).toHaveText(/^Ended with an error/, { timeout: 60_000 });
    await expect(app.getByTestId('console')).toContainText('Name? Ada');
    await expect(app.getByTestId('message-program-error')).toContainText('EOFError');
    await expect(line).toBeHidden();
  });

  test('a program writes files: the Files panel lists them, with their content at the cursor', async ({
    app,
    shot,
  }) => {
    await setProgram(
      app,
      "with open('notes.txt', 'w') as f:\n    f.write('first\\n')\nprint('written')\nwith open('notes.txt', 'a') as f:\n    f.write('second\\n')\nopen('raw.bin', 'wb').write(bytes(range(20)))\n",
    );
    await runToEnd(app);
    const panel = app.getByTestId('panel-files');
    await expect(panel.getByTestId('file')).toHaveText([
      /created\s*notes\.txt\s*13 B/,
      /created\s*raw\.bin\s*20 B/,
    ]);
    await panel.getByTestId('file').filter({ hasText: 'raw.bin' }).click();
    await expect(panel.getByTestId('file-content')).toContainText('00000000  00 01 02 03');
    await panel.getByTestId('file').filter({ hasText: 'notes.txt' }).click();
    await expect(panel.getByTestId('file-content')).toHaveText('first\nsecond\n');
    await shot('21-files-panel');
    // at the moment the program printed, the file held its first line only, and raw.bin was not there
    await app.getByTestId('console').getByText('written').click();
    await expect(panel.getByTestId('file-content')).toHaveText('first\n');
    await expect(panel.getByTestId('file')).toHaveText([/created\s*notes\.txt\s*6 B/]);
  });

  test('an opened trace brings its program into the editor, read-only until edited, the user’s kept aside', async ({
    app,
    desktop,
    shot,
  }) => {
    await setProgram(app, "print('recorded program')\n");
    await runToEnd(app);
    const file = await saveTraceAs(app, desktop, 'save-trace', FILES, 'recorded.ystrace');
    await setProgram(app, "print('my own program')\n");
    await openTraceFile(app, desktop, file);
    const editor = app.getByTestId('editor-content');
    await expect(editor).toHaveText("print('recorded program')");
    await expect(app.getByTestId('recorded-program')).toBeVisible();
    await expect(editor).toHaveAttribute('contenteditable', 'false');
    await shot('22-recorded-program');
    await app.getByTestId('back-to-mine').click();
    await expect(editor).toHaveText("print('my own program')");
    await openTraceFile(app, desktop, file);
    await expect(editor).toHaveText("print('recorded program')");
    await app.getByTestId('edit-recorded').click();
    await expect(editor).toHaveAttribute('contenteditable', 'true');
    await expect(app.getByTestId('recorded-program')).toBeHidden();
  });

  test('a program file is read as Python reads it: a Latin-1 one opens, a binary one is refused by byte', async ({
    app,
    desktop,
  }) => {
    const latin = resolve(FILES, 'latin.py');
    writeFileSync(
      latin,
      Buffer.concat([
        Buffer.from("# -*- coding: latin-1 -*-\nprint('caf"),
        Buffer.from([0xe9]),
        Buffer.from("')\n"),
      ]),
    );
    await openProgramFile(app, desktop, latin);
    await expect(app.getByTestId('editor-content')).toContainText("print('café')");
    const picture = resolve(FILES, 'picture.py');
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    await openProgramFile(app, desktop, picture);
    await expect(app.getByTestId('message-notice')).toContainText(
      'picture.py is not a Python program: it holds a zero byte (at byte 8)',
    );
    await expect(app.getByTestId('editor-content')).toContainText("print('café')");
  });
});
