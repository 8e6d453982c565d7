// §3 requests out of turn: hello comes first and once per connection. A
// request before hello and a second hello are answered -32600 and change
// nothing: no action runs, no catalog, snapshot or backfill is sent again.
import { randomBytes } from 'node:crypto';
import type { CheckList } from './conformance-report';
import { errorProblem } from './action-checks';
import type { CheckedFrame } from './frame-check';
import type { KitSession } from './kit-session';

/** How long the kit watches for frames a refused request should not have caused. */
const AFTERMATH_MS = 500;

export const TURN_RULES = {
  early: '§3 a request before hello gets error -32600, and hello may still follow',
  twice: '§3 a second hello gets error -32600 and nothing is sent again',
};

/** Only action.get is sent out of turn: a request that could run nothing even if let through. */
export async function checkOutOfTurn(session: KitSession, list: CheckList): Promise<void> {
  const dialed = await session.dial();
  if (!dialed.ok) {
    list.skip(TURN_RULES.early, `could not connect: ${dialed.error}`);
    return list.skip(TURN_RULES.twice, `could not connect: ${dialed.error}`);
  }
  const probe = dialed.probe;
  const early = await probe.request('action.get', {
    key: `conformance-early-${randomBytes(6).toString('hex')}`,
  });
  const hello = await probe.hello();
  list.expect(
    TURN_RULES.early,
    errorProblem(early, [-32600]) ??
      (hello.ok && hello.result !== undefined
        ? undefined
        : `the hello that followed was not answered with a result (${hello.ok ? JSON.stringify(hello.error) : hello.why})`),
  );
  if (!hello.ok || hello.result === undefined)
    return list.skip(TURN_RULES.twice, 'the first hello on the connection failed');
  // Let the first hello's catalog, deployments and backfill arrive before the second.
  await new Promise((resolve) => setTimeout(resolve, AFTERMATH_MS));
  const second = await probe.hello();
  const replyAt = second.ok ? probe.frames.indexOf(second.frame) : probe.frames.length;
  await new Promise((resolve) => setTimeout(resolve, AFTERMATH_MS));
  list.expect(
    TURN_RULES.twice,
    errorProblem(second, [-32600]) ?? resent(probe.frames.slice(replyAt + 1)),
  );
}

/** What only a (wrongly) answered hello sends: a catalog that replaces, a deployments snapshot. */
function resent(after: CheckedFrame[]): string | undefined {
  const again = after.filter(
    (f) =>
      f.method === 'deployments.snapshot' ||
      (f.method === 'catalog' && (f.value as { params?: { replace?: boolean } }).params?.replace),
  );
  return again.length === 0
    ? undefined
    : `after refusing it, the endpoint sent ${again.map((f) => f.method).join(', ')} again`;
}
