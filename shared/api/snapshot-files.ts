// What the renderer asks of snapshots on disk: export, open, annotate, and the
// file it gets back.
import { z } from 'zod';

export const snapshotExportSchema = z.object({
  title: z.string().min(1).max(200),
  notes: z.string().max(20_000).optional(),
  windowMs: z.number().int().min(60_000).max(86_400_000).optional(),
});
export type SnapshotExport = z.infer<typeof snapshotExportSchema>;
export const snapshotFileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.(wfsnap|html)$/);
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
  /** Where browser mode serves it (token-guarded); the desktop app shows the folder instead. */
  downloadPath: z.string(),
});
export type SnapshotFileInfo = z.infer<typeof snapshotFileSchema>;
