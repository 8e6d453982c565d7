// A minimal watchfloor.v1 endpoint built from docs/protocol.md and the JSON
// Schema alone, to prove the two are enough to build one. It deliberately
// imports nothing from endpoints/, shared/ or main/: only Node builtins, ws
// and ajv (schema-only-endpoint.test.ts checks that).
//
// It serves two series (one business, one technical), one service, and a
// sample of each every `sampleMs`. Every frame it sends is validated against
// the schema's EndpointFrame (responses also against their method's
// response) before it is sent; every frame it receives against ConsoleFrame.
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import { WebSocketServer, type WebSocket } from 'ws';

const SUBPROTOCOL = 'watchfloor.v1'; // §1
const MAX_FRAME_BYTES = 1024 * 1024; // §1
const SLOW_BYTES = 4 * 1024 * 1024; // §13
const HOPELESS_BYTES = 64 * 1024 * 1024; // §13
const SCHEMA_FILE = new URL('../../docs/schema/watchfloor.v1.schema.json', import.meta.url);

export const SCHEMA_ONLY_SERIES = [
  {
    id: 'shop.orders.rate',
    title: 'Orders',
    level: 'business',
    unit: '{order}/min',
    kind: 'gauge',
    intervalMs: 200,
    service: 'shop',
    thresholds: { warning: 20, critical: 10, direction: 'below' },
  },
  {
    id: 'system.memory.usage',
    title: 'Memory used',
    level: 'technical',
    unit: 'By',
    kind: 'gauge',
    intervalMs: 200,
    thresholds: { warning: 6e9, critical: 7.5e9, direction: 'above' },
  },
] as const;

export interface SchemaOnlyEndpointOptions {
  /** When set, consoles must send `Authorization: Bearer <token>` (§2). */
  token?: string;
  sampleMs?: number;
  heartbeatMs?: number;
}

export interface SchemaOnlyEndpoint {
  url: string;
  /** Frames sent, by method (`response` for responses). */
  sent: Map<string, number>;
  /** Frames this endpoint refused to send because they failed the schema: must stay empty. */
  invalidSent: string[];
  /** Frames received from consoles, by method. */
  received: Map<string, number>;
  /** Console frames that failed the schema. */
  invalidReceived: string[];
  close(): Promise<void>;
}

interface Validators {
  endpointFrame: ValidateFunction;
  consoleFrame: ValidateFunction;
  responses: Map<string, ValidateFunction>;
  errorsText: (v: ValidateFunction) => string;
}

