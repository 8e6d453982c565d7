// One tab's socket, driven as `ws` would drive it: what a request earns in reply,
// and when the host gives up on a tab instead of buffering for it.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import { WEB_RPC_DELTA, webRpcName } from '../../shared/api/console-channels';
import type { ConsoleApi } from '../../shared/api/contract';
import type { ConsoleDelta } from '../../shared/api/console-state';
import { CLOSE_CODES, RPC_ERRORS } from '../../shared/protocol';
import { serveConsoleSocket } from './console-socket';

const LIMIT = 8 * 1024 * 1024;

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closed: { code: number; reason: string } | undefined;
  failSends = 0;
  send(text: string): void {
    if (this.failSends > 0) {
      this.failSends -= 1;
      throw new Error('send failed');
    }
    this.sent.push(text);
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

function serve(calls: Partial<Record<string, () => Promise<unknown>>> = {}) {
  const socket = new FakeSocket();
  let listener: ((delta: ConsoleDelta) => void) | undefined;
  const unsubscribe = vi.fn();
  const api = {
    ...calls,
    onDelta: (l: (delta: ConsoleDelta) => void) => {
      listener = l;
      return unsubscribe;
    },
  } as unknown as ConsoleApi;
  serveConsoleSocket(socket as unknown as WebSocket, api);
  const push = (delta: unknown) => listener?.(delta as ConsoleDelta);
  return { socket, push, unsubscribe };
}

/** Sends one text frame and waits for the reply it earns. */
async function ask(socket: FakeSocket, text: string, isBinary = false): Promise<unknown> {
  const before = socket.sent.length;
  socket.emit('message', Buffer.from(text), isBinary);
  await vi.waitFor(() => expect(socket.sent.length).toBeGreaterThan(before));
  return JSON.parse(socket.sent[before] as string);
}

describe('console socket: deltas', () => {
  it('pushes each delta as a JSON-RPC notification', () => {
    const { socket, push } = serve();
    push({ seq: 1 });
    expect(JSON.parse(socket.sent[0] as string)).toEqual({
      jsonrpc: '2.0',
      method: WEB_RPC_DELTA,
      params: { seq: 1 },
    });
  });

  it('still sends at the buffer limit, and closes a tab that is past it (4003)', () => {
    const { socket, push } = serve();
    socket.bufferedAmount = LIMIT;
    push({ seq: 1 });
    expect(socket.sent).toHaveLength(1);
    expect(socket.closed).toBeUndefined();
    socket.bufferedAmount = LIMIT + 1;
    push({ seq: 2 });
    expect(socket.sent).toHaveLength(1);
    expect(socket.closed?.code).toBe(CLOSE_CODES.slowConsumer);
    expect(socket.closed?.reason).toMatch(/reload/);
  });

  it('closes the tab (so it reloads the state) rather than skip a delta it cannot send', () => {
    const { socket, push } = serve();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    push({ seq: 1n });
    expect(logged).toHaveBeenCalledWith(
      'watchfloor: could not send a delta to a tab:',
      expect.stringMatching(/BigInt/),
    );
    expect(socket.sent).toHaveLength(0);
    expect(socket.closed?.code).toBe(CLOSE_CODES.slowConsumer);
    expect(socket.closed?.reason).toMatch(/reload/);
  });

  it('stops the delta stream when the socket closes or fails', () => {
    const closed = serve();
    closed.socket.emit('close');
    expect(closed.unsubscribe).toHaveBeenCalledOnce();
    const failed = serve();
    failed.socket.emit('error', new Error('reset'));
    expect(failed.unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('console socket: requests', () => {
  const errorOf = (reply: unknown) => (reply as { error: { code: number; message: string } }).error;

  it('answers a call to a method with no params given', async () => {
    const { socket } = serve({ getState: () => Promise.resolve({ ok: 1 }) });
    const reply = await ask(socket, JSON.stringify({ id: 7, method: webRpcName('getState') }));
    expect(reply).toEqual({ jsonrpc: '2.0', id: 7, result: { ok: 1 } });
  });

  it('refuses binary frames, malformed JSON and JSON that is not a request', async () => {
    const { socket } = serve();
    expect(await ask(socket, '{}', true)).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: RPC_ERRORS.invalidRequest, message: 'text frames only' },
    });
    expect(errorOf(await ask(socket, '{'))).toEqual({
      code: RPC_ERRORS.parseError,
      message: 'malformed JSON',
    });
    for (const text of ['null', '42', '"console.getState"']) {
      const refused = errorOf(await ask(socket, text));
      expect(refused, text).toEqual({ code: RPC_ERRORS.invalidRequest, message: 'not a request' });
    }
  });

  it('answers a failing console or an unsendable result with an internal error', async () => {
    const getState = JSON.stringify({ id: 2, method: 'console.getState' });
    const down = serve({ getState: () => Promise.reject(new Error('console down')) });
    const failed = errorOf(await ask(down.socket, getState));
    expect(failed).toEqual({ code: RPC_ERRORS.internalError, message: 'console down' });
    const big = serve({ getState: () => Promise.resolve({ big: 1n }) });
    const unsendable = await ask(big.socket, getState);
    expect(unsendable).toEqual({
      jsonrpc: '2.0',
      id: 2,
      error: { code: RPC_ERRORS.internalError, message: 'reply not serialisable' },
    });
  });

  it('turns a request that throws on its way out into an error reply, never a rejection', async () => {
    const { socket } = serve();
    socket.failSends = 1;
    const reply = errorOf(await ask(socket, '{'));
    expect(reply).toEqual({ code: RPC_ERRORS.internalError, message: 'send failed' });
  });

  it('says only that the request failed when what it threw is not an Error', async () => {
    const { socket } = serve();
    const send = socket.send.bind(socket);
    let thrown = false;
    socket.send = (text: string) => {
      if (thrown) return send(text);
      thrown = true;
      throw 'socket gone';
    };
    const reply = errorOf(await ask(socket, '{'));
    expect(reply).toEqual({ code: RPC_ERRORS.internalError, message: 'request failed' });
  });

  it('sends nothing to a socket that is no longer open', async () => {
    const { socket } = serve({ getState: () => Promise.resolve({}) });
    socket.readyState = 3;
    socket.emit('message', Buffer.from('{'), false);
    socket.emit(
      'message',
      Buffer.from(JSON.stringify({ id: 1, method: 'console.getState' })),
      false,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.sent).toHaveLength(0);
  });
});
