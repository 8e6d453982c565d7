import { describe, expect, it } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/console-state';
import { EVENT_LOG_LIMITS, EventLog } from './event-log';

const event = (id: string, blob = ''): ConsoleEvent => ({
  specversion: '1.0',
  id,
  source: 'demo',
  type: 'deploy.started',
  time: '2026-12-04T21:00:00Z',
  endpointId: 'ep1',
  data: { blob },
});

describe('EventLog', () => {
  it('keeps events oldest first', () => {
    const log = new EventLog();
    log.add(event('a'));
    log.add(event('b'));
    expect(log.list().map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('keeps the newest events up to the count limit', () => {
    const log = new EventLog();
    for (let i = 0; i < EVENT_LOG_LIMITS.count + 20; i += 1) log.add(event(`e${i}`));
    expect(log.size.count).toBe(EVENT_LOG_LIMITS.count);
    expect(log.list()[0]?.id).toBe('e20');
  });

  it('keeps the newest events up to the byte limit: 480 events of 60 KiB hold at most 4 MiB', () => {
    const log = new EventLog();
    for (let i = 0; i < 480; i += 1) log.add(event(`e${i}`, 'x'.repeat(60 * 1024)));
    expect(log.size.bytes).toBeLessThanOrEqual(EVENT_LOG_LIMITS.bytes);
    expect(log.size.count).toBeLessThan(80);
    expect(log.list().at(-1)?.id).toBe('e479');
    expect(JSON.stringify(log.list()).length).toBeLessThanOrEqual(EVENT_LOG_LIMITS.bytes + 1_000);
  });

  it('keeps a single event larger than the byte limit rather than none', () => {
    const log = new EventLog({ count: 10, bytes: 100 });
    log.add(event('small'));
    log.add(event('big', 'x'.repeat(500)));
    expect(log.list().map((e) => e.id)).toEqual(['big']);
  });
});
