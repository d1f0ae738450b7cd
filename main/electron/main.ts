/**
 * The desktop app's main process: one window over one session. Everything here is wiring of
 * Electron's objects to modules that are tested without Electron (security, ipc, menu, dialogs,
 * recent files, window state, command-line files).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session as browserContexts,
  type MenuItemConstructorOptions,
} from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Runner } from '../../core/run/runner.ts';
import { preferredLang } from '../../core/session/language.ts';
import { lessonsFolder } from '../session/lessons.ts';
import { Session } from '../session/session.ts';
import { nativeDialogs } from './dialogs.ts';
import { forwardEvents, serveSessionOverIpc } from './ipc.ts';
import { hostLanguage } from './language.ts';
import { filesFromArgv, outsideFiles } from './launch-files.ts';
import { menuTemplate } from './menu.ts';
import { addRecent, loadRecent, saveRecent } from './recent.ts';
import { guardBrowserContext, guardContents, ownPages, windowOptions } from './security.ts';
import { loadWindowState, restoreBounds, saveWindowState } from './window-state.ts';

const built = dirname(fileURLToPath(import.meta.url)); // out/main
/** Files that run outside Electron's asar archive (worker threads, Pyodide) live beside it, unpacked. */
const unpacked = (path: string) => path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

const paths = {
  // electron-vite's dev server in development only: a packaged app never loads a page named by its environment.
  renderer:
    (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) ||
    pathToFileURL(join(built, '..', 'renderer', 'index.html')).href,
  preload: join(built, '..', 'preload', 'index.cjs'),
  worker: unpacked(join(built, 'worker.js')),
  lessons: lessonsFolder(join(app.getAppPath(), 'assets', 'lessons')),
  recent: join(app.getPath('userData'), 'recent.json'),
  window: join(app.getPath('userData'), 'window.json'),
  language: join(app.getPath('userData'), 'language.json'),
};

/** macOS hands over files (Finder, the Dock) through `open-file`, possibly before the app is ready. */
const openedBeforeReady: string[] = [];
const collectEarly = (event: { preventDefault(): void }, path: string) => {
  event.preventDefault();
  openedBeforeReady.push(path);
};
app.on('open-file', collectEarly);

if (!app.requestSingleInstanceLock()) app.quit();
else void start();

async function start(): Promise<void> {
  await app.whenReady();
  const isOwnPage = ownPages(paths.renderer);
  guardBrowserContext(browserContexts.defaultSession, isOwnPage);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  let recent = await loadRecent(paths.recent);
  // Until the page says, the system's language, as the page itself picks it (--lang included).
  const language = await hostLanguage(paths.language, preferredLang([app.getLocale()]), () => buildMenu());
  const lang = () => language.current;
  const remember = (path: string) => {
    recent = addRecent(recent, path);
    app.addRecentDocument(path);
    void saveRecent(paths.recent, recent);
    buildMenu();
  };
  const dialogs = nativeDialogs(dialog, remember, lang);
  const session = new Session({
    version: app.getVersion(),
    lessonsFolder: paths.lessons,
    dataFolder: app.getPath('userData'),
    startEngine: (onProgress) => new Runner({ onProgress, workerFile: paths.worker }),
    dialogs,
    onLanguage: (heard) => void language.hear(heard),
  });
  serveSessionOverIpc(ipcMain, session, isOwnPage);

  const saved = await loadWindowState(paths.window);
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const window = new BrowserWindow(windowOptions(paths.preload, restoreBounds(saved, displays)));
  if (saved?.maximized) window.maximize();
  forwardEvents(session, (channel, frame) => {
    if (!window.isDestroyed()) window.webContents.send(channel, frame);
  });
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    void saveWindowState(paths.window, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });

  const { open, openPath } = outsideFiles(session, {
    remember,
    showError: (title, message) => dialog.showErrorBox(title, message),
    lang,
  });

  function buildMenu(): void {
    const template = menuTemplate(
      {
        command: (command) => session.push({ type: 'command', command }),
        openProgram: () => {
          void dialogs.openProgram().then((path) => (path ? open({ kind: 'program', path }) : undefined));
        },
        open: (path) => void openPath(path),
        clearRecent: () => {
          recent = [];
          app.clearRecentDocuments();
          void saveRecent(paths.recent, recent);
          buildMenu();
        },
      },
      recent,
      process.platform,
      lang(),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template as MenuItemConstructorOptions[]));
  }
  buildMenu();

  // Files named on the command line (ours, or a second instance's) open once the page listens.
  const pending = filesFromArgv(process.argv, process.cwd());
  window.webContents.once('did-finish-load', () => {
    pending.forEach((file) => void open(file));
    openedBeforeReady.splice(0).forEach((path) => void openPath(path));
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    for (const file of filesFromArgv(argv, workingDirectory)) void open(file);
  });
  app.off('open-file', collectEarly);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openPath(path);
  });

  app.on('window-all-closed', () => {
    void session.close().finally(() => app.quit());
  });

  await window.loadURL(paths.renderer);
}
