// The ConsoleApi: what the renderer may ask of the main process, and the one
// delta it is pushed. Both hosts (Electron IPC and the browser host's
// WebSocket) carry exactly these shapes and validate them with these schemas.
import { z } from 'zod';
import type { ActionRecord, ActionRequest } from './actions';
import type { AuditEntry, AuditQuery } from './audit';
import type { ConsoleDelta, ConsoleState } from './console-state';
import type { EndpointConfig, EndpointStatus } from './links';
import type { SettingsPatch } from './settings';
import type { Snapshot } from './snapshot';
import type {
  SnapshotAnnotate,
  SnapshotExport,
  SnapshotFileInfo,
  SnapshotOpen,
} from './snapshot-files';

export const alertIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export interface ConsoleApi {
  getState(): Promise<ConsoleState>;
  submitAction(request: ActionRequest): Promise<ActionRecord>;
  addEndpoint(config: EndpointConfig): Promise<EndpointStatus>;
  updateEndpoint(id: string, config: EndpointConfig): Promise<EndpointStatus>;
  removeEndpoint(id: string): Promise<void>;
  /** Dial now, skipping the backoff wait (for a failed or reconnecting link). */
  reconnectEndpoint(id: string): Promise<void>;
  acknowledgeAlert(id: string): Promise<void>;
  /** The audit log, newest first. */
  queryAudit(query: AuditQuery): Promise<AuditEntry[]>;
  /** Changes layout, theme, playlist, operator name or windows; returns the new settings. */
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Writes the last windowMs (an hour by default) of everything to a .wfsnap. */
  exportSnapshot(request: SnapshotExport): Promise<SnapshotFileInfo>;
  /** Reads a snapshot for review: validated, with points decimated for charts. */
  openSnapshot(request: SnapshotOpen): Promise<Snapshot>;
  annotateSnapshot(request: SnapshotAnnotate): Promise<SnapshotFileInfo>;
  /** A self-contained HTML report of a snapshot, beside it. */
  exportReport(request: { fileName: string }): Promise<SnapshotFileInfo>;
  /** Subscribes to the delta stream; returns the unsubscribe function. */
  onDelta(listener: (delta: ConsoleDelta) => void): () => void;
}

/** Browser-host RPC method names over its loopback WebSocket. */
export const WEB_RPC = {
  getState: 'console.getState',
  submitAction: 'console.submitAction',
  addEndpoint: 'console.addEndpoint',
  updateEndpoint: 'console.updateEndpoint',
  removeEndpoint: 'console.removeEndpoint',
  reconnectEndpoint: 'console.reconnectEndpoint',
  acknowledgeAlert: 'console.acknowledgeAlert',
  queryAudit: 'console.queryAudit',
  updateSettings: 'console.updateSettings',
  exportSnapshot: 'console.exportSnapshot',
  openSnapshot: 'console.openSnapshot',
  annotateSnapshot: 'console.annotateSnapshot',
  exportReport: 'console.exportReport',
  delta: 'console.delta',
} as const;
