// One Unleash bridge session over a real local socket, with a stand-in watch
// and a desk whose action hangs until released: what a console that joins
// while the action runs is told, and when requests are out of turn.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ActionDesk } from '../../../../endpoints/unleash/action-desk';
import { ConsoleSession, type SessionContext } from '../../../../endpoints/unleash/console-session';
import type { DeploymentsWatch } from '../../../../endpoints/unleash/deployments-watch';
import { SUBPROTOCOL } from '../../../../shared/protocol';
import { connectRawConsole } from '../../../support/prometheus-console';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startSessions() {
  let release: (message: string) => void = () => undefined;
  const sessions: ConsoleSession[] = [];
  const desk = new ActionDesk({
    plan: () => ({ running: 'flipping', run: () => new Promise((resolve) => (release = resolve)) }),
    publish: (status) => sessions.forEach((s) => s.notify('action.status', status)),
  });
  const watch = {
    resourceVersion: 1,
    current: { services: [], view: undefined },
    since: () => undefined,
  } as unknown as DeploymentsWatch;
  const context: SessionContext = {
    watch,
    metrics: undefined,
    desk,
    endpoint: { id: 'unleash', name: 'Unleash test' },
    actions: [{ name: 'flag.set' }],
    heartbeatMs: 5_000,
  };
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: () => SUBPROTOCOL,
  });
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (socket) => sessions.push(new ConsoleSession(socket, context)));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = async () => {
    const raw = await connectRawConsole(url);
    closers.push(() => raw.close());
    return raw;
  };
  return { open, desk, release: (message: string) => release(message) };
}

const call = {
  key: 'flip-key-0001',
  action: 'flag.set',
  args: { service: 'default', environment: 'development', flag: 'dark-mode', enabled: true },
  operator: 'dana',
  reason: 'night shift',
};

describe('an Unleash bridge session', () => {
  it('tells a console that says hello mid-way of the action under way, after its snapshot', async () => {
    const { open, desk, release } = await startSessions();
    const a = await open();
    await a.hello();
    expect((await a.request('action.submit', call)).result).toEqual({ accepted: true });
    await a.waitFor(
      'running',
      (f) => f.method === 'action.status' && f.params?.state === 'running',
    );
    const late = await open();
    await late.hello();
    const joined = await late.waitFor('the action under way', (f) => f.method === 'action.status');
    expect(joined.params).toMatchObject({ ...call, state: 'running', message: 'flipping' });
    const methods = late.frames.map((f) => f.method);
    expect(methods.indexOf('deployments.snapshot')).toBeLessThan(methods.indexOf('action.status'));
    release('flipped');
    await desk.idle();
    const outcome = await late.waitFor(
      'the outcome',
      (f) => f.method === 'action.status' && f.params?.state === 'succeeded',
    );
    expect(outcome.params).toMatchObject({ operator: 'dana', reason: 'night shift' });
    expect(late.invalid).toEqual([]);
  });

  it('refuses a submit before hello with -32600 and runs nothing; a second hello too', async () => {
    const { open, desk } = await startSessions();
    const c = await open();
    expect((await c.request('action.submit', call)).error?.code).toBe(-32600);
    expect(desk.get(call.key)).toBeUndefined();
    expect(c.frames).toHaveLength(1);
    expect((await c.hello()).result).toMatchObject({ protocol: SUBPROTOCOL });
    expect((await c.hello()).error).toEqual({
      code: -32600,
      message: 'hello was already answered on this connection',
    });
    expect(c.frames.filter((f) => f.method === 'deployments.snapshot')).toHaveLength(1);
  });
});
