// A private CA is added to the default roots, not put in their place: with a
// CA file for one server, a server signed by a default root still connects.
// Node's default roots are replaced here by a test CA (no public CA can sign
// for 127.0.0.1), which is what the link reads as `rootCertificates`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type * as Tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { SUBPROTOCOL } from '../../../shared/protocol';
import { waitFor } from '../../../test/support/wait-for';
import { ConsoleCore } from '../console-core';
import type { EndpointLink } from './endpoint-link';

const dir = mkdtempSync(join(tmpdir(), 'wf-tls-'));
/** A self-signed certificate for 127.0.0.1, returned as [key, cert] PEM. */
function selfSigned(name: string): [string, string] {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return [readFileSync(key, 'utf8'), readFileSync(cert, 'utf8')];
}
const publicCa = vi.hoisted(() => ({ pem: '' }));
const [publicKey, publicCert] = selfSigned('public');
publicCa.pem = publicCert;
const [, privateCert] = selfSigned('private');

vi.mock('node:tls', async (importOriginal) => {
  const real = await importOriginal<typeof Tls>();
  return {
    ...real,
    get rootCertificates() {
      return [publicCa.pem];
    },
  };
});

const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync(dir, { recursive: true, force: true });
});

async function startEndpoint(): Promise<string> {
  const server = createServer({ key: publicKey, cert: publicCert });
  const wss = new WebSocketServer({ server, handleProtocols: () => SUBPROTOCOL });
  wss.on('connection', (socket) =>
    socket.on('message', (data) => {
      const { id } = JSON.parse(String(data)) as { id: number };
      const result = {
        protocol: SUBPROTOCOL,
        endpoint: { id: 'tls', name: 'TLS' },
        roles: [],
        actions: [],
        clock: Date.now(),
      };
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(
    () =>
      new Promise((resolve) => {
        wss.close();
        server.close(resolve);
      }),
  );
  return `wss://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('endpoint link TLS roots', () => {
  it('still trusts the default roots when a private CA is given', async () => {
    const url = await startEndpoint();
    const core = new ConsoleCore({
      endpoints: [{ url, ca: privateCert, source: 'cli' }],
      clientVersion: 'test',
      flushMs: 50,
    });
    core.start();
    cleanup.push(() => core.stop());
    const link = core.links.values().next().value as EndpointLink;
    await waitFor('the link to open or fail', () => ['open', 'failed'].includes(link.status.state));
    expect(link.status.lastError).toBeUndefined();
    expect(link.status.state).toBe('open');
  });
});
