// The JSON Schema in docs/schema/ is the console's zod schemas, generated:
// it must never drift from them, it must accept what the demo endpoint really
// sends, it must agree with zod at the edges, and every example in
// docs/protocol.md must validate against it.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoEndpoint, type DemoEndpoint } from '../../endpoints/demo/demo-server';
import { waitFor } from '../support/wait-for';
import { SCHEMA_FILE, SCHEMA_ID, buildSchema, renderSchema } from '../../scripts/generate-schema';
import {
  ACTION_NAMES,
  CLOSE_CODES,
  MAX_FRAME_BYTES,
  RPC_ERRORS,
  SUBPROTOCOL,
  consoleRequestSchema,
  endpointNotificationSchema,
  rpcResponseSchema,
} from '../../shared/protocol';

const PROTOCOL_MD = new URL('../../docs/protocol.md', import.meta.url);

const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
ajv.addSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);

function def(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`);
  if (!validate) throw new Error(`no $def ${name}`);
  return validate;
}

/** Validation errors of `value` against a $def, as text ('' when valid). */
function problems(name: string, value: unknown): string {
  const validate = def(name);
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

describe('the generated JSON Schema', () => {
  it('is exactly what the generator produces from shared/protocol/index.ts now', () => {
    const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = renderSchema();
    expect(checkedIn, 'run: npx tsx scripts/generate-schema.ts').toBe(generated);
    expect(renderSchema()).toBe(generated); // deterministic
    expect(generated.endsWith('}\n')).toBe(true);
  });

  it('is draft 2020-12, compiles in strict mode, and names every message and part', () => {
    const schema = buildSchema() as { $schema: string; $defs: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ajv.getSchema(SCHEMA_ID)).toBeTypeOf('function');
    const expected = [
      'EndpointFrame',
      'ConsoleFrame',
      'HelloParams',
      'HelloResult',
      'HelloRequest',
      'ActionSubmitRequest',
      'ActionGetRequest',
      'RpcResponse',
      'RpcError',
      'SeriesInfo',
      'SampleBatch',
      'ServiceState',
      'CloudEvent',
      'ActionStatus',
      'SubmitResult',
      ...endpointNotificationSchema.options.map(
        (o) => `${pascal(o.shape.method.value)}Notification`,
      ),
      ...ACTION_NAMES.map((name) => `${pascal(name)}Args`),
    ];
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(expected));
  });

  // Each case: which side sends it, the frame, and whether zod accepts it. Ajv must agree.
  const edges: [string, 'endpoint' | 'console', unknown, boolean][] = [
    ['a samples frame', 'endpoint', samples([[1.7e12, 1]]), true],
    ['unknown members (additive change)', 'endpoint', { ...samples([[1.7e12, 1]]), x: 1 }, true],
    ['a point with three members', 'endpoint', samples([[1.7e12, 1, 2]]), false],
    ['a point with a string value', 'endpoint', samples([[1.7e12, '1']]), false],
    ['an unknown method', 'endpoint', { jsonrpc: '2.0', method: 'metrics', params: {} }, false],
    ['jsonrpc 1.0', 'endpoint', { ...samples([]), jsonrpc: '1.0' }, false],
    ['an event time without offset', 'endpoint', event({ time: '2026-01-01T12:00:00' }), false],
    ['an event time with offset', 'endpoint', event({ time: '2026-01-01T13:00:00+01:00' }), true],
    ['a catalog entry with an unknown level', 'endpoint', catalog({ level: 'executive' }), false],
    ['a catalog entry with intervalMs 50', 'endpoint', catalog({ intervalMs: 50 }), false],
    ['an error response with id null', 'endpoint', errorReply(null), true],
    ['an error response with a string id', 'endpoint', errorReply('7'), false],
    ['hello', 'console', hello(SUBPROTOCOL), true],
    ['hello for watchfloor.v2', 'console', hello('watchfloor.v2'), false],
    ['capacity.scale by 2', 'console', submit('capacity.scale', scale(2)), true],
    ['capacity.scale by 0 (a refinement)', 'console', submit('capacity.scale', scale(0)), false],
    ['capacity.scale by 1.5', 'console', submit('capacity.scale', scale(1.5)), false],
    ['rollback without environment', 'console', submit('deploy.rollback', { service: 'x' }), false],
    ['an unknown action', 'console', submit('db.drop', { service: 'x', environment: 'y' }), false],
  ];

  it.each(edges)('agrees with zod on %s', (_what, side, frame, valid) => {
    const zod =
      side === 'console'
        ? consoleRequestSchema.safeParse(frame).success
        : endpointNotificationSchema.safeParse(frame).success ||
          rpcResponseSchema.safeParse(frame).success;
    expect(zod).toBe(valid);
    expect(def(side === 'console' ? 'ConsoleFrame' : 'EndpointFrame')(frame)).toBe(valid);
    expect(ajv.getSchema(SCHEMA_ID)?.(frame)).toBe(valid);
  });
});

/** Every notification the demo endpoint sends in a session with a rollback. */
const NOTIFIED = [
  'catalog',
  'samples',
  'deployments.snapshot',
  'deployments.change',
  'event',
  'action.status',
];

describe('frames the demo endpoint really sends', () => {
  let demo: DemoEndpoint | undefined;
  afterEach(async () => {
    await demo?.close();
    demo = undefined;
  });

  it('all validate, as do the requests a console sends it', async () => {
    demo = await startDemoEndpoint({ seed: 7, tickMs: 200, rollbackMs: 400, heartbeatMs: 1_000 });
    const first = await session(
      demo.url,
      (send) => {
        send('hello', helloParams());
        send('action.submit', rollback('schema-test-rollback'));
        // the same key for a different rollback: -32001
        const other = rollback('schema-test-rollback');
        send('action.submit', { ...other, args: { ...other.args, toVersion: '2.12.0' } });
        send('action.submit', {
          key: 'schema-test-scale',
          action: 'capacity.scale',
          args: scale(2),
        });
        setTimeout(() => send('action.get', { key: 'schema-test-rollback' }), 1_000);
        send('action.get', { key: 'never-submitted' });
      },
      (run) => {
        const seen = new Set(run.notifications.map((f) => f.method));
        const finished = run.notifications.some(
          (f) =>
            f.method === 'action.status' && (f.params as { state: string }).state === 'succeeded',
        );
        return run.replies.length === 6 && finished && NOTIFIED.every((m) => seen.has(m));
      },
    );
    const snapshot = first.notifications.find((f) => f.method === 'deployments.snapshot');
    const resourceVersion = (snapshot?.params as { resourceVersion: number }).resourceVersion;
    // reconnect and resume the deployments watch from the snapshot
    const second = await session(
      demo.url,
      (send) =>
        send('hello', { ...helloParams(), resume: { deploymentsVersion: resourceVersion } }),
      (run) =>
        run.replies.length === 1 &&
        run.notifications.some((f) => f.method === 'deployments.change'),
    );

    for (const run of [first, second]) {
      for (const frame of run.sent) expect(problems('ConsoleFrame', frame)).toBe('');
      for (const text of run.received) {
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
        const frame = JSON.parse(text) as unknown;
        expect(problems('EndpointFrame', frame), text.slice(0, 300)).toBe('');
      }
      for (const { method, frame } of run.replies) {
        if ('result' in frame)
          expect(problems(`${pascal(method)}Response`, frame), method).toBe('');
      }
    }

    const methods = new Set(first.notifications.map((f) => f.method));
    for (const method of NOTIFIED) {
      expect(methods, method).toContain(method);
    }
    const states = first.notifications
      .filter((f) => f.method === 'action.status')
      .map((f) => (f.params as { state: string }).state);
    expect(states).toEqual(['accepted', 'running', 'succeeded']);
    const errors = first.replies.flatMap(({ frame }) =>
      'error' in frame ? [(frame.error as { code: number }).code] : [],
    );
    expect(errors).toEqual(
      expect.arrayContaining([RPC_ERRORS.idempotencyConflict, RPC_ERRORS.unknownAction]),
    );
    expect(second.replies[0]).toMatchObject({
      method: 'hello',
      frame: { result: { deployments: 'resumed' } },
    });
    expect(second.notifications.map((f) => f.method)).toContain('deployments.change');
    expect(second.notifications.map((f) => f.method)).not.toContain('deployments.snapshot');
  }, 15_000);
});

describe('docs/protocol.md', () => {
  const markdown = readFileSync(PROTOCOL_MD, 'utf8');

  it('has only JSON examples that validate against the $def named after them', () => {
    const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```\n+(<!--[^>]*-->)?/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(15);
    const tagged = new Set<string>();
    for (const [, body, comment] of blocks) {
      const tag = /<!-- schema: (\w+)(\[\])? -->/.exec(comment ?? '');
      expect(tag, `untagged example:\n${body}`).not.toBeNull();
      const [, name, many] = tag as RegExpExecArray;
      const value = JSON.parse(body as string) as unknown;
      for (const item of many ? (value as unknown[]) : [value]) {
        expect(problems(name as string, item), `${name} example:\n${body}`).toBe('');
      }
      tagged.add(name as string);
    }
    // every message has an example
    const messages = Object.keys(
      (buildSchema() as { $defs: Record<string, unknown> }).$defs,
    ).filter((name) => /(Notification|Request|Response)$/.test(name) && name !== 'RpcResponse');
    expect(messages.filter((name) => !tagged.has(name))).toEqual(
      messages.filter((name) => ['EndpointNotification', 'ConsoleRequest'].includes(name)),
    );
  });

  it('has an example session whose every frame validates', () => {
    const block = /```text\n([\s\S]*?)```\n+<!-- transcript -->/.exec(markdown);
    expect(block).not.toBeNull();
    const frames: { from: string; text: string }[] = [];
    for (const line of (block?.[1] ?? '').split('\n')) {
      const start = /^(console|endpoint) → (.*)$/.exec(line);
      if (start) frames.push({ from: start[1] as string, text: start[2] as string });
      else if (/^\s+\S/.test(line) && frames.length)
        (frames.at(-1) as { text: string }).text += line;
    }
    expect(frames.length).toBeGreaterThanOrEqual(20);
    const requests = new Map<unknown, string>();
    for (const { from, text } of frames) {
      const frame = JSON.parse(text) as { id?: unknown; method?: string; result?: unknown };
      const name = from === 'console' ? 'ConsoleFrame' : 'EndpointFrame';
      expect(problems(name, frame), text.slice(0, 200)).toBe('');
      if (from === 'console') requests.set(frame.id, frame.method as string);
      else if ('result' in frame) {
        // a response is checked with its request's result type too
        const method = requests.get(frame.id);
        expect(method, `response to an unknown id: ${text.slice(0, 100)}`).toBeDefined();
        expect(problems(`${pascal(method as string)}Response`, frame), text).toBe('');
      }
    }
  });

  it('lists every close code and every error code', () => {
    for (const code of [...Object.values(CLOSE_CODES), ...Object.values(RPC_ERRORS)]) {
      expect(markdown, `code ${code}`).toMatch(new RegExp(`^\\| ${code} +\\|`, 'm'));
    }
  });
});

