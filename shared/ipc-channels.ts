// Electron IPC channel names: the preload exposes exactly these. Kept apart
// from the schemas so the sandboxed preload bundles no schema library.
export const IPC = {
  getState: 'watchfloor:get-state',
  submitAction: 'watchfloor:submit-action',
  delta: 'watchfloor:delta',
} as const;
