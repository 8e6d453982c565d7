// The session token check: right token only, and compared in constant time
// (crypto.timingSafeEqual), so its bytes cannot be guessed one at a time.
import type * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { fileKeyOf, newSessionToken, safeEqual } from './session-credential';

const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof crypto>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.count += 1;
      return real.timingSafeEqual(a, b);
    },
  };
});

describe('session credential', () => {
  it('takes the token itself only', () => {
    const token = newSessionToken();
    expect(safeEqual(token, token)).toBe(true);
    expect(safeEqual(`${token.slice(0, -1)}x`, token)).toBe(token.endsWith('x'));
    expect(safeEqual(token.slice(1), token)).toBe(false);
    expect(safeEqual(`${token}x`, token)).toBe(false);
    expect(safeEqual(fileKeyOf(token), token)).toBe(false);
    expect(safeEqual(null, token)).toBe(false);
    expect(safeEqual(undefined, token)).toBe(false);
    expect(safeEqual('', token)).toBe(false);
  });

  it('compares tokens of the right length in constant time', () => {
    const token = newSessionToken();
    compared.count = 0;
    safeEqual(token, token);
    safeEqual('A'.repeat(token.length), token);
    expect(compared.count).toBe(2);
  });
});
