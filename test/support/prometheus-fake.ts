// A stand-in for the Prometheus HTTP API on 127.0.0.1 whose answers each test
// chooses: values, errors, silence, a reset connection, https with a
// self-signed certificate. It records every request it gets.
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './prometheus-test-tls';

export interface FakeRequest {
  /** The path without the prefix: /api/v1/query or /api/v1/query_range. */
  path: string;
  /** The full path as received. */
  rawPath: string;
  method: string;
  query: string;
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export type FakeAnswer = { status?: number; json?: unknown; text?: string } | 'hang' | 'reset';

export type FakeHandler = (request: FakeRequest) => FakeAnswer;

export interface FakePrometheus {
  url: string;
  requests: FakeRequest[];
  handler: FakeHandler;
  /** Requests for one query, of one kind. */
  count(query: string, kind?: 'query' | 'query_range'): number;
  close(): Promise<void>;
}

/** Answers in the Prometheus API's own shapes. */
export const answer = {
  vector(value: number | string, timeSec: number, metric: Record<string, string> = {}): FakeAnswer {
    return {
      json: {
        status: 'success',
        data: { resultType: 'vector', result: [{ metric, value: [timeSec, String(value)] }] },
      },
    };
  },
  vectors(metrics: Array<Record<string, string>>, timeSec: number): FakeAnswer {
    return {
      json: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: metrics.map((metric) => ({ metric, value: [timeSec, '1'] })),
        },
      },
    };
  },
  empty(): FakeAnswer {
    return { json: { status: 'success', data: { resultType: 'vector', result: [] } } };
  },
  scalar(value: number, timeSec: number): FakeAnswer {
    return {
      json: { status: 'success', data: { resultType: 'scalar', result: [timeSec, String(value)] } },
    };
  },
  /** A matrix of one series from start to end (seconds) every step, valued by `value`. */
  matrix(params: URLSearchParams, value: (timeSec: number) => number): FakeAnswer {
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const step = Number(params.get('step'));
    const values: Array<[number, string]> = [];
    for (let t = start; t <= end + 1e-9; t += step) {
      const rounded = Math.round(t * 1000) / 1000;
      values.push([rounded, String(value(rounded))]);
    }
    return {
      json: { status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } },
    };
  },
  error(status: number, errorType: string, error: string): FakeAnswer {
    return { status, json: { status: 'error', errorType, error } };
  },
};

/** Answers every query with a value that follows the clock, and range queries alike. */
export const steadyHandler: FakeHandler = (request) => {
  if (request.path === '/api/v1/query_range') return answer.matrix(request.params, (t) => t % 100);
  const time = Number(request.params.get('time'));
  return answer.vector(time % 100, time);
};

export async function startFakePrometheus(
  options: { handler?: FakeHandler; prefix?: string; tls?: boolean } = {},
): Promise<FakePrometheus> {
  const prefix = options.prefix ?? '';
  const sockets = new Set<Socket>();
  const requests: FakeRequest[] = [];
  const fake: FakePrometheus = {
    url: '',
    requests,
    handler: options.handler ?? steadyHandler,
    count: (query, kind) =>
      requests.filter(
        (r) => r.query === query && (kind === undefined || r.path === `/api/v1/${kind}`),
      ).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = Buffer.concat(chunks).toString('utf8');
      const params = new URLSearchParams(req.method === 'POST' ? body : url.search);
      const rawPath = url.pathname;
      const request: FakeRequest = {
        path: rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : rawPath,
        rawPath,
        method: req.method ?? '',
        query: params.get('query') ?? '',
        params,
        headers: req.headers,
      };
      requests.push(request);
      if (!rawPath.startsWith(`${prefix}/api/v1/`)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
        return;
      }
      const reply = fake.handler(request);
      if (reply === 'hang') return;
      if (reply === 'reset') {
        req.socket.destroy();
        return;
      }
      const status = reply.status ?? 200;
      if (reply.json !== undefined) {
        res
          .writeHead(status, { 'content-type': 'application/json' })
          .end(JSON.stringify(reply.json));
      } else {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(reply.text ?? '');
      }
    });
  };
  const server = options.tls
    ? https.createServer({ key: TEST_TLS_KEY, cert: TEST_TLS_CERT }, onRequest)
    : http.createServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${prefix}`;
  return fake;
}