function loadValidators(): Validators {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id: string };
  // The schema pairs format date-time with a pattern, so the format needs no checker (§1).
  const ajv = new Ajv2020({ allErrors: true, strict: true, formats: { 'date-time': true } });
  ajv.addSchema(schema);
  const def = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${name}`);
    if (!validate) throw new Error(`the schema has no $def ${name}`);
    return validate;
  };
  return {
    endpointFrame: def('EndpointFrame'),
    consoleFrame: def('ConsoleFrame'),
    responses: new Map([
      ['hello', def('HelloResponse')],
      ['action.submit', def('ActionSubmitResponse')],
      ['action.get', def('ActionGetResponse')],
    ]),
    errorsText: (v) => ajv.errorsText(v.errors),
  };
}

export async function startSchemaOnlyEndpoint(
  options: SchemaOnlyEndpointOptions = {},
): Promise<SchemaOnlyEndpoint> {
  const validators = loadValidators();
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const sent = new Map<string, number>();
  const received = new Map<string, number>();
  const invalidSent: string[] = [];
  const invalidReceived: string[] = [];
  const ready = new Set<WebSocket>();
  // §7: resourceVersions keep increasing across restarts, so start from the clock.
  const resourceVersion = Date.now();
  const services = [
    {
      id: 'shop',
      name: 'Shop',
      environments: [
        {
          id: 'production',
          version: '1.4.2',
          previousVersions: ['1.4.1', '1.3.0'],
          status: 'healthy',
          updatedAt: Date.now() - 3_600_000,
        },
      ],
    },
  ];

  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  /** Validates, then sends; a frame that fails the schema is recorded and not sent. */
  function send(socket: WebSocket, frame: Record<string, unknown>, answering?: string): boolean {
    const checks = [validators.endpointFrame];
    const typed = answering && 'result' in frame && validators.responses.get(answering);
    if (typed) checks.push(typed);
    for (const check of checks) {
      if (!check(frame)) {
        invalidSent.push(`${JSON.stringify(frame).slice(0, 200)}: ${validators.errorsText(check)}`);
        return false;
      }
    }
    const text = JSON.stringify(frame);
    if (Buffer.byteLength(text) > MAX_FRAME_BYTES) {
      invalidSent.push(`frame of ${Buffer.byteLength(text)} bytes is over 1 MiB`);
      return false;
    }
    socket.send(text);
    count(sent, typeof frame.method === 'string' ? frame.method : 'response');
    return true;
  }

  const notify = (socket: WebSocket, method: string, params: unknown) =>
    send(socket, { jsonrpc: '2.0', method, params });
  const result = (socket: WebSocket, id: number, method: string, value: unknown) =>
    send(socket, { jsonrpc: '2.0', id, result: value }, method);
  const error = (socket: WebSocket, id: number | null, code: number, message: string) =>
    send(socket, { jsonrpc: '2.0', id, error: { code, message } });

  function onHello(socket: WebSocket, id: number, params: HelloParams): void {
    const resumed = params.resume?.deploymentsVersion === resourceVersion;
    // §3: the response first, then catalog, deployments, backfill, live data.
    result(socket, id, 'hello', {
      protocol: SUBPROTOCOL,
      endpoint: { id: 'schema-only', name: 'Schema-only endpoint', version: '1.0.0' },
      roles: ['metrics', 'deployments'],
      actions: [],
      clock: Date.now(),
      heartbeatMs,
      deployments: resumed ? 'resumed' : 'relist',
    });
    notify(socket, 'catalog', { series: SCHEMA_ONLY_SERIES, replace: true });
    if (!resumed) notify(socket, 'deployments.snapshot', { resourceVersion, services });
    const now = Date.now();
    const sampleMs = options.sampleMs ?? 200;
    notify(socket, 'samples', {
      batches: SCHEMA_ONLY_SERIES.map((series, k) => ({
        series: series.id,
        points: [5, 4, 3, 2, 1].map((ago) => [
          now - ago * sampleMs,
          value(k, now - ago * sampleMs),
        ]),
      })),
    });
    ready.add(socket);
  }

  function onMessage(socket: WebSocket, data: string, isBinary: boolean): void {
    let frame: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = JSON.parse(data);
    } catch {
      invalidReceived.push('not JSON');
      error(socket, null, -32700, 'parse error'); // §12
      return;
    }
    const id = requestId(frame);
    if (!validators.consoleFrame(frame)) {
      invalidReceived.push(validators.errorsText(validators.consoleFrame));
      error(socket, id, -32600, 'invalid request'); // §12
      return;
    }
    const request = frame as { id: number; method: string; params: unknown };
    count(received, request.method);
    if (request.method === 'hello')
      return onHello(socket, request.id, request.params as HelloParams);
    if (!ready.has(socket)) return void error(socket, request.id, -32600, 'hello first'); // §3
    if (request.method === 'action.submit') {
      // §9 / §12: no actions are announced, so none is carried out.
      return void error(socket, request.id, -32002, 'this endpoint carries out no actions');
    }
    const { key } = request.params as { key: string };
    error(socket, request.id, -32004, `no action ${key}`); // §9: action.get of an unknown key
  }

  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    maxPayload: MAX_FRAME_BYTES, // §1: bigger messages close with 1009
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) => {
      const refusal = refuse(info.req, options.token);
      if (refusal) done(false, refusal.status, refusal.message);
      else done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.on('connection', (socket: WebSocket) => {
    socket.on('message', (data, isBinary) => onMessage(socket, String(data), isBinary));
    socket.on('close', () => ready.delete(socket));
    socket.on('error', () => ready.delete(socket));
  });

  // §5: one frame per tick with every series; §13: thin samples for a slow console.
  const ticker = setInterval(() => {
    const now = Date.now();
    const params = {
      batches: SCHEMA_ONLY_SERIES.map((series, k) => ({
        series: series.id,
        points: [[now, value(k, now)]],
      })),
    };
    for (const socket of ready) {
      if (socket.bufferedAmount > HOPELESS_BYTES) socket.close(4003, 'too slow');
      else if (socket.bufferedAmount < SLOW_BYTES) notify(socket, 'samples', params);
    }
  }, options.sampleMs ?? 200);
  // §10: ping every heartbeatMs; ws answers the console's pings by itself.
  const heartbeat = setInterval(() => {
    for (const socket of ready) socket.ping();
  }, heartbeatMs);

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    sent,
    invalidSent,
    received,
    invalidReceived,
    close: () => {
      clearInterval(ticker);
      clearInterval(heartbeat);
      for (const socket of server.clients) socket.close(1001, 'going away'); // §11
      for (const socket of server.clients) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface HelloParams {
  resume?: { deploymentsVersion: number };
}

/** §2: 426 without the subprotocol, 401 without the right bearer token. */
function refuse(
  req: IncomingMessage,
  token?: string,
): { status: number; message: string } | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  if (!offered.split(',').some((p) => p.trim() === SUBPROTOCOL)) {
    return { status: 426, message: `subprotocol ${SUBPROTOCOL} required` };
  }
  if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
    return { status: 401, message: 'bearer token required' };
  }
  return undefined;
}

/** §2: tokens are compared in constant time. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function requestId(frame: unknown): number | null {
  const id = (frame as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}

/** A plausible value of series k at time t: orders/min around 42, memory around 4.2 GB. */
function value(k: number, t: number): number {
  const wave = Math.sin(t / 5_000 + k);
  return k === 0 ? Math.round((42 + 6 * wave) * 10) / 10 : Math.round(4.2e9 + 3e8 * wave);
}
