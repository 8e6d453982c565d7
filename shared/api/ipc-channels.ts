// Electron IPC channel names: the preload exposes exactly these. Kept apart
// from the schemas so the sandboxed preload bundles no schema library.
export const IPC = {
  getState: 'watchfloor:get-state',
  submitAction: 'watchfloor:submit-action',
  addEndpoint: 'watchfloor:add-endpoint',
  updateEndpoint: 'watchfloor:update-endpoint',
  removeEndpoint: 'watchfloor:remove-endpoint',
  reconnectEndpoint: 'watchfloor:reconnect-endpoint',
  acknowledgeAlert: 'watchfloor:acknowledge-alert',
  queryAudit: 'watchfloor:query-audit',
  updateSettings: 'watchfloor:update-settings',
  exportSnapshot: 'watchfloor:export-snapshot',
  openSnapshot: 'watchfloor:open-snapshot',
  annotateSnapshot: 'watchfloor:annotate-snapshot',
  exportReport: 'watchfloor:export-report',
  delta: 'watchfloor:delta',
} as const;
