/** The preload: exposes the session API to the page as `window.yieldscope`, and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { sessionBridge } from './bridge.ts';

const api = sessionBridge(ipcRenderer);
contextBridge.exposeInMainWorld('yieldscope', { call: api.call, listen: api.listen });
