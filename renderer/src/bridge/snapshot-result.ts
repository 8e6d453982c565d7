// The check of an opened snapshot as the host returns it: the head against
// its schema, then each series' points on their own (one parse of millions
// of points at once would stall the page no less than the main process).
import { pointsSchema, type Points } from '../../../shared/api/series';
import { snapshotHeadSchema, type Snapshot } from '../../../shared/api/snapshot';
import type { ResultParser } from './bridge-connection';

export const snapshotResult: ResultParser<Snapshot> = {
  safeParse(input) {
    const head = snapshotHeadSchema.safeParse(input);
    if (!head.success) return { success: false, error: head.error };
    const raw = (input as { points?: unknown }).points;
    if (typeof raw !== 'object' || raw === null) {
      return { success: false, error: new Error('snapshot without points') };
    }
    const points: Record<string, Points> = {};
    for (const [key, value] of Object.entries(raw)) {
      const parsed = pointsSchema.safeParse(value);
      if (!parsed.success) return { success: false, error: parsed.error };
      points[key] = parsed.data;
    }
    return { success: true, data: { ...head.data, points } };
  },
};
