// The one ipcMain handler, as VS Code's validatedIpcMain guards its channels:
// a call from any frame that is not our own renderer's top frame, for a method
// that is not the contract's own, or with args its tuple schema refuses, is
// refused before the console sees it.
import { ipcMain, type WebFrameMain } from 'electron';
import { IPC_CHANNELS } from '../../shared/api/console-channels';
import { checkCall, invokeCall, type ConsoleApi } from '../../shared/api/contract';

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

/** Checks one call from the page, then runs it on the console; throws the refusal otherwise. */
export function callFromPage(
  api: ConsoleApi,
  isOurFrame: SenderCheck,
  frame: WebFrameMain | null,
  method: unknown,
  args: unknown,
): Promise<unknown> {
  const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
  if (!isOurFrame(frame)) {
    throw new Error(`refused ${name}: sender is not the Watchfloor window`);
  }
  const checked = checkCall(method, args);
  if (!checked.ok) throw new Error(`refused ${name}: ${checked.message}`);
  return invokeCall(api, checked.method, checked.args);
}

/** Serves every method of the contract on the one call channel. */
export function serveContract(api: ConsoleApi, isOurFrame: SenderCheck): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, args: unknown) =>
    callFromPage(api, isOurFrame, event.senderFrame, method, args),
  );
}

/**
 * True for the top frame of a page loaded from exactly the app's renderer URL:
 * same scheme, host, port and path. Not `URL.origin`, which is "null" for
 * file: and custom schemes, so it would let any such page pass.
 */
export function rendererFrameCheck(rendererUrl: string): SenderCheck {
  const expected = new URL(rendererUrl);
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    try {
      const actual = new URL(frame.url);
      return (
        actual.protocol === expected.protocol &&
        actual.host === expected.host &&
        actual.pathname === expected.pathname
      );
    } catch {
      return false;
    }
  };
}
