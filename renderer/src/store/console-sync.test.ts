// @vitest-environment happy-dom
// The store against a scripted host: deltas in seq order apply, a gap costs
// one full reload whose state wins, and a host that restarts (its seq starting
// over) is followed. Events show double application: they append unchecked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleDelta, ConsoleEvent, ConsoleState } from '../../../shared/api/console-state';
import { DEFAULT_SETTINGS } from '../../../shared/api/settings';
import type { BridgeConnection, ConnectionListener } from '../bridge/bridge-connection';
import { startConsoleSync } from './console-sync';
import { useConsoleStore } from './console-store';

const { endpoints: _endpoints, ...settings } = DEFAULT_SETTINGS;

const event = (id: string): ConsoleEvent => ({
  specversion: '1.0',
  id,
  source: 'demo',
  type: 'deploy.started',
  time: '2024-01-01T00:00:00Z',
  endpointId: 'ep1',
});

const state = (seq: number, eventIds: string[]): ConsoleState => ({
  seq,
  endpoints: [],
  series: [],
  points: {},
  deployments: [],
  actions: [],
  events: eventIds.map(event),
  profile: 'operator',
  notices: [],
  alerts: [],
  alertTimeline: [],
  settings,
  releases: [],
  kiosk: false,
});

const delta = (seq: number, eventId: string): ConsoleDelta => ({ seq, events: [event(eventId)] });

/** A host the test scripts: it answers getState only when told, and sends deltas on demand. */
function scriptedHost() {
  const deltaListeners = new Set<(delta: ConsoleDelta) => void>();
  const connectionListeners = new Set<ConnectionListener>();
  const replies: ((state: ConsoleState) => void)[] = [];
  const getState = vi.fn(() => new Promise<ConsoleState>((resolve) => replies.push(resolve)));
  const api = {
    getState,
    onDelta: (listener: (delta: ConsoleDelta) => void) => {
      deltaListeners.add(listener);
      return () => deltaListeners.delete(listener);
    },
  };
  const onConnection = (listener: ConnectionListener) => {
    connectionListeners.add(listener);
    return () => connectionListeners.delete(listener);
  };
  const stop = startConsoleSync(api, onConnection);
  return {
    getState,
    stop,
    connection(next: BridgeConnection) {
      for (const listener of connectionListeners) listener(next);
    },
    send(...deltas: ConsoleDelta[]) {
      for (const d of deltas) for (const listener of deltaListeners) listener(d);
    },
    /** Answers the oldest unanswered getState and lets the store take it. */
    async answer(reply: ConsoleState) {
      replies.shift()?.(reply);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const eventIds = () => useConsoleStore.getState().events.map((e) => e.id);
const initial = useConsoleStore.getState();
let host: ReturnType<typeof scriptedHost>;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  useConsoleStore.setState(initial, true);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  host = scriptedHost();
});

afterEach(() => {
  host.stop();
  vi.restoreAllMocks();
});

describe('startConsoleSync', () => {
  it('applies deltas that follow the state in seq order, without reloading', async () => {
    host.connection('open');
    await host.answer(state(4, ['a']));
    host.send(delta(5, 'b'), delta(6, 'c'));
    expect(eventIds()).toEqual(['a', 'b', 'c']);
    expect(host.getState).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('on a gap, reloads once, logs it once, and ends equal to the reloaded state', async () => {
    host.connection('open');
    await host.answer(state(1, ['a']));
    host.send(delta(2, 'b'));
    // Delta 3 was lost (or malformed and dropped by the bridge).
    host.send(delta(4, 'd'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    host.send(delta(5, 'e'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await host.answer(state(5, ['a', 'b', 'c', 'd', 'e']));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('holds deltas during the reload: those in its state are not applied again, later ones are', async () => {
    host.connection('open');
    await host.answer(state(1, ['a']));
    host.send(delta(3, 'c'));
    host.send(delta(4, 'd'), delta(5, 'e'));
    expect(eventIds()).toEqual(['a']);
    await host.answer(state(4, ['a', 'b', 'c', 'd']));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e']);
    host.send(delta(6, 'f'));
    expect(eventIds()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(host.getState).toHaveBeenCalledTimes(2);
  });

  it('follows a host that restarted behind a reconnect, its seq starting over', async () => {
    host.connection('open');
    await host.answer(state(40, ['a']));
    host.send(delta(41, 'b'));
    host.connection('lost');
    host.connection('open');
    // The new host flushes before it answers: the delta is already in its state.
    host.send(delta(1, 'x'));
    await host.answer(state(1, ['x']));
    host.send(delta(2, 'y'));
    expect(eventIds()).toEqual(['x', 'y']);
    expect(host.getState).toHaveBeenCalledTimes(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it('takes a seq that starts over without a reconnect as a gap and reloads', async () => {
    host.connection('open');
    await host.answer(state(40, ['a']));
    host.send(delta(1, 'x'));
    expect(host.getState).toHaveBeenCalledTimes(2);
    await host.answer(state(1, ['x']));
    host.send(delta(2, 'y'));
    expect(eventIds()).toEqual(['x', 'y']);
  });

  it('applies no delta before the first state, which already holds it', async () => {
    host.connection('open');
    host.send(delta(1, 'a'));
    await host.answer(state(1, ['a']));
    expect(eventIds()).toEqual(['a']);
  });
});
