// The preload exposes one generic call and the delta stream, nothing else:
// which methods exist and what they accept is checked in the main process
// against the contract. The IPC event is stripped before anything reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type WatchfloorPreload } from '../shared/api/console-channels';

const api: WatchfloorPreload = {
  call: (method, args) => {
    if (typeof method !== 'string' || !Array.isArray(args)) {
      return Promise.reject(new Error('watchfloor.call takes a method name and an array of args'));
    }
    return ipcRenderer.invoke(IPC_CHANNELS.call, method, args);
  },
  onDelta: (listener) => {
    const wrapped = (_event: unknown, delta: unknown) => listener(delta);
    ipcRenderer.on(IPC_CHANNELS.delta, wrapped);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.delta, wrapped);
  },
};

contextBridge.exposeInMainWorld('watchfloor', api);
