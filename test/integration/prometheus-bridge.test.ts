// The bridge over real sockets, in front of a fake Prometheus whose answers
// each test chooses: the watchfloor.v1 side (handshake, catalog, backfill,
// live samples, series errors, auth) and the Prometheus side (one query per
// interval for any number of consoles, auth headers, prefixes, TLS, failures).
import { afterEach, describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../endpoints/prometheus/bridge-config';
import { parseBridgeOptions } from '../../endpoints/prometheus/bridge-options';
import {
  startPrometheusBridge,
  type PrometheusBridge,
  type PrometheusBridgeOptions,
} from '../../endpoints/prometheus/bridge-server';
import { CLOSE_CODES, MAX_FRAME_BYTES, RPC_ERRORS } from '../../shared/protocol';
import { connectRawConsole, type RawConsole } from '../support/prometheus-console';
import {
  answer,
  startFakePrometheus,
  steadyHandler,
  type FakeHandler,
} from '../support/prometheus-fake';
import { freePort } from '../support/prometheus-services';
import { TEST_TLS_CERT } from '../support/prometheus-test-tls';
import { waitFor } from '../support/wait-for';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function series(id: string, query: string, extra: Record<string, unknown> = {}) {
  return { id, title: id, level: 'technical', unit: '%', intervalMs: 1000, query, ...extra };
}

async function fake(options: Parameters<typeof startFakePrometheus>[0] = {}) {
  const prometheus = await startFakePrometheus(options);
  cleanup.push(() => prometheus.close());
  return prometheus;
}

async function bridge(
  config: Record<string, unknown>,
  prometheus: PrometheusBridgeOptions['prometheus'],
  extra: Partial<PrometheusBridgeOptions> = {},
): Promise<PrometheusBridge & { warnings: string[] }> {
  const warnings: string[] = [];
  const started = await startPrometheusBridge({
    config: parseBridgeConfig(config, 'test config'),
    prometheus,
    warn: (message) => warnings.push(message),
    ...extra,
  });
  cleanup.push(() => started.close());
  return Object.assign(started, { warnings });
}

async function watch(url: string, options: { token?: string } = {}): Promise<RawConsole> {
  const raw = await connectRawConsole(url, options);
  cleanup.push(() => raw.close());
  return raw;
}

function expectValidFrames(...consoles: RawConsole[]) {
  for (const c of consoles) expect(c.invalid).toEqual([]);
}

function expectIncreasing(points: Array<[number, number]>) {
  for (let i = 1; i < points.length; i += 1) {
    expect(points[i]?.[0]).toBeGreaterThan(points[i - 1]?.[0] ?? Infinity);
  }
}

describe('Prometheus bridge: the watchfloor.v1 side', () => {
  it('answers hello, then sends the catalog, the backfill and live samples, all schema-valid', async () => {
    const prometheus = await fake();
    const b = await bridge(
      {
        endpoint: { id: 'prod', name: 'Production Prometheus' },
        backfillMs: 60_000,
        series: [
          series('system.cpu.utilization', 'cpu', {
            title: 'CPU utilization',
            thresholds: { warning: 80, critical: 95, direction: 'above' },
          }),
          series('app.signups.rate', 'signups', {
            level: 'business',
            unit: '{signup}/min',
            intervalMs: 2000,
            procedures: [
              {
                when: 'critical',
                title: 'Roll back billing',
                action: 'deploy.rollback',
                args: { service: 'billing', environment: 'production' },
              },
            ],
          }),
        ],
      },
      { url: prometheus.url },
    );
    const c = await watch(b.url);
    const hello = await c.hello();
    expect(hello.result).toMatchObject({
      protocol: 'watchfloor.v1',
      endpoint: { id: 'prod', name: 'Production Prometheus' },
      roles: ['metrics'],
      actions: [],
    });
    await waitFor(
      'live samples after the backfill',
      () => c.points('system.cpu.utilization').length > 62,
      5_000,
    );
    // order: the reply, the whole catalog, then samples
    expect(c.frames[0]?.id).toBe(1);
    expect(c.frames[1]).toMatchObject({ method: 'catalog', params: { replace: true } });
    const catalog = c.frames[1]?.params?.series as Array<Record<string, unknown>>;
    expect(catalog.map((s) => s.id)).toEqual(['system.cpu.utilization', 'app.signups.rate']);
    expect(catalog[0]).toMatchObject({ title: 'CPU utilization', kind: 'gauge', intervalMs: 1000 });
    expect(catalog[0]).not.toHaveProperty('query');
    expect(catalog[1]).toMatchObject({
      unit: '{signup}/min',
      procedures: [{ action: 'deploy.rollback' }],
    });
    const firstSamples = c.frames.find((f) => f.method === 'samples');
    // the backfill: a minute's worth, 60 points at 1 s and 30 at 2 s. The cache
    // keeps the minute before the range's answer; when the answer comes after a
    // grid step, that step's live point may still be in flight, one short.
    const backfill = firstSamples?.params?.batches ?? [];
    expect(
      backfill.find((x) => x.series === 'system.cpu.utilization')?.points.length,
    ).toBeGreaterThanOrEqual(59);
    expect(
      backfill.find((x) => x.series === 'app.signups.rate')?.points.length,
    ).toBeGreaterThanOrEqual(29);
    // one query_range per series, on the series' own grid
    const range = prometheus.requests.find(
      (r) => r.path === '/api/v1/query_range' && r.query === 'signups',
    );
    expect(range?.params.get('step')).toBe('2');
    expect(Number(range?.params.get('end')) % 2).toBe(0);
    // live points continue the backfill on the same grid, never repeating one
    const cpu = c.points('system.cpu.utilization');
    expectIncreasing(cpu);
    for (const [t] of cpu) expect(t % 1000).toBe(0);
    // and keep coming: a point stamped after now arrives (bounded wait, not a fixed window)
    const now = Date.now();
    await waitFor(
      'a live point after now',
      () => (c.points('system.cpu.utilization').at(-1)?.[0] ?? 0) >= now - 1_000,
      10_000,
    );
    // the series turned out healthy: a clear, so no stale error lingers on a console
    expect(c.errors('system.cpu.utilization')).toEqual([undefined]);
    expectValidFrames(c);
  });

  it('runs each query once per interval, however many consoles watch', async () => {
    const prometheus = await fake();
    const b = await bridge(
      { backfillMs: 30_000, series: [series('a', 'qa'), series('b', 'qb', { intervalMs: 2000 })] },
      { url: prometheus.url },
    );
    const consoles = await Promise.all([watch(b.url), watch(b.url), watch(b.url)]);
    await Promise.all(consoles.map((c) => c.hello()));
    const start = Date.now();
    // Wait for the polls (bounded), then judge the count by the time it took.
    await waitFor('five polls of qa', () => prometheus.count('qa', 'query') >= 5, 15_000);
    await waitFor(
      'three live points of a in every console',
      () => consoles.every((c) => c.points('a').filter(([t]) => t > start).length >= 3),
      15_000,
    );
    const elapsed = Date.now() - start;
    // one poll at once, then one per interval: not three
    expect(prometheus.count('qa', 'query')).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 2);
    expect(prometheus.count('qb', 'query')).toBeLessThanOrEqual(Math.ceil(elapsed / 2000) + 2);
    // one backfill per series, shared by the three consoles
    expect(prometheus.count('qa', 'query_range')).toBe(1);
    expect(prometheus.count('qb', 'query_range')).toBe(1);
    // and every console got the same points
    const [first, ...others] = consoles.map((c) => c.points('a').filter(([t]) => t > start));
    expect(first?.length).toBeGreaterThanOrEqual(3);
    for (const other of others)
      expect(other.map(([t]) => t)).toEqual(first?.slice(0, other.length).map(([t]) => t));
    // a console that joins later gets the cached history without a new range query
    const late = await watch(b.url);
    await late.hello();
    await late.waitFor('the late backfill', (f) => f.method === 'samples');
    expect(late.points('a').length).toBeGreaterThanOrEqual(30);
    expect(prometheus.count('qa', 'query_range')).toBe(1);
    expectValidFrames(...consoles, late);
  });

  it('stops querying when the last console leaves, and backfills afresh when one returns', async () => {
    const prometheus = await fake();
    const b = await bridge(
      { backfillMs: 10_000, series: [series('a', 'qa')] },
      { url: prometheus.url },
    );
    const c = await watch(b.url);
    await c.hello();
    await c.waitFor('samples', (f) => f.method === 'samples');
    await c.close();
    await waitFor('the bridge to notice', () => b.consoles === 0);
    expect(b.poller.polling).toBe(false);
    const after = prometheus.count('qa', 'query');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(prometheus.count('qa', 'query')).toBe(after);
    const again = await watch(b.url);
    await again.hello();
    await again.waitFor('samples', (f) => f.method === 'samples');
    expect(prometheus.count('qa', 'query_range')).toBe(2);
  });

  it('refuses consoles without the token or the subprotocol, and turns actions down', async () => {
    const prometheus = await fake();
    const b = await bridge(
      { series: [series('a', 'qa')] },
      { url: prometheus.url },
      { token: 's3cret' },
    );
    await expect(connectRawConsole(b.url)).rejects.toThrow(/401/);
    await expect(connectRawConsole(b.url, { token: 'wrong' })).rejects.toThrow(/401/);
    await expect(
      connectRawConsole(b.url, { token: 's3cret', protocols: ['other'] }),
    ).rejects.toThrow(/426/);
    const c = await watch(b.url, { token: 's3cret' });
    await c.hello();
    const submit = await c.request('action.submit', {
      key: 'k-1',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(submit.result).toMatchObject({ accepted: false });
    const get = await c.request('action.get', { key: 'k-1' });
    expect(get.error?.code).toBe(RPC_ERRORS.unknownAction);
    const again = await c.hello();
    expect(again.error?.code).toBe(RPC_ERRORS.invalidRequest);
    expectValidFrames(c);
  });

  it('answers -32600 to requests before hello and to a second hello, sending nothing more', async () => {
    const prometheus = await fake();
    const b = await bridge({ series: [series('a', 'qa')] }, { url: prometheus.url });
    const c = await watch(b.url);
    const submit = await c.request('action.submit', {
      key: 'early-key-01',
      action: 'deploy.rollback',
      args: { service: 'billing', environment: 'production' },
    });
    expect(submit.error?.code).toBe(RPC_ERRORS.invalidRequest);
    expect((await c.request('action.get', { key: 'early-key-01' })).error?.code).toBe(
      RPC_ERRORS.invalidRequest,
    );
    expect(c.frames.every((f) => f.method === undefined)).toBe(true);
    expect((await c.hello()).result).toMatchObject({ protocol: 'watchfloor.v1' });
    await c.waitFor('the backfill', (f) => f.method === 'samples');
    expect((await c.hello()).error?.code).toBe(RPC_ERRORS.invalidRequest);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(c.frames.filter((f) => f.method === 'catalog')).toHaveLength(1);
    expectValidFrames(c);
  });

  it('closes consoles with 1001 when it shuts down', async () => {
    const prometheus = await fake();
    const b = await bridge({ series: [series('a', 'qa')] }, { url: prometheus.url });
    const c = await watch(b.url);
    await c.hello();
    const closed = new Promise<number>((resolve) => c.socket.once('close', resolve));
    await b.close();
    expect(await closed).toBe(CLOSE_CODES.goingAway);
  });

  it('splits a large backfill over frames under 1 MiB', async () => {
    const prometheus = await fake();
    const many = Array.from({ length: 12 }, (_, i) => series(`s.${i}`, `q${i}`));
    const b = await bridge({ backfillMs: 3_600_000, series: many }, { url: prometheus.url });
    const c = await watch(b.url);
    await c.hello();
    await waitFor(
      'the whole backfill',
      () => many.every((s) => c.points(s.id).length >= 3600),
      10_000,
    );
    expect(c.frames.filter((f) => f.method === 'samples').length).toBeGreaterThan(1);
    expect(c.largestFrame).toBeLessThan(MAX_FRAME_BYTES);
    for (const s of many) expectIncreasing(c.points(s.id));
    expectValidFrames(c);
  });
});

describe('Prometheus bridge: failures become per-series errors', () => {
  it('names each failure on its own series, and clears it when the query recovers', async () => {
    let badIsBad = true;
    const handler: FakeHandler = (request) => {
      const time = Number(request.params.get('time'));
      if (request.path === '/api/v1/query_range') return steadyHandler(request);
      switch (request.query) {
        case 'bad(':
          return badIsBad
            ? answer.error(
                400,
                'bad_data',
                'invalid parameter "query": 1:5: parse error: unclosed left parenthesis',
              )
            : answer.vector(1, time);
        case 'boom':
          return { status: 502, text: '<html>Bad Gateway</html>' };
        case 'slow':
          return 'hang';
        case 'many':
          return answer.vectors([{ instance: 'a:9100' }, { instance: 'b:9100' }], time);
        case 'none':
          return answer.empty();
        case 'nan':
          return answer.vector('NaN', time);
        case 'scalar':
          return answer.scalar(42, time);
        case 'execution':
          return answer.error(422, 'execution', 'query processing would load too many samples');
        default:
          return answer.vector(7, time);
      }
    };
    const prometheus = await fake({ handler });
    const b = await bridge(
      {
        timeoutMs: 400,
        series: ['bad(', 'boom', 'slow', 'many', 'none', 'nan', 'scalar', 'execution', 'fine'].map(
          (q) => series(`s.${q.replace(/\W/g, '')}`, q),
        ),
      },
      { url: prometheus.url },
    );
    const c = await watch(b.url);
    await c.hello();
    const errorOf = (id: string) =>
      c
        .waitFor(
          `an error on ${id}`,
          (f) =>
            f.method === 'series.error' &&
            f.params?.series === id &&
            f.params.message !== undefined,
          5_000,
        )
        .then((f) => f.params?.message);
    expect(await errorOf('s.bad')).toBe(
      'Prometheus rejected the query: invalid parameter "query": 1:5: parse error: unclosed left parenthesis',
    );
    expect(await errorOf('s.boom')).toMatch(
      /answered HTTP 502 Bad Gateway: <html>Bad Gateway<\/html>/,
    );
    expect(await errorOf('s.slow')).toBe(
      `no answer from Prometheus at ${prometheus.url} within 400 ms`,
    );
    expect(await errorOf('s.many')).toMatch(
      /returned 2 series \(\{instance="a:9100"\}, \{instance="b:9100"\}\).*aggregate/,
    );
    expect(await errorOf('s.none')).toMatch(/no data/);
    expect(await errorOf('s.nan')).toMatch(/NaN, not a finite number/);
    expect(await errorOf('s.execution')).toMatch(
      /failed in Prometheus: query processing would load too many samples/,
    );
    // healthy series get values and a clear, never an error
    await waitFor(
      'scalar and fine values',
      () =>
        c.points('s.scalar').some(([, v]) => v === 42) &&
        c.points('s.fine').some(([, v]) => v === 7),
    );
    expect(c.errors('s.fine')).toEqual([undefined]);
    expect(c.errors('s.scalar')).toEqual([undefined]);
    // an error is sent once while it lasts, not every tick
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(c.errors('s.bad')).toHaveLength(1);
    // a console that connects now learns the current errors straight after the catalog
    const late = await watch(b.url);
    await late.hello();
    await late.waitFor(
      'the current error',
      (f) => f.method === 'series.error' && f.params?.series === 's.bad',
    );
    expect(late.frames[2]).toMatchObject({ method: 'series.error' });
    // the query is fixed in Prometheus' eyes: the error clears
    badIsBad = false;
    await waitFor(
      'the error to clear',
      () => c.errors('s.bad').at(-1) === undefined && c.errors('s.bad').length === 2,
    );
    await waitFor('values for the fixed series', () => c.points('s.bad').length > 0);
    expectValidFrames(c, late);
  });

  it('says Prometheus is unreachable when nothing listens, on every series', async () => {
    const port = await freePort();
    const b = await bridge(
      { series: [series('a', 'qa'), series('b', 'qb')] },
      { url: `http://127.0.0.1:${port}` },
    );
    const c = await watch(b.url);
    await c.hello();
    for (const id of ['a', 'b']) {
      const frame = await c.waitFor(
        `${id} unreachable`,
        (f) => f.method === 'series.error' && f.params?.series === id,
      );
      expect(frame.params?.message).toMatch(
        new RegExp(`^Prometheus unreachable at http://127.0.0.1:${port}: .*ECONNREFUSED`),
      );
    }
    expect(b.warnings.join('\n')).toMatch(/backfill of a failed/);
    expectValidFrames(c);
  });

  it('reports a path that is not the API (a missing prefix) and refused credentials', async () => {
    const prometheus = await fake({
      prefix: '/prometheus',
      handler: (request) =>
        request.headers.authorization === 'Bearer right'
          ? steadyHandler(request)
          : { status: 401, text: 'no' },
    });
    const withoutPrefix = prometheus.url.replace(/\/prometheus$/, '');
    const b1 = await bridge({ series: [series('a', 'qa')] }, { url: withoutPrefix });
    const c1 = await watch(b1.url);
    await c1.hello();
    const missing = await c1.waitFor('a 404', (f) => f.method === 'series.error');
    expect(missing.params?.message).toMatch(/HTTP 404 Not Found.*path prefix/);
    const b2 = await bridge(
      { series: [series('a', 'qa')] },
      { url: prometheus.url, headers: { authorization: 'Bearer wrong' } },
    );
    const c2 = await watch(b2.url);
    await c2.hello();
    const refused = await c2.waitFor('a 401', (f) => f.method === 'series.error');
    expect(refused.params?.message).toMatch(/refused the bridge \(HTTP 401 Unauthorized\)/);
    expect(refused.params?.message).not.toContain('wrong');
  });
});

describe('Prometheus bridge: reaching Prometheus, Thanos or Mimir', () => {
  it('sends basic auth, tenant headers and the path prefix from the command line', async () => {
    const prometheus = await fake({ prefix: '/prometheus' });
    const options = parseBridgeOptions(
      [
        '--prometheus',
        prometheus.url,
        '--prom-basic',
        'grafana:p@ss:word',
        '--header',
        'X-Scope-OrgID: tenant-1',
      ],
      {},
    );
    const b = await bridge(
      { series: [series('a', 'up')] },
      { url: options.prometheusUrl, headers: options.headers },
    );
    const c = await watch(b.url);
    await c.hello();
    await c.waitFor('samples', (f) => f.method === 'samples');
    const request = prometheus.requests.find((r) => r.path === '/api/v1/query');
    expect(request?.rawPath).toBe('/prometheus/api/v1/query');
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('grafana:p@ss:word').toString('base64')}`,
    );
    expect(request?.headers['x-scope-orgid']).toBe('tenant-1');
    expect(request?.params.get('timeout')).toBe('10s');
  });

  it('sends a bearer token from the environment', async () => {
    const prometheus = await fake();
    const options = parseBridgeOptions(['--prometheus', prometheus.url], {
      PROM_BEARER_TOKEN: 'tok-123',
    });
    const b = await bridge(
      { series: [series('a', 'up')] },
      { url: options.prometheusUrl, headers: options.headers },
    );
    const c = await watch(b.url);
    await c.hello();
    await c.waitFor('samples', (f) => f.method === 'samples');
    expect(prometheus.requests[0]?.headers.authorization).toBe('Bearer tok-123');
  });

  it('verifies TLS: an unknown CA is an error on the tile, the right CA file works', async () => {
    const prometheus = await fake({ tls: true });
    const untrusted = await bridge({ series: [series('a', 'up')] }, { url: prometheus.url });
    const c1 = await watch(untrusted.url);
    await c1.hello();
    const refused = await c1.waitFor('a TLS error', (f) => f.method === 'series.error');
    expect(refused.params?.message).toMatch(
      /^TLS: the certificate of Prometheus at https:\/\/127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT.*--prom-ca/,
    );
    expect(prometheus.requests).toHaveLength(0);
    const trusted = await bridge(
      { series: [series('a', 'up')] },
      { url: prometheus.url, ca: TEST_TLS_CERT },
    );
    const c2 = await watch(trusted.url);
    await c2.hello();
    await c2.waitFor('samples over https', (f) => f.method === 'samples');
    expect(c2.errors('a')).toEqual([undefined]);
  });
});
