// What every endpoint checks before it accepts a console's WebSocket upgrade:
// the watchfloor.v1 subprotocol, and the bearer token when one is required.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SUBPROTOCOL } from '../../shared/protocol';

export interface UpgradeRefusal {
  status: number;
  message: string;
}

/** Why this upgrade is refused (426 or 401), or undefined to accept it. */
export function refuseUpgrade(req: IncomingMessage, token?: string): UpgradeRefusal | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  if (!offered.split(',').some((p) => p.trim() === SUBPROTOCOL)) {
    return { status: 426, message: `subprotocol ${SUBPROTOCOL} required` };
  }
  if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
    return { status: 401, message: 'bearer token required' };
  }
  return undefined;
}

/** Constant-time comparison of digests, so the lengths do not leak either. */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
