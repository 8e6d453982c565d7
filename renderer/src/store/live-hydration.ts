// The live slice of a full state, built a slice of series at a time, each in
// a task of its own. At the series cap (5,000 series) building the records in
// the task that parsed the state, and rendering after it, was one long task.
import type { ConsoleState } from '../../../shared/api/console-state';
import type { ConsoleSeries, Points } from '../../../shared/api/series';
import type { LiveSlice } from './live-slice';
import { nextTask } from './next-task';
import { trimPoints } from './points-window';

/** Series (and their points) per task. */
export const HYDRATION_SLICE = 500;

export interface HydrationOptions {
  /** False once a newer load supersedes this one: it then stops and yields nothing. */
  stillWanted(): boolean;
  /** Series taken so far, of the state's whole catalog, after each slice. */
  progress(done: number, total: number): void;
  /** Ends the current task (tests pass their own). */
  yieldTask?: () => Promise<void>;
  slice?: number;
}

/**
 * The same slice as liveFromState, or undefined when superseded. It yields
 * before the first slice too, so the task that parsed the state ends there.
 */
export async function hydrateLive(
  state: ConsoleState,
  options: HydrationOptions,
): Promise<LiveSlice | undefined> {
  const { stillWanted, progress, yieldTask = nextTask, slice = HYDRATION_SLICE } = options;
  const series: Record<string, ConsoleSeries> = {};
  const points: Record<string, Points> = {};
  const pointEntries = Object.entries(state.points);
  const total = Math.max(state.series.length, pointEntries.length);
  for (let from = 0; from === 0 || from < total; from += slice) {
    await yieldTask();
    if (!stillWanted()) return undefined;
    for (const entry of state.series.slice(from, from + slice)) series[entry.key] = entry;
    for (const [key, value] of pointEntries.slice(from, from + slice)) {
      points[key] = trimPoints(value);
    }
    progress(Math.min(state.series.length, from + slice), state.series.length);
  }
  return { endpoints: state.endpoints, series, points };
}
