import { describe, expect, it } from 'vitest';
import {
  BridgeOptionsError,
  parseBridgeOptions,
} from '../../../../endpoints/buildbot/bridge-options';
import { ConfigError, parseBridgeConfig } from '../../../../endpoints/buildbot/bridge-config';

describe('the Buildbot bridge command line', () => {
  it('takes the URL (trimmed to its base), the port and the config', () => {
    const options = parseBridgeOptions(
      ['--buildbot', 'http://ci.local:8010/#/builders', '--port', '0', '--config', 'c.json'],
      {},
    );
    expect(options).toMatchObject({
      buildbotUrl: 'http://ci.local:8010',
      port: 0,
      configFile: 'c.json',
      host: '127.0.0.1',
    });
  });

  it('refuses a missing or wrong URL and a bad port, saying what is expected', () => {
    expect(() => parseBridgeOptions([], {})).toThrow(/--buildbot URL is required/);
    expect(() => parseBridgeOptions(['--buildbot', 'ci:8010'], {})).toThrow(BridgeOptionsError);
    expect(() => parseBridgeOptions(['--buildbot', 'ftp://ci'], {})).toThrow(/expected http/);
    expect(() => parseBridgeOptions(['--buildbot', 'http://ci', '--port', '70000'], {})).toThrow(
      /--port/,
    );
  });

  it('moves credentials out of the URL into basic auth, and warns about plain http beyond loopback', () => {
    const options = parseBridgeOptions(['--buildbot', 'http://bot:s3cret@ci.example:8010/'], {});
    expect(options.buildbotUrl).toBe('http://ci.example:8010');
    expect(options.headers.authorization).toBe(
      `Basic ${Buffer.from('bot:s3cret').toString('base64')}`,
    );
    expect(options.warnings.join()).toMatch(/unencrypted/);
    const fromEnv = parseBridgeOptions(['--buildbot', 'https://ci'], {
      BUILDBOT_BASIC_AUTH: 'a:b',
    });
    expect(fromEnv.headers.authorization).toBe(`Basic ${Buffer.from('a:b').toString('base64')}`);
    expect(fromEnv.warnings).toEqual([]);
  });
});

describe('the Buildbot bridge config', () => {
  it('maps builders to services and environments, ci by default', () => {
    const config = parseBridgeConfig(
      { builders: [{ builder: 'billing-tests', service: 'billing' }] },
      'f',
    );
    expect(config.builders).toEqual([
      { builder: 'billing-tests', service: 'billing', environment: 'ci' },
    ]);
    expect(config.pollMs).toBe(1_000);
  });

  it('names the file and the field of a mistake', () => {
    const twice = {
      builders: [
        { builder: 'a', service: 's' },
        { builder: 'b', service: 's' },
      ],
    };
    expect(() => parseBridgeConfig(twice, 'bridge.json')).toThrow(
      /bridge.json: invalid config:\n {2}builders.1: s\/ci is already fed/,
    );
    expect(() => parseBridgeConfig({ builders: [{ builder: 'a' }] }, 'f')).toThrow(ConfigError);
    expect(() => parseBridgeConfig({ failingTestPattern: '(' }, 'f')).toThrow(/failingTestPattern/);
    expect(() => parseBridgeConfig({ pollMs: 10 }, 'f')).toThrow(/pollMs/);
  });
});
