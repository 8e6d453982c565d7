// §2 connecting and §3 handshake: the upgrade refusals, the subprotocol, the
// hello answered in time and before anything else, and what follows it.
import { helloResultSchema, SUBPROTOCOL } from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import { responseProblem } from './frame-check';
import { HELLO_LIMIT_MS, ProbeSocket } from './probe-socket';
import { parseHello, type KitSession } from './kit-session';

/** How long the kit waits before its hello, to see whether the endpoint speaks first. */
const QUIET_MS = 500;

export async function checkUpgrade(session: KitSession, list: CheckList): Promise<void> {
  const { url, token } = session.options;
  const without = await ProbeSocket.dial(url, { token, protocols: [] });
  if (without.ok) await without.probe.close();
  list.expect(
    '§2 an upgrade that does not offer watchfloor.v1 is refused with HTTP 426',
    without.ok ? 'the upgrade was accepted' : statusProblem(without, [426]),
  );
  if (!token) {
    list.skip(
      '§2 an upgrade without the bearer token is refused with HTTP 401',
      'no --token given',
    );
    return;
  }
  const none = await ProbeSocket.dial(url, {});
  if (none.ok) await none.probe.close();
  list.expect(
    '§2 an upgrade without the bearer token is refused with HTTP 401',
    none.ok ? 'the upgrade was accepted without a token' : statusProblem(none, [401]),
  );
  const wrong = await ProbeSocket.dial(url, { token: `${token}-not-it` });
  if (wrong.ok) await wrong.probe.close();
  list.expect(
    '§2 an upgrade with a wrong token is refused with HTTP 401 or 403',
    wrong.ok ? 'the upgrade was accepted with a wrong token' : statusProblem(wrong, [401, 403]),
  );
}

function statusProblem(result: { status?: number; error: string }, wanted: number[]) {
  return result.status !== undefined && wanted.includes(result.status)
    ? undefined
    : `refused with ${result.error}`;
}

/** Opens the main connection and says hello; false when there is nothing more to check. */
export async function openMain(session: KitSession, list: CheckList): Promise<boolean> {
  const dialed = await session.dial();
  if (!dialed.ok) {
    const hint = dialed.status === 401 ? ' (the endpoint wants a token: pass --token)' : '';
    list.add('§2 the endpoint accepts the upgrade', 'fail', `${dialed.error}${hint}`);
    return false;
  }
  const probe = dialed.probe;
  session.main = probe;
  list.expect(
    '§1 the endpoint selects the watchfloor.v1 subprotocol',
    probe.protocol === SUBPROTOCOL ? undefined : `selected '${probe.protocol}'`,
  );
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  list.expect(
    '§3 nothing is sent to a connection that has not said hello',
    probe.frames.length === 0
      ? undefined
      : `${probe.frames.length} frame(s) within ${QUIET_MS} ms of the upgrade, before any hello`,
  );
  const sentAt = Date.now();
  const reply = await probe.hello();
  if (!reply.ok) {
    list.add(`§3 hello is answered within ${HELLO_LIMIT_MS / 1000} s`, 'fail', reply.why);
    return false;
  }
  list.add(
    `§3 hello is answered within ${HELLO_LIMIT_MS / 1000} s`,
    'pass',
    `in ${reply.frame.at - sentAt} ms`,
  );
  session.helloIndex = probe.frames.indexOf(reply.frame);
  list.expect(
    '§3 the hello response comes before any notification',
    session.helloIndex === 0 ? undefined : `${session.helloIndex} frame(s) came first`,
  );
  const problem = reply.error
    ? `an error: ${reply.error.code} ${reply.error.message}`
    : responseProblem('HelloResponse', reply, 'HelloResult', helloResultSchema);
  list.expect('§3 the hello result matches HelloResponse', problem);
  session.hello = parseHello(reply.result);
  return session.hello !== undefined;
}

/** After the watch: the order of what followed the hello response, and the announced actions. */
export function checkAfterHello(session: KitSession, list: CheckList): void {
  const methods = session.notifications().map((f) => f.method);
  const first = (m: string) => methods.indexOf(m);
  const expected = [
    ...(session.roles.includes('metrics') ? ['catalog'] : []),
    ...(session.roles.includes('deployments') ? ['deployments.snapshot'] : []),
    ...(methods.includes('samples') ? ['samples'] : []),
  ];
  const seen = expected.filter((m) => first(m) >= 0).sort((a, b) => first(a) - first(b));
  const missing = expected.filter((m) => first(m) < 0);
  list.expect(
    '§3 after the hello response: catalog, then deployments, then samples',
    missing.length > 0
      ? `never received: ${missing.join(', ')}`
      : seen.join() === expected.join()
        ? undefined
        : `first arrivals in the order ${seen.join(' → ')}`,
  );
  const unknown = (session.hello?.actions ?? [])
    .map((a) => a.name)
    .filter((name) => !(session.actions as string[]).includes(name));
  list.advise(
    '§9/§14 announced actions are actions of v1',
    unknown.length === 0 ? undefined : `a v1 console ignores: ${unknown.join(', ')}`,
    session.actions.length > 0 ? session.actions.join(', ') : 'announces no actions',
  );
}

export async function checkUnknownProtocol(session: KitSession, list: CheckList): Promise<void> {
  const rule = '§3 a hello with a protocol the endpoint does not speak gets -32600 or close 4002';
  const dialed = await session.dial();
  if (!dialed.ok) return list.skip(rule, `could not connect: ${dialed.error}`);
  const reply = await dialed.probe.hello(undefined, 'watchfloor.v0');
  const closing = await dialed.probe.waitClosed(reply.ok ? 0 : 1_000);
  if (closing?.byEndpoint) {
    return list.expect(rule, closing.code === 4002 ? undefined : `closed with ${closing.code}`);
  }
  if (!reply.ok) return list.add(rule, 'fail', reply.why);
  list.expect(
    rule,
    reply.error?.code === -32600
      ? undefined
      : reply.error
        ? `error ${reply.error.code} ${reply.error.message}`
        : 'a hello result: the endpoint accepted watchfloor.v0',
  );
}
