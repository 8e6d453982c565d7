import { describe, expect, it } from 'vitest';
import { flagSwitchWords, ringHeading } from './flag-switch-words';

const beta = { id: 'beta', name: 'Beta customers', share: 0.05, version: '5.9.0' };

describe('flag switch words', () => {
  it('says what a click will do, with the share of users it reaches', () => {
    expect(flagSwitchWords('dark', false, beta)).toEqual({
      label: 'dark for beta',
      hint: 'Turn on for beta (5 % of users)',
    });
    expect(flagSwitchWords('dark', true, beta).hint).toBe('Turn off for beta (5 % of users)');
    expect(flagSwitchWords('dark', true, undefined).hint).toBe('Turn off for everyone');
  });

  it('heads each ring column with its share', () => {
    expect(ringHeading(beta)).toBe('beta · 5 %');
    expect(ringHeading({ ...beta, id: 'internal', share: 0.005 })).toBe('internal · 0.5 %');
  });
});
