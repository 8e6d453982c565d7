// The wall's overall status, read from the one status model: the worst of the
// firing alerts, the links and staleness. Anything the wall cannot fully see is
// a blind spot, and a wall that sees nothing says so: never "ok".
import type { ConsoleStore } from '../../store/console-store';
import { selectStatusInputs } from '../../store/console-selectors';
import { overallStatus, type OverallStatus } from '../../../../shared/rules/status-model';

export type WallSummary = OverallStatus;

export function summarizeWall(store: ConsoleStore, now: number): WallSummary {
  return overallStatus(selectStatusInputs(store, now));
}
