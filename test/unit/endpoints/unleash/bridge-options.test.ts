import { describe, expect, it } from 'vitest';
import { parseBridgeConfig } from '../../../../endpoints/unleash/bridge-config';
import { parseBridgeOptions } from '../../../../endpoints/unleash/bridge-options';

describe('the Unleash bridge’s command line', () => {
  it('takes the URL, the admin token and the port', () => {
    const options = parseBridgeOptions(
      ['--unleash', 'http://127.0.0.1:4242/', '--token', '*:*.abc', '--port', '0'],
      {},
    );
    expect(options).toMatchObject({
      unleashUrl: 'http://127.0.0.1:4242',
      unleashToken: '*:*.abc',
      port: 0,
      warnings: [],
    });
  });

  it('reads the token from UNLEASH_TOKEN, and says what is missing', () => {
    expect(
      parseBridgeOptions(['--unleash', 'http://u:4242'], { UNLEASH_TOKEN: 't' }).unleashToken,
    ).toBe('t');
    expect(() => parseBridgeOptions(['--unleash', 'http://u:4242'], {})).toThrow(
      /--token is required/,
    );
    expect(() => parseBridgeOptions(['--token', 't'], {})).toThrow(/--unleash URL is required/);
    expect(() => parseBridgeOptions(['--unleash', 'ftp://x', '--token', 't'], {})).toThrow(
      /expected http/,
    );
  });

  it('warns when the token would cross the network unencrypted', () => {
    const { warnings } = parseBridgeOptions(
      ['--unleash', 'http://flags.example.com', '--token', 't'],
      {},
    );
    expect(warnings).toEqual([expect.stringMatching(/unencrypted/)]);
  });
});

describe('the Unleash bridge’s config', () => {
  it('needs no file: every project, percentage rings ending with everyone', () => {
    const config = parseBridgeConfig({}, 'defaults');
    expect(config.rings.mode).toBe('percentage');
    expect(config.rings.list.map((r) => r.share)).toEqual([0.05, 0.25, 0.5, 1]);
    expect(config.projects).toBeUndefined();
  });

  it('names the field of each mistake', () => {
    expect(() =>
      parseBridgeConfig(
        {
          rings: {
            list: [
              { id: 'a', name: 'A', share: 0.5 },
              { id: 'b', name: 'B', share: 0.4 },
            ],
          },
        },
        'f.json',
      ),
    ).toThrow(
      /f\.json: invalid config:\n {2}rings\.list\.1\.share: shares must grow[\s\S]*the last ring is everyone/,
    );
    expect(() => parseBridgeConfig({ rings: { mode: 'segments' } }, 'f.json')).toThrow(
      /rings\.mode/,
    );
  });
});
