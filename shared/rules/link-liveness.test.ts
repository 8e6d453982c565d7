import { describe, expect, it } from 'vitest';
import { LINK_STATES } from '../api/links';
import { isLinkLive } from './link-liveness';

describe('isLinkLive', () => {
  it.each(LINK_STATES.map((state) => [state, state === 'open' || state === 'degraded']))(
    '%s: %s',
    (state, live) => {
      expect(isLinkLive(state as (typeof LINK_STATES)[number])).toBe(live);
    },
  );
});
