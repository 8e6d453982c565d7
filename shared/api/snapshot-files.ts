// What the renderer asks of snapshots on disk: export, open, annotate, and the
// file or snapshot it gets back.
import { z } from 'zod';
import { pointsSchema, type Points } from './series';
import { snapshotHeadSchema, type Snapshot } from './snapshot';
import { SNAPSHOT_FILE_NAME } from '../rules/snapshot-file-name';

export const snapshotExportSchema = z.object({
  title: z.string().min(1).max(200),
  notes: z.string().max(20_000).optional(),
  windowMs: z.number().int().min(60_000).max(86_400_000).optional(),
});
export type SnapshotExport = z.infer<typeof snapshotExportSchema>;
export const snapshotFileNameSchema = z.string().regex(SNAPSHOT_FILE_NAME);
export const snapshotOpenSchema = z.union([
  z.object({ fileName: snapshotFileNameSchema }),
  /** A file the page read itself (browser mode's picker, drag and drop): base64, 200 MB at most. */
  z.object({ name: snapshotFileNameSchema, data: z.string().max(280_000_000) }),
]);
export type SnapshotOpen = z.infer<typeof snapshotOpenSchema>;
export const snapshotAnnotateSchema = z.object({
  fileName: snapshotFileNameSchema,
  notes: z.string().max(20_000),
  annotations: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        at: z.number(),
        text: z.string().min(1).max(2_000),
        author: z.string().max(200),
        seriesKey: z.string().max(300).optional(),
      }),
    )
    .max(1_000),
});
export type SnapshotAnnotate = z.infer<typeof snapshotAnnotateSchema>;
export const snapshotFileSchema = z.object({
  fileName: z.string(),
  size: z.number(),
});
export type SnapshotFileInfo = z.infer<typeof snapshotFileSchema>;

/** Where the browser host serves a written file to its session (the host's route, the page's link). */
export const SNAPSHOT_DOWNLOAD_ROUTE = '/files/';
export const snapshotDownloadPath = (fileName: string): string =>
  `${SNAPSHOT_DOWNLOAD_ROUTE}${encodeURIComponent(fileName)}`;

/**
 * An opened snapshot as the host returns it: the head against its schema,
 * then each series' points on their own, stopping at the first bad one (one
 * schema over millions of points would stall the page and collect every issue).
 */
export const openedSnapshotSchema = z.unknown().transform((input, ctx): OpenedSnapshot => {
  const head = snapshotHeadSchema.safeParse(input);
  if (!head.success) return refuse(ctx, head.error.issues[0]);
  const raw = (input as { points?: unknown }).points;
  if (typeof raw !== 'object' || raw === null) {
    return refuse(ctx, { path: ['points'], message: 'snapshot without points' });
  }
  const points: Record<string, Points> = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = pointsSchema.safeParse(value);
    if (!parsed.success) return refuse(ctx, parsed.error.issues[0], ['points', key]);
    points[key] = parsed.data;
  }
  const fileName = snapshotFileNameSchema.safeParse((input as { fileName?: unknown }).fileName);
  return { ...head.data, points, ...(fileName.success ? { fileName: fileName.data } : {}) };
});

/** An opened snapshot, with the name the host keeps it under when it received the bytes. */
export type OpenedSnapshot = Snapshot & { fileName?: string };

function refuse(
  ctx: z.RefinementCtx,
  issue: { path: PropertyKey[]; message: string } | undefined,
  under: PropertyKey[] = [],
): never {
  const path = [...under, ...(issue?.path ?? [])].map((p) =>
    typeof p === 'symbol' ? String(p) : p,
  );
  ctx.addIssue({ code: 'custom', message: issue?.message ?? 'invalid snapshot', path });
  return z.NEVER;
}
