import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleFeed } from './console-feed';
import type { ActionRecord } from '../../shared/api/actions';
import type { ConsoleDelta, ConsoleEvent } from '../../shared/api/console-state';
import type { ConsoleSeries } from '../../shared/api/series';
import type { EndpointStatus } from '../../shared/api/links';

const status = (id: string, state: EndpointStatus['state']): EndpointStatus => ({
  id,
  url: `ws://${id}:1/`,
  name: id,
  state,
  actions: [],
  messageRate: 0,
  framesReceived: 0,
  framesRejected: 0,
  samplesDropped: 0,
  seriesCount: 0,
  recentErrors: [],
  hasToken: false,
  source: 'cli',
});

const series = (key: string): ConsoleSeries => ({
  id: key.split('/')[1] ?? key,
  key,
  endpointId: key.split('/')[0] ?? key,
  title: key,
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
});

const action = (key: string, state: ActionRecord['state']): ActionRecord => ({
  key,
  endpointId: 'ep1',
  action: 'deploy.rollback',
  args: { service: 'billing', environment: 'production' },
  state,
  operator: 'alice',
  submittedAt: 1,
  updatedAt: 1,
});

const event = (id: string, endpointId = 'ep1'): ConsoleEvent => ({
  specversion: '1.0',
  id,
  source: 'demo',
  type: 'deploy.started',
  time: '2024-01-01T00:00:00Z',
  endpointId,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsoleFeed: a console that cannot take a delta', () => {
  it('is skipped for that seq while the others get it and the timer keeps flushing', async () => {
    const feed = new ConsoleFeed(5);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const healthy: number[] = [];
    feed.subscribe(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    feed.subscribe((delta) => healthy.push(delta.seq));
    feed.start();
    feed.samples('ep1/cpu', { t: [1], v: [1] });
    await vi.waitFor(() => expect(healthy).toEqual([1]));
    feed.samples('ep1/cpu', { t: [2], v: [2] });
    await vi.waitFor(() => expect(healthy).toEqual([1, 2]));
    feed.stop();
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/delta 1 not delivered to one console, which will resync: Maximum/),
    );
    error.mockRestore();
  });
});