// ---- helpers -------------------------------------------------------------------

/** `deploy.rollback` → `DeployRollback`, as the generator names $defs. */
function pascal(name: string): string {
  return name
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

interface Session {
  sent: unknown[];
  received: string[];
  notifications: { method: string; params: unknown }[];
  replies: { method: string; frame: Record<string, unknown> }[];
}

/** Connects as a console, runs `script`, and collects frames until `done` (bounded: 10 s). */
async function session(
  url: string,
  script: (send: (method: string, params: unknown) => void) => void,
  done: (session: Session) => boolean,
): Promise<Session> {
  const socket = new WebSocket(url, SUBPROTOCOL);
  const out: Session = { sent: [], received: [], notifications: [], replies: [] };
  const methods = new Map<number, string>();
  let nextId = 1;
  socket.on('message', (data) => {
    const text = String(data);
    out.received.push(text);
    const frame = JSON.parse(text) as Record<string, unknown>;
    if (typeof frame.method === 'string') {
      out.notifications.push({ method: frame.method, params: frame.params });
    } else {
      out.replies.push({ method: methods.get(frame.id as number) ?? 'unknown', frame });
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  script((method, params) => {
    const id = nextId++;
    methods.set(id, method);
    const frame = { jsonrpc: '2.0', id, method, params };
    out.sent.push(frame);
    socket.send(JSON.stringify(frame));
  });
  await waitFor('the frames the test needs', () => done(out), 10_000);
  socket.close(1000);
  return out;
}

function helloParams() {
  return {
    protocol: SUBPROTOCOL,
    client: { name: 'protocol-schema test', version: '1' },
    clock: Date.now(),
  };
}

function hello(protocol: string) {
  return { jsonrpc: '2.0', id: 1, method: 'hello', params: { ...helloParams(), protocol } };
}

function rollback(key: string) {
  return {
    key,
    action: 'deploy.rollback',
    args: { service: 'billing', environment: 'production' },
  };
}

function scale(change: number) {
  return { service: 'web', environment: 'production', resource: 'servers', change };
}

function submit(action: string, args: unknown) {
  return {
    jsonrpc: '2.0',
    id: 2,
    method: 'action.submit',
    params: { key: 'k-123456', action, args },
  };
}

function samples(points: unknown[]) {
  return { jsonrpc: '2.0', method: 'samples', params: { batches: [{ series: 'cpu', points }] } };
}

function event(change: Record<string, unknown>) {
  return {
    jsonrpc: '2.0',
    method: 'event',
    params: {
      specversion: '1.0',
      id: 'e1',
      source: 'test',
      type: 'deploy.started',
      time: '2026-01-01T12:00:00Z',
      ...change,
    },
  };
}

function catalog(change: Record<string, unknown>) {
  const series = {
    id: 'cpu',
    title: 'CPU',
    level: 'technical',
    unit: '%',
    kind: 'gauge',
    intervalMs: 1000,
    ...change,
  };
  return { jsonrpc: '2.0', method: 'catalog', params: { series: [series] } };
}

function errorReply(id: unknown) {
  return { jsonrpc: '2.0', id, error: { code: -32600, message: 'invalid request' } };
}
