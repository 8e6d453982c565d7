// The browser host's session credential. It lives only in the printed address
// and in the page's memory (sessionStorage, scoped to scheme, host AND port):
// never in a cookie, since cookies ignore ports and every other server on
// 127.0.0.1 would receive it. Downloads carry a key derived from it that opens
// files only, so a link shown on a wall or kept in download history cannot
// drive the console.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The query parameter of the printed address and of the API socket. */
export const TOKEN_PARAM = 'token';
/** The query parameter of a download link. */
export const FILE_KEY_PARAM = 'key';
/** What the file key signs; the page derives the same key (renderer/src/bridge/browser-bridge.ts). */
export const FILE_KEY_PURPOSE = 'watchfloor files';

export const newSessionToken = (): string => randomBytes(24).toString('base64url');

/** HMAC-SHA256(token, purpose), base64url: what the page computes with WebCrypto. */
export const fileKeyOf = (token: string): string =>
  createHmac('sha256', token).update(FILE_KEY_PURPOSE).digest('base64url');

export function safeEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
