// §10 liveness: pongs to the console's pings in time, pings every
// heartbeatMs, and no closing a silent console before 2 × heartbeatMs.
import type { CheckList } from './conformance-report';
import type { KitSession } from './kit-session';

/** The console pings every 5 s and reads the link degraded after 1.25 × that without a sign of life. */
const CONSOLE_PING_MS = 5_000;
const DEGRADED_AFTER_MS = CONSOLE_PING_MS * 1.25;
/** The longest the kit watches a silent console. */
const SILENT_WATCH_CAP_MS = 30_000;

/** Pings on the main connection while the watch lasts. */
export async function checkPongs(session: KitSession, list: CheckList): Promise<void> {
  const main = session.main;
  if (!main) return;
  const rtts: (number | undefined)[] = [];
  const end = Date.now() + session.options.watchMs;
  do {
    rtts.push(await main.ping(DEGRADED_AFTER_MS));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(2_500, Math.max(0, end - Date.now()))),
    );
  } while (Date.now() < end);
  const missed = rtts.filter((rtt) => rtt === undefined).length;
  const worst = Math.max(...rtts.map((rtt) => rtt ?? 0));
  list.expect(
    `§10 every console ping gets a pong within ${DEGRADED_AFTER_MS / 1000} s`,
    missed > 0 ? `${missed} of ${rtts.length} pings got no pong in time` : undefined,
    `${rtts.length} pings, slowest pong ${worst} ms`,
  );
}

/** A second connection that says hello, then never answers a ping. */
export async function checkSilentConsole(session: KitSession, list: CheckList): Promise<void> {
  const pingRule = '§10 the endpoint pings every heartbeatMs';
  const closeRule = '§10 a silent console is not closed before 2 × heartbeatMs';
  const heartbeatMs = session.hello?.heartbeatMs;
  const dialed = await session.dial({ autoPong: false });
  if (!dialed.ok) {
    list.skip(pingRule, `could not open a second connection: ${dialed.error}`);
    return list.skip(closeRule, 'no second connection');
  }
  const probe = dialed.probe;
  const reply = await probe.hello();
  const since = Date.now();
  if (!reply.ok) {
    list.skip(pingRule, `the second connection's hello failed: ${reply.why}`);
    return list.skip(closeRule, 'no second connection');
  }
  const interval = heartbeatMs ?? CONSOLE_PING_MS;
  const watch = Math.min(2 * interval + 2_000, SILENT_WATCH_CAP_MS);
  const closing = await probe.waitClosed(watch);
  const until = closing?.at ?? Date.now();
  const pings = probe.endpointPings;
  const gaps = [since, ...pings, until].map((t, i, all) => (i === 0 ? 0 : t - (all[i - 1] ?? t)));
  const longest = Math.max(...gaps);
  if (heartbeatMs === undefined) {
    list.add(
      pingRule,
      'warn',
      `the hello result announces no heartbeatMs; ${pings.length} ping(s) in ${until - since} ms`,
    );
  } else {
    list.advise(
      pingRule,
      longest > heartbeatMs * 1.5
        ? `${longest} ms without a ping (heartbeatMs ${heartbeatMs})`
        : undefined,
      `${pings.length} ping(s) in ${until - since} ms, heartbeatMs ${heartbeatMs}`,
    );
  }
  if (!closing?.byEndpoint) {
    list.add(closeRule, 'pass', `still open after ${until - since} ms of silence`);
    return;
  }
  list.expect(
    closeRule,
    until - since < 2 * interval
      ? `closed (${closing.code} ${closing.reason}) after ${until - since} ms of silence`
      : undefined,
    `closed with ${closing.code} after ${until - since} ms of silence`,
  );
}
