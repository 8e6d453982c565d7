// The preload exposes exactly the ConsoleApi and nothing else: an allowlist
// of channels, and the IPC event is stripped before anything reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleApi } from '../shared/api/console-api';
import type { ConsoleDelta } from '../shared/api/console-state';
import { IPC } from '../shared/api/ipc-channels';

const api: ConsoleApi = {
  getState: () => ipcRenderer.invoke(IPC.getState),
  submitAction: (request) => ipcRenderer.invoke(IPC.submitAction, request),
  addEndpoint: (config) => ipcRenderer.invoke(IPC.addEndpoint, config),
  updateEndpoint: (id, config) => ipcRenderer.invoke(IPC.updateEndpoint, { id, config }),
  removeEndpoint: (id) => ipcRenderer.invoke(IPC.removeEndpoint, { id }),
  reconnectEndpoint: (id) => ipcRenderer.invoke(IPC.reconnectEndpoint, { id }),
  acknowledgeAlert: (id) => ipcRenderer.invoke(IPC.acknowledgeAlert, { id }),
  queryAudit: (query) => ipcRenderer.invoke(IPC.queryAudit, query),
  updateSettings: (patch) => ipcRenderer.invoke(IPC.updateSettings, patch),
  exportSnapshot: (request) => ipcRenderer.invoke(IPC.exportSnapshot, request),
  openSnapshot: (request) => ipcRenderer.invoke(IPC.openSnapshot, request),
  annotateSnapshot: (request) => ipcRenderer.invoke(IPC.annotateSnapshot, request),
  exportReport: (request) => ipcRenderer.invoke(IPC.exportReport, request),
  onDelta: (listener) => {
    const wrapped = (_event: unknown, delta: ConsoleDelta) => listener(delta);
    ipcRenderer.on(IPC.delta, wrapped);
    return () => void ipcRenderer.removeListener(IPC.delta, wrapped);
  },
};

contextBridge.exposeInMainWorld('watchfloor', api);
