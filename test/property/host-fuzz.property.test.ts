// Fuzz over loopback: a hostile endpoint sends the real link random frames
// (deep, wide, huge, odd Unicode, odd numbers) in every free-form field, while
// a tab holds an API socket to the real browser host and random requests hit
// that socket. The host and the tab's socket must survive, the console must
// still answer, and memory must stay bounded.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bootConsole, type BootedConsole } from '../../main/core/console-boot';
import { startWebHost, type WebHost } from '../../main/web/web-host';
import { WEB_RPC_DELTA, webRpcName } from '../../shared/api/console-channels';
import { consoleStateSchema } from '../../shared/api/console-state';
import { startHostileEndpoint, type HostileEndpoint } from '../support/hostile-endpoint';
import { makeTempDir, stopThenRemoveTempDirs } from '../support/temp-dir';
import { waitFor } from '../support/wait-for';

const RUNS = 300;
const HEAP_GROWTH_LIMIT = 256 * 1024 * 1024;

/** JSON text fragments, not values: so numbers JSON.stringify cannot write (1e400) get through. */
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const wide = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;
const oddNumber = fc.constantFrom(
  '1e400',
  '-1e400',
  '5e-324',
  '-0',
  '1e308',
  '-1.7976931348623157e308',
  '9007199254740993',
  '123456789012345678901234567890',
  '0.1e-999',
);
const oddString = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({
      unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    }),
    fc.constantFrom('\u202e\u0000\ufeff', '__proto__', 'constructor', '<img src=x onerror=1>'),
    fc.integer({ min: 60_000, max: 600_000 }).map((n) => '\u00e9'.repeat(n)),
  )
  .map((s) => JSON.stringify(s));
const freeForm = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 9, max: 20_000 }).map(deep),
  fc.integer({ min: 9, max: 5_000 }).map(deepObject),
  fc.integer({ min: 1_001, max: 200_000 }).map(wide),
  oddNumber,
  oddString,
);
const anyObject = freeForm.map((v) => `{"k":${v},"deep":${deep(40)}}`);

const catalogFrame = (title: string, args: string, unit: string) =>
  `{"jsonrpc":"2.0","method":"catalog","params":{"series":[{"id":"cpu","title":${title},"level":"technical","unit":${unit},"kind":"gauge","intervalMs":1000,"attributes":{"ring":${title}},"procedures":[{"when":"critical","title":${title},"action":"deploy.rollback","args":${args}}]}]}}`;
const eventFrame = (id: string, data: string, subject: string) =>
  `{"jsonrpc":"2.0","method":"event","params":{"specversion":"1.0","id":${id},"source":${subject},"type":"deploy.started","time":"2026-01-01T00:00:00Z","subject":${subject},"data":${data}}}`;

/** One hostile frame: a free-form field of a real message, or a whole message gone wrong. */
const frame = fc.oneof(
  fc.tuple(oddString, anyObject, oddString).map(([t, a, u]) => catalogFrame(t, a, u)),
  fc.tuple(oddString, anyObject, oddString).map(([i, d, s]) => eventFrame(i, d, s)),
  fc.tuple(oddString, freeForm).map(([i, d]) => eventFrame(i, d, '"svc"')),
  oddNumber.map(
    (n) =>
      `{"jsonrpc":"2.0","method":"samples","params":{"batches":[{"series":"cpu","points":[[${Date.now()},${n}]]}]}}`,
  ),
  fc
    .tuple(
      fc.constantFrom(
        'samples',
        'event',
        'catalog',
        'deployments.snapshot',
        'action.status',
        'series.error',
        'nope',
      ),
      freeForm,
    )
    .map(([method, params]) => `{"jsonrpc":"2.0","method":"${method}","params":${params}}`),
  freeForm.map((v) => `{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"x","data":${v}}}`),
  freeForm,
);

/** One hostile request from a tab: any method name, any params. */
const request = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(webRpcName('getState'), webRpcName('submitAction'), '__proto__'),
      fc.string(),
    ),
    freeForm,
    fc.nat(),
  )
  .map(
    ([method, params, id]: [string, string, number]) =>
      `{"jsonrpc":"2.0","id":${id},"method":${JSON.stringify(method)},"params":${params}}`,
  );

/** A request target as an attacker spells it: escapes good and bad, dots, brackets, Unicode. */
const piece = fc.oneof(
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%ff',
    '%00',
    '%2e%2e',
    '..',
    '.',
    '[',
    ']',
    '%2f',
    '\\',
    '?',
    '#',
  ),
  fc.constantFrom('files', 'api', 'assets', 'index.html', 'x.wfsnap', 'token=', 'key='),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
  fc.string({ maxLength: 8 }),
);
const target = fc
  .tuple(
    fc.constantFrom('/', '//', '/files/', 'http://', '*', '/api?token=', ''),
    fc.array(piece, { maxLength: 12 }),
  )
  .map(
    ([start, pieces]) => `${start}${pieces.join(fc.sample(fc.constantFrom('/', ''), 1)[0] ?? '')}`,
  );
