import { describe, expect, it } from 'vitest';
import { LinkStats } from './link-stats';

const T = 1_700_000_000_000; // a whole second

describe('LinkStats counters', () => {
  it('starts at zero with no rtt and no problems', () => {
    const snapshot = new LinkStats().snapshot(T);
    expect(snapshot).toEqual({
      framesReceived: 0,
      framesRejected: 0,
      samplesDropped: 0,
      messageRate: 0,
      recentErrors: [],
    });
    expect('rttMs' in snapshot).toBe(false);
  });

  it('counts frames received, frames rejected and samples dropped separately', () => {
    const stats = new LinkStats();
    stats.frame(T);
    stats.frame(T);
    stats.frame(T);
    stats.rejected('bad frame', T);
    stats.dropped(7, '7 samples out of order', T);
    stats.dropped(3, '3 absurd', T);
    const snapshot = stats.snapshot(T);
    expect(snapshot.framesReceived).toBe(3);
    expect(snapshot.framesRejected).toBe(1);
    expect(snapshot.samplesDropped).toBe(10);
  });

  it('counters never go back, however old the frames', () => {
    const stats = new LinkStats();
    stats.frame(T);
    expect(stats.snapshot(T + 3_600_000).framesReceived).toBe(1);
  });
});

describe('LinkStats message rate', () => {
  it('is the frames of the 5 complete seconds before now, per second', () => {
    const stats = new LinkStats();
    for (let s = 0; s < 5; s += 1) for (let k = 0; k < 4; k += 1) stats.frame(T + s * 1000 + k);
    expect(stats.snapshot(T + 5_000).messageRate).toBe(4);
  });

  it('ignores the current, incomplete second', () => {
    const stats = new LinkStats();
    for (let k = 0; k < 50; k += 1) stats.frame(T + 5_000 + k);
    expect(stats.snapshot(T + 5_999).messageRate).toBe(0);
    expect(stats.snapshot(T + 6_000).messageRate).toBe(10);
  });

  it('ignores frames older than five seconds', () => {
    const stats = new LinkStats();
    stats.frame(T + 999); // second T/1000: six seconds before now
    stats.frame(T + 1_000); // the oldest second counted
    stats.frame(T + 5_999); // the newest complete second
    stats.frame(T + 6_000); // now: incomplete
    expect(stats.snapshot(T + 6_500).messageRate).toBe(0.4);
  });

  it('averages over the five seconds, even for a few frames', () => {
    const stats = new LinkStats();
    stats.frame(T);
    expect(stats.snapshot(T + 1_000).messageRate).toBe(0.2);
    for (let k = 0; k < 6; k += 1) stats.frame(T + 1);
    // 7 frames / 5 s = 1.4
    expect(stats.snapshot(T + 1_000).messageRate).toBe(1.4);
  });

  it('falls back to zero once the link goes quiet', () => {
    const stats = new LinkStats();
    for (let k = 0; k < 10; k += 1) stats.frame(T + k);
    expect(stats.snapshot(T + 1_000).messageRate).toBe(2);
    expect(stats.snapshot(T + 7_000).messageRate).toBe(0);
    expect(stats.snapshot(T + 7_000).framesReceived).toBe(10);
  });
});

describe('LinkStats recent problems', () => {
  it('keeps problems newest last, with their time', () => {
    const stats = new LinkStats();
    stats.problem('first', T);
    stats.rejected('rejected frame: bad json', T + 1);
    stats.dropped(2, '2 samples dropped', T + 2);
    expect(stats.snapshot(T + 3).recentErrors).toEqual([
      { at: T, message: 'first' },
      { at: T + 1, message: 'rejected frame: bad json' },
      { at: T + 2, message: '2 samples dropped' },
    ]);
  });

  it('keeps only the 10 newest', () => {
    const stats = new LinkStats();
    for (let k = 1; k <= 13; k += 1) stats.problem(`p${k}`, T + k);
    const recent = stats.snapshot(T + 20).recentErrors;
    expect(recent).toHaveLength(10);
    expect(recent.map((p) => p.message)).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((k) => `p${k}`),
    );
  });

  it('hands out a copy: the caller cannot change the stats', () => {
    const stats = new LinkStats();
    stats.problem('p', T);
    stats.snapshot(T).recentErrors.pop();
    expect(stats.snapshot(T).recentErrors).toHaveLength(1);
  });
});

describe('LinkStats.troubledSince', () => {
  it('is false before any problem', () => {
    expect(new LinkStats().troubledSince(T - 30_000)).toBe(false);
  });

  it('is true when the latest problem is at or after the given time', () => {
    const stats = new LinkStats();
    stats.problem('late pong', T);
    expect(stats.troubledSince(T - 30_000)).toBe(true);
    expect(stats.troubledSince(T)).toBe(true);
    expect(stats.troubledSince(T + 1)).toBe(false);
  });

  it.each([
    ['a rejected frame', (s: LinkStats) => s.rejected('bad', T)],
    ['dropped samples', (s: LinkStats) => s.dropped(1, 'dropped', T)],
  ])('%s is trouble too', (_, act) => {
    const stats = new LinkStats();
    act(stats);
    expect(stats.troubledSince(T)).toBe(true);
  });

  it('a connection fault is listed but is no trouble: a clean reconnect reads open', () => {
    const stats = new LinkStats();
    stats.fault('connection refused', T);
    stats.fault('closed by endpoint (1001 going away)', T + 500);
    expect(stats.troubledSince(T - 30_000)).toBe(false);
    expect(stats.snapshot(T + 600).recentErrors.map((p) => p.message)).toEqual([
      'connection refused',
      'closed by endpoint (1001 going away)',
    ]);
  });

  it('names the latest trouble, while it is recent', () => {
    const stats = new LinkStats();
    stats.rejected('rejected frame: bad json', T);
    stats.fault('connection refused', T + 1);
    expect(stats.trouble(T - 30_000)).toEqual({ at: T, message: 'rejected frame: bad json' });
    expect(stats.trouble(T + 1)).toBeUndefined();
  });

  it('frames are not trouble', () => {
    const stats = new LinkStats();
    stats.frame(T);
    expect(stats.troubledSince(T - 1)).toBe(false);
  });
});

describe('LinkStats rtt', () => {
  it('reports the last round trip', () => {
    const stats = new LinkStats();
    stats.rtt(42);
    expect(stats.snapshot(T).rttMs).toBe(42);
    stats.rtt(7);
    expect(stats.snapshot(T).rttMs).toBe(7);
  });

  it('reports a round trip of 0 ms', () => {
    const stats = new LinkStats();
    stats.rtt(0);
    expect(stats.snapshot(T).rttMs).toBe(0);
  });
});
