import { describe, expect, it } from 'vitest';
import type { EndpointStatus } from '../../../../shared/api/links';
import { LINK_STATE_ICON, linkStateWords, retryDue } from './link-state-words';

const NOW = Date.UTC(2026, 10, 26, 14, 30);

/** The Prometheus bridge as the Connections view lists it. */
const bridge = (overrides: Partial<EndpointStatus>): EndpointStatus => ({
  id: 'prom',
  url: 'wss://prom-bridge.internal:9443',
  name: 'Prometheus',
  state: 'open',
  actions: [],
  messageRate: 3,
  framesReceived: 1_200,
  framesRejected: 0,
  samplesDropped: 0,
  seriesCount: 12,
  recentErrors: [],
  hasToken: true,
  source: 'settings',
  ...overrides,
});

describe('retryDue', () => {
  it('counts down in whole seconds, rounding up, then minutes and seconds', () => {
    expect(retryDue(NOW + 3_200, NOW)).toBe('in 4 s');
    expect(retryDue(NOW + 119_000, NOW)).toBe('in 119 s');
    expect(retryDue(NOW + 125_000, NOW)).toBe('in 2 min 5 s');
    expect(retryDue(NOW + 180_000, NOW)).toBe('in 3 min');
  });

  it('says "now" once the retry is due or overdue', () => {
    expect(retryDue(NOW, NOW)).toBe('now');
    expect(retryDue(NOW - 5_000, NOW)).toBe('now');
  });
});

describe('linkStateWords', () => {
  it('names a healthy link and keeps its last problem beside it', () => {
    expect(linkStateWords(bridge({}), NOW)).toEqual({ text: 'open', problem: undefined });
    expect(
      linkStateWords(bridge({ state: 'degraded', lastError: 'pong 4.2 s late' }), NOW),
    ).toEqual({ text: 'degraded', problem: 'pong 4.2 s late' });
  });

  it('says when a reconnecting link tries again', () => {
    const reconnecting = bridge({
      state: 'reconnecting',
      lastError: 'connection reset',
      nextRetryAt: NOW + 3_200,
    });
    expect(linkStateWords(reconnecting, NOW)).toEqual({
      text: 'reconnecting in 4 s',
      problem: 'connection reset',
    });
    expect(linkStateWords({ ...reconnecting, nextRetryAt: undefined }, NOW).text).toBe(
      'reconnecting',
    );
  });

  it('puts why a link failed in its state, and when it is retried apart', () => {
    const failed = bridge({
      state: 'failed',
      lastError: 'token refused',
      nextRetryAt: NOW + 300_000,
    });
    expect(linkStateWords(failed, NOW)).toEqual({
      text: 'failed: token refused',
      retry: 'retry in 5 min',
    });
    expect(linkStateWords(bridge({ state: 'failed' }), NOW)).toEqual({
      text: 'failed',
      retry: undefined,
    });
  });

  it('gives every state its own shape, so none rests on colour', () => {
    const icons = Object.values(LINK_STATE_ICON);
    expect(new Set(icons).size).toBe(icons.length);
  });
});
