// The real console core against an endpoint written only from docs/protocol.md
// and the JSON Schema (test/support/schema-only-endpoint.ts): if the document
// and the schema are enough to build an endpoint, the console shows its
// metrics and its deployment and rejects none of its frames.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/api/console-state';
import { ConsoleCore } from '../../main/core/console-core';
import type { EndpointSpec } from '../../main/core/links/endpoint-registry';
import {
  SCHEMA_ONLY_SERIES,
  startSchemaOnlyEndpoint,
  type SchemaOnlyEndpoint,
} from '../support/schema-only-endpoint';
import { waitFor } from '../support/wait-for';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function endpoint(options?: { token?: string }): Promise<SchemaOnlyEndpoint> {
  const started = await startSchemaOnlyEndpoint({ sampleMs: 200, ...options });
  cleanup.push(() => started.close());
  return started;
}

function watch(spec: EndpointSpec): ConsoleCore {
  const core = new ConsoleCore({ endpoints: [spec], clientVersion: 'test', flushMs: 50 });
  core.start();
  cleanup.push(() => core.stop());
  return core;
}

const pointsOf = (state: ConsoleState, key: string) => state.points[key]?.t.length ?? 0;

describe('an endpoint built from the protocol document and the JSON Schema alone', () => {
  it('imports nothing but Node builtins, ws and ajv', () => {
    const source = readFileSync(
      new URL('../support/schema-only-endpoint.ts', import.meta.url),
      'utf8',
    );
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    );
    expect(specifiers.length).toBeGreaterThan(0);
    const allowed = (s: string) =>
      builtinModules.includes(s.replace(/^node:/, '')) ||
      s === 'ws' ||
      s === 'ajv' ||
      s.startsWith('ajv/');
    expect(specifiers.filter((s) => !allowed(s))).toEqual([]);
  });

  it('feeds the real console core: catalog, growing points, deployment, no rejected frame', async () => {
    const server = await endpoint();
    const core = watch({ url: server.url, source: 'cli' });

    const state = await waitFor('both series in the catalog', async () => {
      const s = await core.getState();
      return s.series.length === SCHEMA_ONLY_SERIES.length && s;
    });
    for (const expected of SCHEMA_ONLY_SERIES) {
      expect(state.series.find((s) => s.id === expected.id)).toMatchObject({
        title: expected.title,
        level: expected.level,
        unit: expected.unit,
        kind: expected.kind,
        thresholds: expected.thresholds,
      });
    }
    expect(new Set(state.series.map((s) => s.level))).toEqual(new Set(['business', 'technical']));

    // points arrive (backfill, then one every 200 ms) and keep growing
    const keys = state.series.map((s) => s.key);
    const first = await waitFor('points for both series', async () => {
      const s = await core.getState();
      return keys.every((key) => pointsOf(s, key) >= 5) && s;
    });
    const later = await waitFor(
      'more points',
      async () => {
        const s = await core.getState();
        return keys.every((key) => pointsOf(s, key) >= pointsOf(first, key) + 3) && s;
      },
      5_000,
    );
    for (const key of keys) {
      const t = later.points[key]?.t ?? [];
      expect(t.every((time, i) => i === 0 || time > (t[i - 1] as number))).toBe(true);
      expect(Math.abs((t.at(-1) as number) - Date.now())).toBeLessThan(5_000);
    }

    const deployments = await waitFor('the deployment', async () => {
      const s = await core.getState();
      return s.deployments.length > 0 && s.deployments;
    });
    expect(deployments[0]?.services).toEqual([
      expect.objectContaining({
        id: 'shop',
        name: 'Shop',
        environments: [
          expect.objectContaining({ id: 'production', version: '1.4.2', status: 'healthy' }),
        ],
      }),
    ]);

    const link = (await core.getState()).endpoints[0];
    expect(link).toMatchObject({
      name: 'Schema-only endpoint',
      state: 'open',
      framesRejected: 0,
      samplesDropped: 0,
      seriesCount: 2,
    });
    expect(link?.lastError).toBeUndefined();
    // the endpoint sent only schema-valid frames, and so did the console
    expect(server.invalidSent).toEqual([]);
    expect(server.invalidReceived).toEqual([]);
    expect(server.received.get('hello')).toBe(1);
    expect(server.sent.get('samples')).toBeGreaterThanOrEqual(4);
  });

  it('refuses a console without the bearer token with 401, which the console shows as failed', async () => {
    const server = await endpoint({ token: 'schema-only-secret' });
    const refused = watch({ url: server.url, source: 'cli' });
    const link = refused.links.values().next().value;
    const status = await waitFor(
      'the refusal',
      () => link?.status.state === 'failed' && link.status,
    );
    expect(status.lastError).toMatch(/401/);
    // not retried in a tight loop
    expect((status.nextRetryAt ?? 0) - Date.now()).toBeGreaterThan(60_000);

    const admitted = watch({ url: server.url, source: 'cli', token: 'schema-only-secret' });
    const ok = admitted.links.values().next().value;
    await waitFor('the link with the token to open', () => ok?.status.state === 'open');
    expect(server.received.get('hello')).toBe(1);
  });
});
