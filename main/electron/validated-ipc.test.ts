// The one IPC handler: only our own top frame, only the contract's own
// methods, only args their tuple accepts reach the console.
import { describe, expect, it, vi } from 'vitest';
import type { WebFrameMain } from 'electron';
import { IPC_CHANNELS } from '../../shared/api/console-channels';
import { CONSOLE_CONTRACT, CONSOLE_METHODS, type ConsoleApi } from '../../shared/api/contract';
import { callFromPage, rendererFrameCheck, serveContract } from './validated-ipc';

const handle = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ ipcMain: { handle } }));

const APP = 'file:///opt/watchfloor/renderer/index.html';
const isOurFrame = rendererFrameCheck(APP);
const frame = (url: string, parent: unknown = null) => ({ url, parent }) as WebFrameMain;

/** A console that records which method ran, on which object, with what. */
function fakeConsole() {
  const ran: { method: string; self: unknown; args: unknown[] }[] = [];
  const api = { onDelta: () => () => {} } as unknown as ConsoleApi;
  for (const method of CONSOLE_METHODS) {
    Object.assign(api, {
      [method](this: unknown, ...args: unknown[]) {
        ran.push({ method, self: this, args });
        return Promise.resolve(`${method} done`);
      },
    });
  }
  return { api, ran };
}

/** A method that takes no args, and one that takes some: found in the contract, not named. */
const noArgs = CONSOLE_METHODS.find((m) => CONSOLE_CONTRACT[m].args.safeParse([]).success);

describe('rendererFrameCheck', () => {
  it('accepts the app scheme page only: same scheme, host and path, not just the same "null" origin', () => {
    const isApp = rendererFrameCheck('app://watchfloor/index.html');
    expect(isApp(frame('app://watchfloor/index.html#view=wall'))).toBe(true);
    for (const url of [
      'evil://watchfloor/index.html',
      'app://other/index.html',
      'file:///index.html',
      'data:text/html,<p>/index.html',
      'http://watchfloor/index.html',
      'app://watchfloor/other.html',
    ]) {
      expect(isApp(frame(url)), url).toBe(false);
    }
    expect(isOurFrame(frame('evil://host/opt/watchfloor/renderer/index.html'))).toBe(false);
  });

  it('refuses a frame whose URL does not parse', () => {
    for (const url of ['', 'not a url', 'http://['])
      expect(isOurFrame(frame(url)), url).toBe(false);
  });
});

describe('callFromPage', () => {
  it('refuses any frame but our own top frame, before the console runs', () => {
    const { api, ran } = fakeConsole();
    for (const sender of [
      frame('https://evil.example/'),
      frame('file:///opt/watchfloor/renderer/other.html'),
      frame(APP, frame(APP)),
      null,
    ]) {
      expect(() => callFromPage(api, isOurFrame, sender, noArgs, [])).toThrow(
        /sender is not the Watchfloor window/,
      );
    }
    expect(ran).toEqual([]);
  });

  it('names at most 80 characters of a refused method, however long the name sent', () => {
    const { api } = fakeConsole();
    const long = `${'m'.repeat(80)}${'x'.repeat(10_000)}`;
    expect(() => callFromPage(api, isOurFrame, null, long, [])).toThrow(
      new Error(`refused ${'m'.repeat(80)}: sender is not the Watchfloor window`),
    );
  });

  it('refuses names that are not the contract’s own methods', () => {
    const { api, ran } = fakeConsole();
    for (const method of ['constructor', '__proto__', 'toString', 'onDelta', 'fs.readFile', 42]) {
      expect(() => callFromPage(api, isOurFrame, frame(APP), method, []), String(method)).toThrow(
        /unknown method/,
      );
    }
    expect(ran).toEqual([]);
  });

  it('refuses args the method’s tuple does not accept, for every method', () => {
    const { api, ran } = fakeConsole();
    for (const method of CONSOLE_METHODS) {
      for (const args of [[{ not: 'valid' }, 1, 2, 3], { not: 'a tuple' }, undefined]) {
        expect(() => callFromPage(api, isOurFrame, frame(APP), method, args), method).toThrow(
          new RegExp(`refused ${method}: invalid params`),
        );
      }
    }
    expect(ran).toEqual([]);
  });

  it('runs a valid call on the console itself and returns its answer', async () => {
    const { api, ran } = fakeConsole();
    expect(noArgs).toBeDefined();
    await expect(callFromPage(api, isOurFrame, frame(APP), noArgs, [])).resolves.toBe(
      `${noArgs} done`,
    );
    expect(ran).toEqual([{ method: noArgs, self: api, args: [] }]);
    expect(ran[0]?.self, 'called on the console, so `this` holds').toBe(api);
  });
});

describe('serveContract', () => {
  it('registers one call channel that passes the sender frame, method and args through', async () => {
    const { api, ran } = fakeConsole();
    handle.mockClear();
    serveContract(api, isOurFrame);
    expect(handle).toHaveBeenCalledTimes(1);
    const [channel, handler] = handle.mock.calls[0] as [string, (...a: unknown[]) => unknown];
    expect(channel).toBe(IPC_CHANNELS.call);
    await expect(handler({ senderFrame: frame(APP) }, noArgs, [])).resolves.toBe(`${noArgs} done`);
    expect(() => handler({ senderFrame: frame('https://evil.example/') }, noArgs, [])).toThrow();
    expect(ran).toHaveLength(1);
  });
});
