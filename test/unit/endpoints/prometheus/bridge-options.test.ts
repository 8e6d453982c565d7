// The bridge's command line: required URL, auth toward Prometheus from flags
// or the environment, headers, TLS and the console token.
import { describe, expect, it } from 'vitest';
import {
  BridgeOptionsError,
  parseBridgeOptions,
} from '../../../../endpoints/prometheus/bridge-options';

const base = ['--prometheus', 'http://127.0.0.1:9090'];

describe('parseBridgeOptions', () => {
  it('has defaults: the node-exporter config, 127.0.0.1:7500, no auth', () => {
    expect(parseBridgeOptions(base, {})).toEqual({
      prometheusUrl: 'http://127.0.0.1:9090',
      configFile: undefined,
      port: 7500,
      host: '127.0.0.1',
      token: undefined,
      headers: {},
      caFile: undefined,
      warnings: [],
      help: false,
    });
  });

  it('requires --prometheus and refuses what it does not know', () => {
    expect(() => parseBridgeOptions([], {})).toThrow(/--prometheus URL is required/);
    expect(() => parseBridgeOptions(['--prometheus', 'ftp://x'], {})).toThrow(/expected http/);
    expect(() => parseBridgeOptions([...base, '--insecure'], {})).toThrow(BridgeOptionsError);
    expect(() => parseBridgeOptions([...base, '--port', '99999'], {})).toThrow(/--port 99999/);
  });

  it('builds the Authorization header from a flag or the environment, never both kinds', () => {
    expect(parseBridgeOptions([...base, '--prom-bearer', 'abc'], {}).headers).toEqual({
      authorization: 'Bearer abc',
    });
    expect(parseBridgeOptions(base, { PROM_BEARER_TOKEN: 'env' }).headers).toEqual({
      authorization: 'Bearer env',
    });
    expect(parseBridgeOptions(base, { PROM_BASIC_AUTH: 'u:p:w' }).headers).toEqual({
      authorization: `Basic ${Buffer.from('u:p:w').toString('base64')}`,
    });
    expect(() =>
      parseBridgeOptions([...base, '--prom-bearer', 'a', '--prom-basic', 'u:p'], {}),
    ).toThrow(/not both/);
    expect(() => parseBridgeOptions([...base, '--prom-basic', 'nocolon'], {})).toThrow(
      /user:password/,
    );
    expect(() =>
      parseBridgeOptions([...base, '--prom-bearer', 'a', '--header', 'Authorization: x'], {}),
    ).toThrow(/conflict/);
  });

  it('moves credentials out of the URL into basic auth', () => {
    const options = parseBridgeOptions(
      ['--prometheus', 'https://grafana:s%40cret@mimir.example.com/prometheus/'],
      {},
    );
    expect(options.prometheusUrl).toBe('https://mimir.example.com/prometheus');
    expect(options.headers.authorization).toBe(
      `Basic ${Buffer.from('grafana:s@cret').toString('base64')}`,
    );
  });

  it('takes repeatable headers (X-Scope-OrgID) but not ones the bridge sets', () => {
    const options = parseBridgeOptions(
      [...base, '--header', 'X-Scope-OrgID: tenant-1', '--header', 'X-Extra:  v '],
      {},
    );
    expect(options.headers).toEqual({ 'x-scope-orgid': 'tenant-1', 'x-extra': 'v' });
    expect(() => parseBridgeOptions([...base, '--header', 'no colon'], {})).toThrow(/Name: value/);
    expect(() => parseBridgeOptions([...base, '--header', 'Host: x'], {})).toThrow(
      /sets this header itself/,
    );
  });

  it('takes a CA file only for https, and warns about credentials sent in the clear', () => {
    expect(() => parseBridgeOptions([...base, '--prom-ca', 'ca.pem'], {})).toThrow(/https/);
    expect(
      parseBridgeOptions(['--prometheus', 'https://p:9090', '--prom-ca', 'ca.pem'], {}).caFile,
    ).toBe('ca.pem');
    const clear = parseBridgeOptions(
      ['--prometheus', 'http://prom.internal:9090', '--prom-bearer', 't'],
      {},
    );
    expect(clear.warnings.join()).toMatch(/unencrypted/);
    expect(clear.warnings.join()).not.toContain('t,');
  });

  it('takes the console token from --token or BRIDGE_TOKEN, and warns when listening openly without one', () => {
    expect(parseBridgeOptions([...base, '--token', 'x'], {}).token).toBe('x');
    expect(parseBridgeOptions(base, { BRIDGE_TOKEN: 'y' }).token).toBe('y');
    expect(parseBridgeOptions([...base, '--host', '0.0.0.0'], {}).warnings.join()).toMatch(
      /without --token/,
    );
    expect(parseBridgeOptions([...base, '--host', '0.0.0.0', '--token', 'x'], {}).warnings).toEqual(
      [],
    );
  });
});
