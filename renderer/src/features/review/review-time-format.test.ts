import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Module from './review-time-format';

// A snapshot exported in Berlin and reviewed there: local time, one hour east of UTC in January.
const hostZone = process.env.TZ;
let format: typeof Module;

beforeAll(async () => {
  process.env.TZ = 'Europe/Berlin';
  // The formatters take the zone when the module loads.
  format = await import('./review-time-format');
});

afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

describe('review times', () => {
  it('dates every instant, since a snapshot may be days old', () => {
    expect(format.formatReviewTime(Date.UTC(2025, 0, 15, 10, 0, 3))).toBe('Jan 15, 2025, 11:00:03');
  });

  it('writes a window within one day with the date once', () => {
    const from = new Date(2025, 0, 15, 11, 0, 0).getTime();
    expect(format.formatReviewRange(from, from + 15 * 60_000)).toBe(
      'Jan 15, 2025, 11:00:00 to 11:15:00',
    );
  });

  it('writes both dates when the window crosses local midnight', () => {
    const from = new Date(2025, 0, 15, 23, 50, 0).getTime();
    expect(format.formatReviewRange(from, from + 20 * 60_000)).toBe(
      'Jan 15, 2025, 23:50:00 to Jan 16, 2025, 00:10:00',
    );
  });

  it('says how far into the window the scrubber is', () => {
    const from = new Date(2025, 0, 15, 11, 0, 0).getTime();
    expect(format.formatIntoWindow(from, from + 200_000)).toBe('3 min 20 s into the window');
    expect(format.formatIntoWindow(from, from)).toBe('0 s into the window');
  });
});
