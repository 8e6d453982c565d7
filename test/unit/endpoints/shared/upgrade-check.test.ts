import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SUBPROTOCOL } from '../../../../shared/protocol';
import { refuseUpgrade, sameSecret } from '../../../../endpoints/shared/upgrade-check';

const upgrade = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('refuseUpgrade', () => {
  it('refuses a console that does not offer watchfloor.v1 with 426', () => {
    expect(refuseUpgrade(upgrade({}))).toEqual({
      status: 426,
      message: `subprotocol ${SUBPROTOCOL} required`,
    });
    expect(refuseUpgrade(upgrade({ 'sec-websocket-protocol': 'graphql-ws' }))?.status).toBe(426);
  });

  it('accepts the subprotocol among others, with no token required', () => {
    expect(
      refuseUpgrade(upgrade({ 'sec-websocket-protocol': `x, ${SUBPROTOCOL}` })),
    ).toBeUndefined();
  });

  it('requires the exact bearer token when one is set', () => {
    const offered = { 'sec-websocket-protocol': SUBPROTOCOL };
    expect(refuseUpgrade(upgrade(offered), 's3cret')?.status).toBe(401);
    expect(
      refuseUpgrade(upgrade({ ...offered, authorization: 'Bearer wrong' }), 's3cret')?.status,
    ).toBe(401);
    expect(
      refuseUpgrade(upgrade({ ...offered, authorization: 'Bearer s3cret' }), 's3cret'),
    ).toBeUndefined();
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('a', 'a much longer secret')).toBe(false);
    expect(sameSecret('same', 'same')).toBe(true);
  });
});
