// How a request ends when no reply comes: typed errors, so callers decide by
// the kind of failure (outcome unknown, or refused) and never by its words.
import { afterEach, describe, expect, it } from 'vitest';
import { startHostileEndpoint, type HostileEndpoint } from '../../../test/support/hostile-endpoint';
import { waitFor } from '../../../test/support/wait-for';
import {
  EndpointLink,
  LinkLostError,
  RpcCallError,
  RpcNoReplyError,
  RpcTimeoutError,
} from './endpoint-link';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function linkTo(script: Parameters<typeof startHostileEndpoint>[0]) {
  const endpoint: HostileEndpoint = await startHostileEndpoint(script);
  cleanup.push(() => endpoint.close());
  const link = new EndpointLink({
    id: 'ep1',
    url: endpoint.url,
    clientVersion: 'test',
    source: 'cli',
    requestTimeoutMs: 200,
  });
  link.start();
  cleanup.push(() => link.stop());
  await waitFor('the link to open', () => link.status.state === 'open');
  return { link, endpoint };
}

describe('EndpointLink.request failures', () => {
  it('rejects with RpcTimeoutError when the endpoint stays silent', async () => {
    const { link } = await linkTo({});
    const failure = await link.request('action.submit', {}).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RpcTimeoutError);
    expect(failure).toBeInstanceOf(RpcNoReplyError);
    expect((failure as Error).message).toBe('no reply to action.submit within 200 ms');
  });

  it('rejects with LinkLostError when the link drops before the reply', async () => {
    const { link } = await linkTo({ onRequest: (socket) => socket.terminate() });
    const failure = await link.request('action.submit', {}, 5_000).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(LinkLostError);
    expect(failure).toBeInstanceOf(RpcNoReplyError);
  });

  it('an error reply is an RpcCallError, not a lost reply', async () => {
    const { link } = await linkTo({
      onRequest: (socket, request) =>
        socket.send(
          JSON.stringify({
            jsonrpc: '2.0',
            id: request.id,
            error: { code: -32000, message: 'busy' },
          }),
        ),
    });
    const failure = await link.request('action.submit', {}).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RpcCallError);
    expect(failure).not.toBeInstanceOf(RpcNoReplyError);
  });
});
