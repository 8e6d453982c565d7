// Buildbot's REST data API (/api/v2) as the bridge uses it: reads, and the
// `rebuild` control method. Every failure becomes a BuildbotError whose
// message an operator can act on (wrong URL, down or restarting, refused).
import { z } from 'zod';

export type BuildbotErrorKind =
  'unreachable' | 'timeout' | 'not-buildbot' | 'auth' | 'http' | 'refused';

export class BuildbotError extends Error {
  constructor(
    message: string,
    readonly kind: BuildbotErrorKind,
  ) {
    super(message);
    this.name = 'BuildbotError';
  }
}

export const builderSchema = z.object({ builderid: z.number(), name: z.string() });
export type Builder = z.infer<typeof builderSchema>;

export const buildSchema = z.object({
  buildid: z.number(),
  number: z.number(),
  builderid: z.number(),
  buildrequestid: z.number().nullish(),
  complete: z.boolean(),
  results: z.number().nullish(),
  started_at: z.number().nullish(),
  complete_at: z.number().nullish(),
  state_string: z.string().nullish(),
  properties: z.record(z.string(), z.tuple([z.unknown(), z.string()])).nullish(),
});
export type Build = z.infer<typeof buildSchema>;

export const stepSchema = z.object({
  stepid: z.number(),
  number: z.number(),
  name: z.string(),
  complete: z.boolean(),
  results: z.number().nullish(),
  state_string: z.string().nullish(),
  hidden: z.boolean().nullish(),
});
export type Step = z.infer<typeof stepSchema>;

export const buildRequestSchema = z.object({
  buildrequestid: z.number(),
  builderid: z.number(),
  claimed: z.boolean(),
  complete: z.boolean(),
  results: z.number().nullish(),
  submitted_at: z.number().nullish(),
});
export type BuildRequest = z.infer<typeof buildRequestSchema>;

const testResultSetSchema = z.object({
  test_result_setid: z.number(),
  category: z.string(),
  value_unit: z.string(),
  tests_failed: z.number().nullish(),
});
export type TestResultSet = z.infer<typeof testResultSetSchema>;

const testResultSchema = z.object({
  test_name: z.string().nullish(),
  test_code_path: z.string().nullish(),
  value: z.string(),
});
export type TestResult = z.infer<typeof testResultSchema>;

const logSchema = z.object({
  logid: z.number(),
  slug: z.string(),
  type: z.string(),
  num_lines: z.number(),
});
const logChunkSchema = z.object({ content: z.string() });

