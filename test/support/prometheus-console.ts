// A bare watchfloor.v1 console for the bridge's tests: says hello, keeps
// every frame it receives, and checks each one against the protocol's JSON
// Schema (EndpointFrame), so a malformed frame fails the test that caused it.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import WebSocket from 'ws';
import { SCHEMA_FILE, SCHEMA_ID } from '../../scripts/generate-schema';
import { SUBPROTOCOL } from '../../shared/protocol';

const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
ajv.addSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
const endpointFrame = ajv.getSchema(`${SCHEMA_ID}#/$defs/EndpointFrame`);

export interface Frame {
  jsonrpc: '2.0';
  id?: number | null;
  method?: string;
  params?: Record<string, unknown> & {
    series?: unknown;
    batches?: Array<{ series: string; points: Array<[number, number]> }>;
    message?: string;
  };
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

export interface RawConsole {
  socket: WebSocket;
  frames: Frame[];
  /** Frames that broke the schema, with the reason; should stay empty. */
  invalid: string[];
  /** The largest frame received, in bytes. */
  largestFrame: number;
  request(method: string, params: unknown): Promise<Frame>;
  hello(): Promise<Frame>;
  /** Resolves with the first frame (already received or still to come) that matches. */
  waitFor(what: string, match: (frame: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
  /** Every [time, value] this console got for a series, in arrival order. */
  points(series: string): Array<[number, number]>;
  /** The series.error notifications for a series: messages, undefined for a clear. */
  errors(series: string): Array<string | undefined>;
  close(): Promise<void>;
}

export async function connectRawConsole(
  url: string,
  options: { token?: string; protocols?: string[] } = {},
): Promise<RawConsole> {
  const socket = new WebSocket(url, options.protocols ?? [SUBPROTOCOL], {
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
  const frames: Frame[] = [];
  const invalid: string[] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  const raw: RawConsole = {
    socket,
    frames,
    invalid,
    largestFrame: 0,
    request: (method, params) => {
      const id = nextId++;
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      return raw.waitFor(`the reply to ${method}`, (f) => f.id === id && f.method === undefined);
    },
    hello: () =>
      raw.request('hello', {
        protocol: SUBPROTOCOL,
        client: { name: 'Watchfloor', version: 'test' },
        clock: Date.now(),
      }),
    waitFor: (what, match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    points: (series) =>
      frames
        .filter((f) => f.method === 'samples')
        .flatMap((f) => f.params?.batches ?? [])
        .filter((b) => b.series === series)
        .flatMap((b) => b.points),
    errors: (series) =>
      frames
        .filter((f) => f.method === 'series.error' && f.params?.series === series)
        .map((f) => f.params?.message),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  socket.on('message', (data: Buffer) => {
    raw.largestFrame = Math.max(raw.largestFrame, data.length);
    const frame = JSON.parse(String(data)) as Frame;
    if (endpointFrame && !endpointFrame(frame)) {
      invalid.push(`${ajv.errorsText(endpointFrame.errors)} in ${String(data).slice(0, 300)}`);
    }
    frames.push(frame);
    for (const waiter of [...waiters]) waiter();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`HTTP ${res.statusCode} ${res.statusMessage ?? ''}`.trim())),
    );
  });
  return raw;
}
