import { describe, expect, it } from 'vitest';
import {
  OVERRIDE_REASON_MIN,
  OVERRIDE_REASON_SHORT,
  overrideReasonLength,
  overrideReasonOk,
} from './override-reason';

describe('override reason', () => {
  it('needs ten characters', () => {
    expect(OVERRIDE_REASON_MIN).toBe(10);
    expect(OVERRIDE_REASON_SHORT).toBe(
      'An override needs a typed reason of at least 10 characters',
    );
  });

  it.each([
    [undefined, false],
    ['', false],
    ['123456789', false],
    ['1234567890', true],
    ['customer call, ok by lead', true],
  ])('%j is long enough: %s', (reason, ok) => {
    expect(overrideReasonOk(reason)).toBe(ok);
  });

  it('does not count surrounding blanks', () => {
    expect(overrideReasonLength('   short   ')).toBe(5);
    expect(overrideReasonOk('    123456789    ')).toBe(false);
  });
});
