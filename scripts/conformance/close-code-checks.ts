// §11 close codes and §12 error codes: what the endpoint does with a message
// over 1 MiB, a frame that is not JSON, and a method it does not know.
import { MAX_FRAME_BYTES } from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import { errorProblem } from './action-checks';
import type { KitSession } from './kit-session';
import type { ProbeSocket } from './probe-socket';

const REPLY_WAIT_MS = 3_000;

export async function checkCloseCodes(session: KitSession, list: CheckList): Promise<void> {
  await Promise.all([
    oversized(session, list),
    notJson(session, list),
    unknownMethod(session, list),
  ]);
}

async function fresh(
  session: KitSession,
  list: CheckList,
  rule: string,
): Promise<ProbeSocket | undefined> {
  const probe = await session.connected();
  if (!probe) list.skip(rule, 'could not open a connection and say hello');
  return probe;
}

async function oversized(session: KitSession, list: CheckList): Promise<void> {
  const rule = '§1/§11 a message over 1 MiB makes the endpoint close with 1009';
  const probe = await fresh(session, list, rule);
  if (!probe) return;
  const filler = 'x'.repeat(MAX_FRAME_BYTES);
  probe.send(
    JSON.stringify({ jsonrpc: '2.0', id: 900, method: 'action.get', params: { key: filler } }),
  );
  const closing = await probe.waitClosed(REPLY_WAIT_MS);
  list.expect(
    rule,
    !closing
      ? `the connection stayed open for ${REPLY_WAIT_MS} ms`
      : closing.code === 1009
        ? undefined
        : `closed with ${closing.code} ${closing.reason}`,
  );
}

async function notJson(session: KitSession, list: CheckList): Promise<void> {
  const rule = '§12 a frame that is not JSON gets error -32700 with id null (or close 1002)';
  const probe = await fresh(session, list, rule);
  if (!probe) return;
  probe.send('{"jsonrpc": "2.0", "id": 901, "method": "action.get", "par');
  const reply = await probe.waitFor((f) => f.method === undefined && f.id === null, REPLY_WAIT_MS);
  const closing = probe.closing;
  if (closing) {
    return list.expect(
      rule,
      closing.code === 1002 ? undefined : `closed with ${closing.code} ${closing.reason}`,
    );
  }
  const error = (reply?.value as { error?: { code: number; message: string } } | undefined)?.error;
  list.expect(
    rule,
    !reply
      ? `no error reply with id null within ${REPLY_WAIT_MS} ms`
      : error?.code === -32700
        ? undefined
        : `error ${error?.code} ${error?.message}`,
  );
}

async function unknownMethod(session: KitSession, list: CheckList): Promise<void> {
  const rule = '§12 a method the endpoint does not know gets error -32601 (or -32600)';
  const probe = await fresh(session, list, rule);
  if (!probe) return;
  const reply = await probe.request('conformance.no-such-method', {}, REPLY_WAIT_MS);
  list.expect(rule, errorProblem(reply, [-32601, -32600]));
}
