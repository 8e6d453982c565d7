// The core's delta stream as a page sees it: releases re-evaluated every
// second reach it only when they really change, and a full state lines up
// with the deltas around it. The gates are pinned so each second's releases
// are the test's to choose.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleDelta } from '../../shared/api/console-state';
import type { ReleaseStatus } from '../../shared/api/releases';
import { ConsoleCore } from './console-core';
import { ReleaseGates } from './deploys/release-gates';

const canary = { id: 'canary', name: 'Canary', share: 0.05, version: '2.0.0', since: 1_000 };
const release = (readyAt: number): ReleaseStatus => ({
  endpointId: 'ep1',
  service: 'billing',
  serviceName: 'Billing',
  environment: 'production',
  version: '2.0.0',
  baselineVersion: '1.9.0',
  rings: [canary],
  ring: canary,
  gates: [],
  promote: { allowed: false, reason: 'soaking', readyAt },
});

/** The same value with every object's keys in reverse order. */
const reversedKeys = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).reverse())
      : item,
  ) as T;

let core: ConsoleCore | undefined;

afterEach(() => {
  core?.stop();
  core = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A started core whose gates evaluate to each list in turn, one per second, then the last. */
function started(releasesPerSecond: ReleaseStatus[][]) {
  vi.useFakeTimers();
  const evaluate = vi.spyOn(ReleaseGates.prototype, 'evaluate');
  evaluate.mockReturnValue(releasesPerSecond.at(-1) ?? []);
  for (const releases of releasesPerSecond) evaluate.mockReturnValueOnce(releases);
  core = new ConsoleCore({ endpoints: [], clientVersion: 'test', flushMs: 50 });
  const deltas: ConsoleDelta[] = [];
  core.onDelta((delta) => deltas.push(delta));
  core.start();
  return { core, deltas };
}

const readyAtOf = (delta: ConsoleDelta | undefined) =>
  delta?.releases?.map((r) => r.promote.readyAt);

describe('ConsoleCore releases', () => {
  it('are sent when they change, not when they come back equal in another key order', () => {
    const { deltas } = started([
      [release(5_000)],
      reversedKeys([release(5_000)]),
      [release(6_000)],
    ]);
    vi.advanceTimersByTime(1_001);
    expect(deltas.map(readyAtOf)).toEqual([[5_000]]);
    vi.advanceTimersByTime(1_000);
    expect(deltas).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(deltas.map(readyAtOf)).toEqual([[5_000], [6_000]]);
  });
});

describe('ConsoleCore.getState', () => {
  it('stands at the last delta sent, and later deltas carry only what changed after it', async () => {
    const { core, deltas } = started([[release(5_000)], [release(6_000)]]);
    // A change is pending, not yet flushed, when the page asks for the state.
    vi.advanceTimersByTime(1_000);
    const state = await core.getState();
    expect(state.releases.map((r) => r.promote.readyAt)).toEqual([5_000]);
    expect(state.seq).toBe(deltas.at(-1)?.seq);

    vi.advanceTimersByTime(1_001);
    const after = deltas.filter((delta) => delta.seq > state.seq);
    expect(after.map((delta) => delta.seq)).toEqual([state.seq + 1]);
    expect(after.map(readyAtOf)).toEqual([[6_000]]);
  });

  it('is at seq 0 before any delta was sent', async () => {
    const { core, deltas } = started([[]]);
    const state = await core.getState();
    expect(state.seq).toBe(0);
    expect(deltas).toEqual([]);
  });
});
