// The Prometheus HTTP API as the bridge uses it: instant and range queries
// over node:http/https, with a timeout, auth headers, an optional private CA
// (certificates are always verified) and a cap on concurrent requests. Every
// failure becomes a PrometheusError whose message an operator can act on.
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';

export interface PrometheusClientOptions {
  /** Base URL: http(s)://host:port, plus a path prefix where there is one (Mimir: /prometheus). */
  url: string;
  /** Sent with every request: Authorization, X-Scope-OrgID, ... */
  headers?: Record<string, string>;
  /** PEM CA certificates trusted instead of Node's default list (private CA). */
  ca?: string | Buffer;
  /** Per request; also passed to Prometheus as its `timeout` parameter. */
  timeoutMs?: number;
  /** Requests in flight at once; the rest wait their turn. */
  maxConcurrent?: number;
}

/** What went wrong, coarsely: `query` is the query's own fault, the rest are the path's. */
export type PrometheusErrorKind = 'query' | 'http' | 'auth' | 'timeout' | 'unreachable' | 'tls';

export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly kind: PrometheusErrorKind,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

const sample = z.tuple([z.number(), z.string()]);
const metric = z.record(z.string(), z.string());
/** The `data` of a successful query answer. */
export const queryDataSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric, value: sample })),
  }),
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(z.object({ metric, values: z.array(sample) })),
  }),
  z.object({ resultType: z.literal('scalar'), result: sample }),
  z.object({ resultType: z.literal('string'), result: sample }),
]);
export type QueryData = z.infer<typeof queryDataSchema>;

const envelopeSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

/** Bodies larger than this are refused: a query that big is a mistake in the config. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class PrometheusClient {
  readonly origin: string;
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  private readonly maxConcurrent: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: PrometheusClientOptions) {
    this.base = new URL(options.url);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') {
      throw new Error(`Prometheus URL ${options.url}: expected http:// or https://`);
    }
    this.origin = `${this.base.origin}${this.base.pathname.replace(/\/+$/, '')}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxConcurrent = options.maxConcurrent ?? 8;
    const agentOptions = { keepAlive: true, maxSockets: this.maxConcurrent };
    this.agent =
      this.base.protocol === 'https:'
        ? // rejectUnauthorized stays true: there is deliberately no way to turn verification off.
          new https.Agent({ ...agentOptions, ca: options.ca, rejectUnauthorized: true })
        : new http.Agent(agentOptions);
  }

  /** An instant query evaluated at `timeMs` (epoch ms). */
  query(expr: string, timeMs: number): Promise<QueryData> {
    return this.call('/api/v1/query', { query: expr, time: seconds(timeMs) });
  }

  /** A range query from `startMs` to `endMs` every `stepMs`. */
  queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<QueryData> {
    return this.call('/api/v1/query_range', {
      query: expr,
      start: seconds(startMs),
      end: seconds(endMs),
      step: seconds(stepMs),
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private async call(path: string, params: Record<string, string>): Promise<QueryData> {
    await this.turn();
    try {
      const form = new URLSearchParams({ ...params, timeout: `${this.timeoutMs / 1000}s` });
      const { status, body } = await this.post(path, form.toString());
      return this.interpret(status, body);
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Waits until fewer than maxConcurrent requests are in flight, then takes a slot. */
  private async turn(): Promise<void> {
    if (this.active >= this.maxConcurrent) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active += 1;
  }

  private post(path: string, body: string): Promise<{ status: number; body: string }> {
    const transport = this.base.protocol === 'https:' ? https : http;
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return new Promise((resolve, reject) => {
      const request = transport.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname.replace(/^\[|\]$/g, ''),
          port: this.base.port || undefined,
          path: `${prefix}${path}`,
          method: 'POST',
          agent: this.agent,
          headers: {
            ...this.options.headers,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
              request.destroy(
                new PrometheusError(
                  `Prometheus answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; narrow the query`,
                  'http',
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          response.on('error', (err) => {
            clearTimeout(timer);
            reject(this.describe(err));
          });
        },
      );
      const timer = setTimeout(() => {
        request.destroy(
          new PrometheusError(
            `no answer from Prometheus at ${this.origin} within ${formatMs(this.timeoutMs)}`,
            'timeout',
          ),
        );
      }, this.timeoutMs);
      request.on('error', (err) => {
        clearTimeout(timer);
        reject(this.describe(err));
      });
      request.end(body);
    });
  }

  private interpret(status: number, body: string): QueryData {
    let envelope: z.infer<typeof envelopeSchema> | undefined;
    try {
      const parsed = envelopeSchema.safeParse(JSON.parse(body));
      if (parsed.success) envelope = parsed.data;
    } catch {
      envelope = undefined;
    }
    if (status === 401 || status === 403) {
      throw new PrometheusError(
        `Prometheus at ${this.origin} refused the bridge (HTTP ${status} ${http.STATUS_CODES[status] ?? ''}): check --prom-bearer / --prom-basic and --header`,
        'auth',
      );
    }
    if (envelope?.status === 'error') {
      const what = envelope.error ?? 'no reason given';
      switch (envelope.errorType) {
        case 'bad_data':
          throw new PrometheusError(`Prometheus rejected the query: ${what}`, 'query');
        case 'execution':
          throw new PrometheusError(`the query failed in Prometheus: ${what}`, 'query');
        case 'timeout':
          throw new PrometheusError(`the query timed out in Prometheus: ${what}`, 'timeout');
        default:
          throw new PrometheusError(
            `Prometheus answered HTTP ${status} (${envelope.errorType ?? 'error'}): ${what}`,
            'http',
          );
      }
    }
    if (status < 200 || status > 299 || !envelope) {
      const text = body.replace(/\s+/g, ' ').trim().slice(0, 300);
      throw new PrometheusError(
        `Prometheus at ${this.origin} answered HTTP ${status} ${http.STATUS_CODES[status] ?? ''}${
          text ? `: ${text}` : ''
        }${status === 404 ? ' (is the URL or its path prefix right?)' : ''}`,
        'http',
      );
    }
    const data = queryDataSchema.safeParse(envelope.data);
    if (!data.success) {
      throw new PrometheusError(
        `Prometheus at ${this.origin} sent an answer the bridge does not understand`,
        'http',
      );
    }
    return data.data;
  }

  /** Turns a socket or TLS failure into words an operator can act on. */
  private describe(err: Error): PrometheusError {
    if (err instanceof PrometheusError) return err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (TLS_TRUST_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) {
      return new PrometheusError(
        `TLS: the certificate of Prometheus at ${this.origin} is not trusted (${code}: ${err.message}); give its CA with --prom-ca`,
        'tls',
      );
    }
    // Node reports a failed dual-stack connect as an AggregateError with an empty message.
    const inner = err instanceof AggregateError ? (err.errors[0] as Error | undefined) : undefined;
    const detail = err.message || inner?.message || code || 'connection failed';
    return new PrometheusError(
      `Prometheus unreachable at ${this.origin}: ${detail}`,
      'unreachable',
    );
  }
}

const TLS_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Prometheus takes times and durations as (fractional) seconds. */
function seconds(ms: number): string {
  return String(ms / 1000);
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
