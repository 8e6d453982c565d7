// One wrapper for every ipcMain handler, as VS Code's validatedIpcMain does:
// unknown senders (any frame that is not our own renderer's top frame) and
// payloads that fail the shared schema are refused before a handler runs.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import type { z } from 'zod';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

export function handleValidated<S extends z.ZodType, R>(
  channel: string,
  schema: S,
  isOurFrame: SenderCheck,
  handler: (payload: z.infer<S>, event: IpcMainInvokeEvent) => Promise<R> | R,
): void {
  ipcMain.handle(channel, (event, payload: unknown) => {
    if (!isOurFrame(event.senderFrame)) {
      throw new Error(`refused ${channel}: sender is not the Watchfloor window`);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new Error(
        `refused ${channel}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}`,
      );
    }
    return handler(parsed.data, event);
  });
}

/** True for the top frame of a page loaded from exactly the app's renderer URL. */
export function rendererFrameCheck(rendererUrl: string): SenderCheck {
  const expected = new URL(rendererUrl);
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    try {
      const actual = new URL(frame.url);
      return actual.origin === expected.origin && actual.pathname === expected.pathname;
    } catch {
      return false;
    }
  };
}
