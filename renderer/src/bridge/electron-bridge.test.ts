// The Electron bridge is the contract over the preload's one generic call:
// every method sends its positional args, every reply is checked.
import { describe, expect, it, vi } from 'vitest';
import type { WatchfloorPreload } from '../../../shared/api/console-channels';
import { CONSOLE_CONTRACT, CONSOLE_METHODS } from '../../../shared/api/contract';
import { createElectronBridge } from './electron-bridge';

function fakePreload(reply: (method: string, args: unknown[]) => Promise<unknown>) {
  const calls: [string, unknown[]][] = [];
  const preload: WatchfloorPreload = {
    call: (method, args) => {
      calls.push([method, args]);
      return reply(method, args);
    },
    onDelta: () => () => {},
  };
  return { preload, calls };
}

type AnyCall = (...args: unknown[]) => Promise<unknown>;
const voidResult = CONSOLE_METHODS.find((m) => CONSOLE_CONTRACT[m].result.safeParse(null).success);

describe('createElectronBridge', () => {
  it('has every contract method, each sending its own name and positional args', async () => {
    const { preload, calls } = fakePreload(() => Promise.resolve('not a result of anything'));
    const { api } = createElectronBridge(preload);
    for (const method of CONSOLE_METHODS) {
      await (api[method] as AnyCall)('first', { second: 2 }).catch(() => undefined);
    }
    expect(calls).toEqual(CONSOLE_METHODS.map((m) => [m, ['first', { second: 2 }]]));
  });

  it('refuses a reply its result schema does not accept, naming the method', async () => {
    const { preload } = fakePreload(() => Promise.resolve({ surprise: true }));
    const { api } = createElectronBridge(preload);
    for (const method of CONSOLE_METHODS) {
      await expect((api[method] as AnyCall)(), method).rejects.toThrow(
        `${method}: the main process sent a malformed result`,
      );
    }
  });

  it('takes "nothing" for an answer where the contract expects none', async () => {
    const { preload } = fakePreload(() => Promise.resolve(undefined));
    const { api } = createElectronBridge(preload);
    expect(voidResult).toBeDefined();
    await expect((api[voidResult!] as AnyCall)()).resolves.toBeUndefined();
  });

  it('passes the main process’s refusal on in its own words', async () => {
    const refusal = new Error(
      "Error invoking remote method 'watchfloor:call': Error: refused x: invalid params: 0 Too small",
    );
    const { preload } = fakePreload(() => Promise.reject(refusal));
    const { api } = createElectronBridge(preload);
    await expect((api[CONSOLE_METHODS[0]!] as AnyCall)()).rejects.toThrow(
      /^refused x: invalid params: 0 Too small$/,
    );
  });

  it('drops a malformed delta with a console error instead of passing it on', () => {
    let push: (delta: unknown) => void = () => {};
    const preload: WatchfloorPreload = {
      call: vi.fn(),
      onDelta: (listener) => {
        push = listener;
        return () => {};
      },
    };
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    createElectronBridge(preload).api.onDelta((delta) => seen.push(delta));
    push({ not: 'a delta' });
    expect(seen).toEqual([]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
