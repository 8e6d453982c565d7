// A snapshot head checked against `snapshotHeadSchema`, with the same verdicts
// and messages, but with its `history` lists checked entry by entry, yielding
// to the event loop between slices: a busy hour's timeline is megabytes of
// deployments, and checking it with one zod parse stalled the main process
// for over 100 ms on a loaded machine.
import { z } from 'zod';
import {
  SNAPSHOT_LIMITS,
  snapshotHeadSchema,
  snapshotHistorySchema,
  type SnapshotHead,
  type SnapshotHistory,
} from '../../../shared/api/snapshot';
import type { RawDocument } from './snapshot-parse';
import { TimeSlicer } from './snapshot-slicer';

export interface HeadIssue {
  path: PropertyKey[];
  message: string;
}

export type HeadCheck =
  { success: true; data: SnapshotHead } | { success: false; issues: HeadIssue[] };

const LISTS = ['deployments', 'releases', 'links', 'actions', 'departed'] as const;
type ListName = (typeof LISTS)[number];

const headWithoutHistory = snapshotHeadSchema.omit({ history: true });

/** The history's own members and list lengths; the entries are checked one by one. */
const historyFrame = snapshotHistorySchema.extend(
  Object.fromEntries(
    LISTS.map((list) => [list, z.array(z.unknown()).max(SNAPSHOT_LIMITS.history)]),
  ) as Record<ListName, z.ZodArray<z.ZodUnknown>>,
);

export async function checkHead(
  doc: RawDocument,
  slicer: TimeSlicer = new TimeSlicer(),
): Promise<HeadCheck> {
  const rest = headWithoutHistory.safeParse(doc);
  if (!rest.success) return { success: false, issues: rest.error.issues };
  await slicer.maybeYield();
  const history = await checkHistory(doc.history, slicer);
  if (!history.success) {
    const issues = history.issues.map((issue) => ({ ...issue, path: ['history', ...issue.path] }));
    return { success: false, issues };
  }
  // In the schema's member order, as one parse would give it.
  const { omitted, ...head } = rest.data;
  const data = { ...head, history: history.data, ...(omitted ? { omitted } : {}) };
  return { success: true, data };
}

export async function checkHistory(
  raw: unknown,
  slicer: TimeSlicer = new TimeSlicer(),
): Promise<{ success: true; data: SnapshotHistory } | { success: false; issues: HeadIssue[] }> {
  const frame = historyFrame.safeParse(raw);
  if (!frame.success) return { success: false, issues: frame.error.issues };
  const data: Record<string, unknown> = { recorded: frame.data.recorded };
  for (const list of LISTS) {
    const entry = snapshotHistorySchema.shape[list].element;
    const checked: unknown[] = [];
    for (const [index, value] of frame.data[list].entries()) {
      const parsed = entry.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({
          ...issue,
          path: [list, index, ...issue.path],
        }));
        return { success: false, issues };
      }
      checked.push(parsed.data);
      await slicer.maybeYield();
    }
    data[list] = checked;
  }
  return { success: true, data: data as SnapshotHistory };
}