describe('ConsoleFeed.flush', () => {
  it('emits nothing when nothing changed', () => {
    const feed = new ConsoleFeed();
    const listener = vi.fn();
    feed.subscribe(listener);
    expect(feed.flush()).toBeUndefined();
    expect(listener).not.toHaveBeenCalled();
  });

  it('coalesces samples from many calls into one delta with points in order', () => {
    const feed = new ConsoleFeed();
    const listener = vi.fn<(delta: ConsoleDelta) => void>();
    feed.subscribe(listener);
    feed.samples('ep1/cpu', { t: [1, 2], v: [10, 20] });
    feed.samples('ep1/mem', { t: [1], v: [100] });
    feed.samples('ep1/cpu', { t: [3], v: [30] });
    feed.samples('ep1/cpu', { t: [4, 5], v: [40, 50] });
    feed.samples('ep1/mem', { t: [2], v: [200] });

    const delta = feed.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(delta);
    expect(delta?.points).toEqual({
      'ep1/cpu': { t: [1, 2, 3, 4, 5], v: [10, 20, 30, 40, 50] },
      'ep1/mem': { t: [1, 2], v: [100, 200] },
    });
  });

  it('does not re-send points after a flush', () => {
    const feed = new ConsoleFeed();
    feed.samples('ep1/cpu', { t: [1], v: [1] });
    feed.flush();
    expect(feed.flush()).toBeUndefined();
    feed.samples('ep1/cpu', { t: [2], v: [2] });
    expect(feed.flush()?.points).toEqual({ 'ep1/cpu': { t: [2], v: [2] } });
  });

  it("copies each batch, so the caller's arrays die young, and groups interleaved keys in time order", () => {
    const feed = new ConsoleFeed();
    const first = { t: [1], v: [10] };
    feed.samples('ep1/a', first);
    feed.samples('ep1/b', { t: [1, 2], v: [5, 6] });
    feed.samples('ep1/a', { t: [2, 3], v: [20, 30] });
    first.t.push(99);
    const points = feed.flush()?.points;
    expect(points).toEqual({
      'ep1/a': { t: [1, 2, 3], v: [10, 20, 30] },
      'ep1/b': { t: [1, 2], v: [5, 6] },
    });
    expect(points?.['ep1/a']).not.toBe(first);
    expect(Object.keys(points ?? {})).toEqual(['ep1/a', 'ep1/b']);
  });

  it('keeps only the latest endpoint status, series entry and action record per id', () => {
    const feed = new ConsoleFeed();
    feed.endpoint(status('ep1', 'connecting'));
    feed.endpoint(status('ep2', 'connecting'));
    feed.endpoint(status('ep1', 'open'));
    feed.catalog([series('ep1/cpu')]);
    feed.catalog([{ ...series('ep1/cpu'), title: 'CPU v2' }]);
    feed.action(action('key-00000001', 'pending'));
    feed.action(action('key-00000001', 'accepted'));
    const delta = feed.flush();
    expect(delta?.endpoints?.map((e) => [e.id, e.state])).toEqual([
      ['ep1', 'open'],
      ['ep2', 'connecting'],
    ]);
    expect(delta?.series?.map((s) => s.title)).toEqual(['CPU v2']);
    expect(delta?.actions?.map((a) => a.state)).toEqual(['accepted']);
  });

  it('includes only the kinds of change that happened', () => {
    const feed = new ConsoleFeed();
    feed.deployment({ endpointId: 'ep1', resourceVersion: 2, services: [] });
    const delta = feed.flush();
    expect(delta).toEqual({
      seq: 1,
      deployments: [{ endpointId: 'ep1', resourceVersion: 2, services: [] }],
    });
  });

  it('numbers deltas with an increasing seq, not counting empty flushes', () => {
    const feed = new ConsoleFeed();
    const seqs: number[] = [];
    feed.subscribe((d) => seqs.push(d.seq));
    feed.endpoint(status('ep1', 'open'));
    feed.flush();
    feed.flush();
    feed.flush();
    feed.samples('k', { t: [1], v: [1] });
    feed.flush();
    feed.action(action('key-00000001', 'pending'));
    feed.flush();
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('reports the seq of the last delta sent, so a state taken now continues from it', () => {
    const feed = new ConsoleFeed();
    expect(feed.seq).toBe(0);
    feed.notice('one');
    expect(feed.seq).toBe(0);
    feed.flush();
    feed.flush();
    expect(feed.seq).toBe(1);
    feed.notice('two');
    expect(feed.flush()?.seq).toBe(feed.seq);
    expect(feed.seq).toBe(2);
  });

  it('delivers to every subscriber and stops after unsubscribe', () => {
    const feed = new ConsoleFeed();
    const a = vi.fn();
    const b = vi.fn();
    const unsubscribeA = feed.subscribe(a);
    feed.subscribe(b);
    feed.samples('k', { t: [1], v: [1] });
    feed.flush();
    unsubscribeA();
    feed.samples('k', { t: [2], v: [2] });
    feed.flush();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('appends a 200,000-point batch without overflowing the stack', () => {
    const feed = new ConsoleFeed();
    const n = 200_000;
    const t = Array.from({ length: n }, (_, i) => i + 1);
    const v = t.map((x) => x * 2);
    feed.samples('k', { t: [0], v: [0] });
    expect(() => feed.samples('k', { t, v })).not.toThrow();
    expect(() => feed.samples('k', { t, v })).not.toThrow();
    const points = feed.flush()?.points?.k;
    expect(points?.t).toHaveLength(2 * n + 1);
    expect(points?.v).toHaveLength(2 * n + 1);
    expect(points?.t[0]).toBe(0);
    expect(points?.t[n]).toBe(n);
    expect(points?.t[n + 1]).toBe(1);
    expect(points?.v[2 * n]).toBe(2 * n);
  });

  it('a 200,000-point first batch also works', () => {
    const feed = new ConsoleFeed();
    const n = 200_000;
    const t = Array.from({ length: n }, (_, i) => i);
    expect(() => feed.samples('k', { t, v: t })).not.toThrow();
    expect(feed.flush()?.points?.k?.t).toHaveLength(n);
  });
});

describe('ConsoleFeed.event', () => {
  it('sends every event once, in arrival order, without coalescing', () => {
    const feed = new ConsoleFeed();
    feed.event(event('e1'));
    feed.event(event('e2', 'ep2'));
    feed.event(event('e1'));
    const delta = feed.flush();
    expect(delta).toEqual({ seq: 1, events: [event('e1'), event('e2', 'ep2'), event('e1')] });
    expect(feed.flush()).toBeUndefined();
    feed.event(event('e3'));
    expect(feed.flush()?.events).toEqual([event('e3')]);
  });
});

describe('ConsoleFeed.removed', () => {
  it('reports removed endpoints and series keys in the delta', () => {
    const feed = new ConsoleFeed();
    feed.removed('ep1', ['ep1/cpu', 'ep1/mem']);
    expect(feed.flush()).toEqual({
      seq: 1,
      endpointsRemoved: ['ep1'],
      seriesRemoved: ['ep1/cpu', 'ep1/mem'],
    });
    expect(feed.flush()).toBeUndefined();
  });

  it('without an endpoint id, reports only the series keys', () => {
    const feed = new ConsoleFeed();
    feed.removed(undefined, ['ep1/cpu']);
    expect(feed.flush()).toEqual({ seq: 1, seriesRemoved: ['ep1/cpu'] });
  });

  it('an empty removal is no change at all', () => {
    const feed = new ConsoleFeed();
    feed.removed(undefined, []);
    expect(feed.flush()).toBeUndefined();
  });

  it('drops the pending status and deployments of a removed endpoint, not of others', () => {
    const feed = new ConsoleFeed();
    feed.endpoint(status('ep1', 'open'));
    feed.endpoint(status('ep2', 'open'));
    feed.deployment({ endpointId: 'ep1', resourceVersion: 2, services: [] });
    feed.deployment({ endpointId: 'ep2', resourceVersion: 7, services: [] });
    feed.removed('ep1', []);
    const delta = feed.flush();
    expect(delta?.endpoints?.map((e) => e.id)).toEqual(['ep2']);
    expect(delta?.deployments?.map((d) => d.endpointId)).toEqual(['ep2']);
    expect(delta?.endpointsRemoved).toEqual(['ep1']);
  });

  it('drops the pending catalog entries and points of removed keys, not of others', () => {
    const feed = new ConsoleFeed();
    feed.catalog([series('ep1/cpu'), series('ep1/mem')]);
    feed.samples('ep1/cpu', { t: [1], v: [1] });
    feed.samples('ep1/mem', { t: [1], v: [2] });
    feed.removed(undefined, ['ep1/cpu']);
    const delta = feed.flush();
    expect(delta?.series?.map((s) => s.key)).toEqual(['ep1/mem']);
    expect(delta?.points).toEqual({ 'ep1/mem': { t: [1], v: [2] } });
    expect(delta?.seriesRemoved).toEqual(['ep1/cpu']);
  });

  it("drops the points of several removed keys at once, and keeps a re-listed key's later points", () => {
    const feed = new ConsoleFeed();
    feed.samples('ep1/a', { t: [1, 2], v: [1, 2] });
    feed.samples('ep1/b', { t: [1], v: [5] });
    feed.samples('ep1/c', { t: [1, 2, 3], v: [1, 2, 3] });
    feed.samples('ep1/b', { t: [2, 3], v: [6, 7] });
    feed.samples('ep1/a', { t: [3], v: [3] });
    feed.removed('ep1', ['ep1/a', 'ep1/c']);
    feed.samples('ep1/a', { t: [4], v: [9] });
    expect(feed.flush()?.points).toEqual({
      'ep1/b': { t: [1, 2, 3], v: [5, 6, 7] },
      'ep1/a': { t: [4], v: [9] },
    });
  });

  it('a removal that empties every pending upsert still sends the removal', () => {
    const feed = new ConsoleFeed();
    feed.catalog([series('ep1/cpu')]);
    feed.samples('ep1/cpu', { t: [1], v: [1] });
    feed.endpoint(status('ep1', 'open'));
    feed.removed('ep1', ['ep1/cpu']);
    expect(feed.flush()).toEqual({ seq: 1, endpointsRemoved: ['ep1'], seriesRemoved: ['ep1/cpu'] });
  });

  it('lists each removed id once however often it is removed', () => {
    const feed = new ConsoleFeed();
    feed.removed('ep1', ['ep1/cpu']);
    feed.removed('ep1', ['ep1/cpu', 'ep1/mem']);
    const delta = feed.flush();
    expect(delta?.endpointsRemoved).toEqual(['ep1']);
    expect(delta?.seriesRemoved).toEqual(['ep1/cpu', 'ep1/mem']);
  });

  it('does not repeat removals in the next delta', () => {
    const feed = new ConsoleFeed();
    feed.removed('ep1', ['ep1/cpu']);
    feed.flush();
    feed.samples('ep2/cpu', { t: [1], v: [1] });
    const delta = feed.flush();
    expect(delta?.endpointsRemoved).toBeUndefined();
    expect(delta?.seriesRemoved).toBeUndefined();
  });
});

describe('ConsoleFeed throttle', () => {
  const started = (flushMs: number) => {
    vi.useFakeTimers();
    const feed = new ConsoleFeed(flushMs);
    const listener = vi.fn<(delta: ConsoleDelta) => void>();
    feed.subscribe(listener);
    feed.start();
    return { feed, listener };
  };

  it('sends a change after a quiet spell at once, gathering the rest of its frame', () => {
    const { feed, listener } = started(100);
    feed.samples('k', { t: [1], v: [1] });
    feed.samples('k', { t: [2], v: [2] });
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0].points).toEqual({ k: { t: [1, 2], v: [1, 2] } });
    vi.advanceTimersByTime(500);
    expect(listener).toHaveBeenCalledTimes(1);
    feed.stop();
  });

  it('sends a lone small change after a small delta within one frame, not flushMs', () => {
    const { feed, listener } = started(50);
    feed.samples('k', { t: [1], v: [1] });
    vi.advanceTimersByTime(3);
    const sampledAt = Date.now();
    feed.samples('k', { t: [2], v: [2] });
    vi.advanceTimersByTime(16);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[1]?.[0].points).toEqual({ k: { t: [2], v: [2] } });
    expect(Date.now() - sampledAt).toBeLessThanOrEqual(16);
    feed.stop();
  });

  /** Sends `perTick` keys one point each every 5 ms for a second; when each point left. */
  const stream = (flushMs: number, perTick: number) => {
    const { feed, listener } = started(flushMs);
    const sentAt: number[] = [];
    const waits: number[] = [];
    const stampedAt = new Map<number, number>();
    listener.mockImplementation((delta) => {
      sentAt.push(Date.now());
      for (const points of Object.values(delta.points ?? {})) {
        for (const t of points.t) waits.push(Date.now() - stampedAt.get(t)!);
      }
    });
    for (let tick = 0; tick < 200; tick += 1) {
      for (let key = 0; key < perTick; key += 1) {
        const t = tick * perTick + key;
        stampedAt.set(t, Date.now());
        feed.samples(`k${key}`, { t: [t], v: [t] });
      }
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(flushMs);
    feed.stop();
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] as number));
    return { listener, sentAt, gaps, waits };
  };

  const receivedPerKey = (listener: ReturnType<typeof started>['listener']) => {
    const received = new Map<string, number[]>();
    for (const [delta] of listener.mock.calls) {
      for (const [key, points] of Object.entries(delta.points ?? {})) {
        received.set(key, [...(received.get(key) ?? []), ...points.t]);
      }
    }
    return received;
  };

  it('sends a trickle at most once a frame, each point within a frame', () => {
    const { listener, gaps, waits } = stream(100, 1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...waits)).toBeLessThanOrEqual(16);
    const points = receivedPerKey(listener).get('k0');
    expect(points).toEqual(Array.from({ length: 200 }, (_, t) => t));
  });

  it('under a flood sends at most one delta per flushMs, losing and reordering nothing', () => {
    // 50 series at 200 Hz: 10,000 samples a second, as the flood bench row sends.
    const { listener, sentAt, gaps, waits } = stream(50, 50);
    // The first delta is one small tick: only the one after it may follow a frame later.
    expect(Math.min(...gaps.slice(1))).toBeGreaterThanOrEqual(50);
    expect(sentAt.length).toBeLessThanOrEqual(1000 / 50 + 2);
    expect(Math.max(...waits)).toBeLessThanOrEqual(50);
    const received = receivedPerKey(listener);
    expect(received.size).toBe(50);
    for (let key = 0; key < 50; key += 1) {
      expect(received.get(`k${key}`)).toEqual(Array.from({ length: 200 }, (_, i) => i * 50 + key));
    }
  });

  it('after a large delta waits the rest of flushMs, after a small one again a frame', () => {
    const { feed, listener } = started(100);
    feed.catalog(Array.from({ length: 100 }, (_, i) => series(`ep1/s${i}`)));
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(30);
    feed.notice('two');
    vi.advanceTimersByTime(68);
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(listener.mock.calls[1]?.[0].notices).toEqual(['two']);
    vi.advanceTimersByTime(5);
    feed.notice('three');
    vi.advanceTimersByTime(10);
    expect(listener).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(3);
    feed.stop();
  });

  it('does not count the points of a removed series toward a large delta', () => {
    const { feed, listener } = started(100);
    const many = Array.from({ length: 100 }, (_, t) => t);
    feed.samples('gone', { t: many, v: many });
    feed.removed(undefined, ['gone']);
    vi.advanceTimersByTime(1);
    expect(listener.mock.calls[0]?.[0].points).toBeUndefined();
    feed.samples('k', { t: [1], v: [1] });
    vi.advanceTimersByTime(16);
    expect(listener).toHaveBeenCalledTimes(2);
    feed.stop();
  });

  it('sends nothing after stop(), and what was pending before start() once started', () => {
    vi.useFakeTimers();
    const feed = new ConsoleFeed(100);
    const listener = vi.fn<(delta: ConsoleDelta) => void>();
    feed.subscribe(listener);
    feed.samples('k', { t: [1], v: [1] });
    vi.advanceTimersByTime(1000);
    expect(listener).not.toHaveBeenCalled();
    feed.start();
    feed.start();
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    feed.stop();
    feed.samples('k', { t: [3], v: [3] });
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a manual flush resets the gap and disarms the timer', () => {
    const { feed, listener } = started(100);
    feed.samples('k', { t: [1], v: [1] });
    feed.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(1);
    feed.stop();
  });
});
