// The preload exposes exactly the ConsoleApi and nothing else: an allowlist
// of channels, and the IPC event is stripped before anything reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ActionRequest, ConsoleApi, ConsoleDelta } from '../shared/console-api';
import { IPC } from '../shared/ipc-channels';

const api: ConsoleApi = {
  getState: () => ipcRenderer.invoke(IPC.getState),
  submitAction: (request: ActionRequest) => ipcRenderer.invoke(IPC.submitAction, request),
  onDelta: (listener: (delta: ConsoleDelta) => void) => {
    const wrapped = (_event: unknown, delta: ConsoleDelta) => listener(delta);
    ipcRenderer.on(IPC.delta, wrapped);
    return () => void ipcRenderer.removeListener(IPC.delta, wrapped);
  },
};

contextBridge.exposeInMainWorld('watchfloor', api);
