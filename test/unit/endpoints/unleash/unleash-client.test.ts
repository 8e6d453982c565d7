import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UnleashClient, unleashReason } from '../../../../endpoints/unleash/unleash-client';

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A socket that answers every request with one status and body, the way Unleash shapes its errors. */
async function answering(status: number, body: unknown): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

describe('Unleash’s errors in words', () => {
  it('prefers the detail Unleash gives', () => {
    expect(
      unleashReason(
        JSON.stringify({
          message: 'Bad request',
          details: [{ message: 'rollout must be a number' }],
        }),
      ),
    ).toBe('rollout must be a number');
    expect(unleashReason('<html>bad gateway</html>')).toBe('<html>bad gateway</html>');
  });

  it('says a bad token is the token, with Unleash’s words', async () => {
    const url = await answering(401, { message: 'You must log in to use Unleash.' });
    await expect(new UnleashClient({ url, token: 'x' }).projects()).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(
        /refused the token \(HTTP 401: You must log in to use Unleash\.\): give an admin API token/,
      ),
    });
  });

  it('passes a refusal on with Unleash’s reason', async () => {
    const url = await answering(400, {
      details: [{ message: 'Cannot perform this operation on archived features' }],
    });
    await expect(
      new UnleashClient({ url, token: 'x' }).setEnvironment('p', 'f', 'production', true),
    ).rejects.toMatchObject({
      kind: 'refused',
      message: expect.stringContaining(
        '(HTTP 400): Cannot perform this operation on archived features',
      ),
    });
  });

  it('says where it could not reach Unleash', async () => {
    const url = await answering(200, {});
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    await expect(new UnleashClient({ url, token: 'x' }).projects()).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(new RegExp(`Unleash unreachable at ${url}: ECONNREFUSED`)),
    });
  });
});