const method = fc.constantFrom(
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'BREW',
  'CONNECT',
);
const extraHeader = fc.oneof(
  fc.constant(''),
  fc.constant(
    'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n',
  ),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `X-Big: ${'a'.repeat(n)}\r\n`),
  fc.constant('Cookie: wf_token=%\r\n'),
  fc.constant('Origin: http://127.0.0.1:1\r\n'),
);

/** Raw bytes to the host; resolves with its status code, or 0 if it answered nothing. */
function rawStatus(port: number, text: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from(text, 'latin1')));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
    socket.on('error', done);
    socket.on('close', done);
    setTimeout(() => socket.destroy(), 2_000);
  });
}

let booted: BootedConsole;
let host: WebHost;
let endpoint: HostileEndpoint;
let tab: WebSocket;
let deltas = 0;

beforeAll(async () => {
  endpoint = await startHostileEndpoint({
    afterHello: (socket) => socket.send(catalogFrame('"CPU"', '{}', '"%"')),
  });
  booted = await bootConsole(
    { endpoints: [endpoint.url], demo: false, seed: 1 },
    { clientVersion: 'fuzz' },
  );
  const staticDir = makeTempDir('wf-fuzz-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Watchfloor</title>');
  host = await startWebHost({ api: booted.core, staticDir, port: 0, host: '127.0.0.1' });
  const origin = new URL(host.url).origin;
  tab = new WebSocket(`${origin.replace('http', 'ws')}/api?token=${host.token}`, {
    headers: { origin },
    maxPayload: 512 * 1024 * 1024,
  });
  tab.on('message', (data) => {
    if ((JSON.parse(String(data)) as { method?: string }).method === WEB_RPC_DELTA) deltas += 1;
  });
  await new Promise((resolve, reject) => tab.once('open', resolve).once('error', reject));
  await waitFor('the endpoint connected', () => endpoint.sockets.size > 0, 10_000);
}, 30_000);

afterAll(() =>
  stopThenRemoveTempDirs(
    () => tab?.close(),
    () => host?.close(),
    () => booted?.stop(),
    () => endpoint?.close(),
  ),
);

function getState(id: number): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== id) return;
      tab.off('message', onMessage);
      resolve(message.result);
    };
    tab.on('message', onMessage);
    tab.send(JSON.stringify({ jsonrpc: '2.0', id, method: webRpcName('getState'), params: [] }));
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the browser host under random requests', () => {
  it('answers every request with a status below 500 and keeps serving', async () => {
    const { port } = new URL(host.url);
    await fc.assert(
      fc.asyncProperty(method, target, extraHeader, async (verb, path, extra) => {
        const text = `${verb} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`;
        const status = await rawStatus(Number(port), text);
        expect(status, text.slice(0, 120)).toBeGreaterThanOrEqual(100);
        expect(status, text.slice(0, 120)).toBeLessThan(500);
      }),
      { numRuns: 300, endOnFailure: true },
    );
    expect((await fetch(`${new URL(host.url).origin}/`)).status).toBe(200);
  }, 60_000);
});

describe('the link and the browser host under random frames', () => {
  it('survive, keep the tab connected and answering, with memory bounded', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(frame, request, async (text: string, rpc: string) => {
        // The link may be reconnecting after a frame it closed on; send to whoever is there.
        for (const socket of endpoint.sockets) socket.send(text);
        tab.send(rpc);
        sent += 1;
        await settle();
        expect(tab.readyState).toBe(WebSocket.OPEN);
      }),
      {
        numRuns: RUNS,
        seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
        endOnFailure: true,
      },
    );
    expect(sent).toBe(RUNS);
    // Invalid UTF-8 in a text frame: the link closes that socket and dials again.
    for (const socket of endpoint.sockets)
      socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });

    const state = consoleStateSchema.parse(await getState(1_000_000));
    expect(state.endpoints).toHaveLength(1);
    await waitFor('the link back after the fuzz', () => endpoint.sockets.size > 0, 15_000);
    const before = deltas;
    for (const socket of endpoint.sockets) socket.send(catalogFrame('"CPU again"', '{}', '"%"'));
    await waitFor('a delta after the fuzz', () => deltas > before, 5_000);
    expect(tab.readyState).toBe(WebSocket.OPEN);
    expect((await fetch(`${new URL(host.url).origin}/`)).status).toBe(200);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(HEAP_GROWTH_LIMIT);
  }, 60_000);
});