export interface BuildbotClientOptions {
  /** Buildbot's base URL: http(s)://host:port/ (where its UI is). */
  url: string;
  /** Sent with every request (basic auth). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Lines of a failing step's log read for test names: its end is where they are. */
const LOG_TAIL_LINES = 2_000;

export class BuildbotClient {
  readonly origin: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: BuildbotClientOptions) {
    this.origin = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  builders(): Promise<Builder[]> {
    return this.list('builders', 'builders', builderSchema);
  }

  /** The latest builds of a builder, newest first, with the revision they built. */
  builds(builderid: number, limit: number): Promise<Build[]> {
    return this.list(
      `builders/${builderid}/builds?order=-number&limit=${limit}&property=got_revision`,
      'builds',
      buildSchema,
    );
  }

  buildsOfRequest(buildrequestid: number): Promise<Build[]> {
    return this.list(
      `builds?buildrequestid=${buildrequestid}&order=-number`,
      'builds',
      buildSchema,
    );
  }

  steps(buildid: number): Promise<Step[]> {
    return this.list(`builds/${buildid}/steps`, 'steps', stepSchema);
  }

  pendingRequests(): Promise<BuildRequest[]> {
    return this.list('buildrequests?complete=false', 'buildrequests', buildRequestSchema);
  }

  async buildRequest(buildrequestid: number): Promise<BuildRequest | undefined> {
    return (
      await this.list(`buildrequests/${buildrequestid}`, 'buildrequests', buildRequestSchema)
    )[0];
  }

  testResultSets(buildid: number): Promise<TestResultSet[]> {
    return this.list(`builds/${buildid}/test_result_sets`, 'test_result_sets', testResultSetSchema);
  }

  testResults(setid: number): Promise<TestResult[]> {
    return this.list(`test_result_sets/${setid}/results`, 'test_results', testResultSchema);
  }

  /** The output lines (stdout, stderr; not Buildbot's headers) at the end of a step's stdio log. */
  async stepOutput(stepid: number): Promise<string[]> {
    const logs = await this.list(`steps/${stepid}/logs`, 'logs', logSchema);
    const stdio = logs.find((log) => log.slug === 'stdio') ?? logs[0];
    if (!stdio) return [];
    const offset = Math.max(0, stdio.num_lines - LOG_TAIL_LINES);
    const chunks = await this.list(
      `logs/${stdio.logid}/contents?offset=${offset}&limit=${LOG_TAIL_LINES}`,
      'logchunks',
      logChunkSchema,
    );
    const lines = chunks.flatMap((chunk) => chunk.content.split('\n'));
    // Stream logs prefix each line with its channel: o stdout, e stderr, h header.
    if (stdio.type !== 's') return lines;
    return lines.filter((line) => line[0] === 'o' || line[0] === 'e').map((line) => line.slice(1));
  }

  /** Asks Buildbot to run a build again; resolves with the new build request's id. */
  async rebuild(buildid: number): Promise<number> {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'rebuild', params: {}, id: 1 });
    const { status, json } = await this.request(`builds/${buildid}`, { method: 'POST', body });
    const answer = json as { result?: unknown; error?: { message?: string } } | undefined;
    if (answer?.error || status < 200 || status > 299) {
      const why = answer?.error?.message ?? `HTTP ${status}`;
      const hint = status === 401 || status === 403 ? ' (see docs/buildbot.md, permissions)' : '';
      throw new BuildbotError(`Buildbot refused the rebuild: ${why}${hint}`, 'refused');
    }
    // [buildsetid, {builderid: buildrequestid}]
    const requests = Array.isArray(answer?.result)
      ? (answer.result[1] as Record<string, number>)
      : {};
    const brid = Object.values(requests ?? {})[0];
    if (typeof brid !== 'number') {
      throw new BuildbotError(`Buildbot accepted the rebuild but named no build request`, 'http');
    }
    return brid;
  }

  private async list<T>(path: string, key: string, schema: z.ZodType<T>): Promise<T[]> {
    const { status, json } = await this.request(path, { method: 'GET' });
    if (status === 401 || status === 403) {
      throw new BuildbotError(
        `Buildbot at ${this.origin} refused to let the bridge read (HTTP ${status}): check --buildbot-basic`,
        'auth',
      );
    }
    if (status === 404 && /^(builders|buildrequests)/.test(path)) {
      const message = (json as { error?: unknown } | undefined)?.error;
      if (message === undefined)
        throw this.notBuildbot(`HTTP 404 for /api/v2/${path.split('?')[0]}`);
    }
    if (status === 503) {
      throw new BuildbotError(
        `Buildbot at ${this.origin} is starting or restarting (HTTP 503)`,
        'unreachable',
      );
    }
    if (status < 200 || status > 299) {
      const message = (json as { error?: unknown } | undefined)?.error ?? '';
      throw new BuildbotError(
        `Buildbot at ${this.origin} answered HTTP ${status} for /api/v2/${path.split('?')[0]} ${String(message)}`.trim(),
        'http',
      );
    }
    const items = (json as Record<string, unknown> | undefined)?.[key];
    const parsed = z.array(schema).safeParse(items);
    if (!parsed.success) throw this.notBuildbot(`no "${key}" list in the answer`);
    return parsed.data;
  }

  private async request(
    path: string,
    init: { method: string; body?: string },
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${this.origin}/api/v2/${path}`, {
        method: init.method,
        body: init.body,
        headers: {
          ...this.options.headers,
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'manual',
      });
    } catch (err) {
      throw this.describe(err as Error);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw this.describe(err as Error);
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      if (response.status === 503) return { status: 503, json: undefined };
      throw this.notBuildbot(`HTTP ${response.status} with a body that is not JSON`);
    }
    return { status: response.status, json };
  }

  private notBuildbot(detail: string): BuildbotError {
    return new BuildbotError(
      `${this.origin} does not look like Buildbot (${detail}): give --buildbot the address its web UI is at, e.g. http://host:8010/`,
      'not-buildbot',
    );
  }

  private describe(err: Error): BuildbotError {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return new BuildbotError(
        `no answer from Buildbot at ${this.origin} within ${this.timeoutMs} ms`,
        'timeout',
      );
    }
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? err.message;
    return new BuildbotError(
      `Buildbot unreachable at ${this.origin} (down or restarting?): ${detail}`,
      'unreachable',
    );
  }
}
