import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  CONSOLE_OPTIONS,
  DEFAULT_WEB_PORT,
  OptionsError,
  checkEndpointUrl,
  consoleHelpText,
  parseConsoleOptions,
  wantsHelp,
  type ConsoleHost,
} from './console-options';

describe('parseConsoleOptions', () => {
  it('defaults to the demo, no endpoints, the default port and loopback host', () => {
    expect(parseConsoleOptions([])).toEqual({
      endpoints: [],
      demo: true,
      seed: undefined,
      port: DEFAULT_WEB_PORT,
      host: '127.0.0.1',
      profile: 'operator',
      userData: undefined,
      kiosk: false,
      scenario: undefined,
    });
  });

  it('accepts --endpoint repeatedly, in both --x v and --x=v forms', () => {
    const options = parseConsoleOptions([
      '--endpoint',
      'ws://a.example:7301',
      '--endpoint=wss://b.example/feed',
    ]);
    expect(options.endpoints).toEqual(['ws://a.example:7301/', 'wss://b.example/feed']);
  });

  it('removes duplicate endpoints, also when spelled slightly differently', () => {
    const options = parseConsoleOptions([
      '--endpoint',
      'ws://a.example:7301',
      '--endpoint',
      'ws://a.example:7301/',
      '--endpoint',
      'WS://A.EXAMPLE:7301',
    ]);
    expect(options.endpoints).toEqual(['ws://a.example:7301/']);
  });

  it('disables the demo when endpoints are given', () => {
    expect(parseConsoleOptions(['--endpoint', 'ws://a:1']).demo).toBe(false);
  });

  it('--no-demo disables the demo', () => {
    expect(parseConsoleOptions(['--no-demo']).demo).toBe(false);
  });

  it('--demo alone keeps the demo', () => {
    expect(parseConsoleOptions(['--demo']).demo).toBe(true);
  });

  it.each(['http://a:1', 'https://a', 'file:///tmp/x', 'ftp://a'])(
    'rejects the non-WebSocket endpoint %s with an OptionsError',
    (url) => {
      expect(() => parseConsoleOptions(['--endpoint', url])).toThrow(OptionsError);
      expect(() => parseConsoleOptions(['--endpoint', url])).toThrow(
        /starts with ws:\/\/ or wss:\/\//,
      );
    },
  );

  it('rejects an endpoint that is not a URL', () => {
    expect(() => parseConsoleOptions(['--endpoint', 'localhost'])).toThrow(OptionsError);
    expect(() => parseConsoleOptions(['--endpoint', 'localhost'])).toThrow(/not a valid URL/);
  });

  it('refuses credentials in an endpoint URL, pointing to the token field', () => {
    expect(() => parseConsoleOptions(['--endpoint', 'ws://alice:SECRET@a.example:7400'])).toThrow(
      /--endpoint ws:\/\/alice:\*\*\*@a\.example:7400\/: Remove the user name and password/,
    );
  });

  it.each([
    ['0', 0],
    ['80', 80],
    ['65535', 65535],
  ])('accepts --port %s', (raw, port) => {
    expect(parseConsoleOptions(['--port', raw]).port).toBe(port);
  });

  it.each(['65536', '-1', '1.5', 'abc', '', '0x50', '1e3', ' 80'])(
    'rejects --port=%s with an OptionsError',
    (raw) => {
      expect(() => parseConsoleOptions([`--port=${raw}`])).toThrow(OptionsError);
      expect(() => parseConsoleOptions([`--port=${raw}`])).toThrow(/--port/);
    },
  );

  it('rejects --port without a value', () => {
    expect(() => parseConsoleOptions(['--port'])).toThrow(OptionsError);
  });

  it.each([
    ['0', 0],
    ['42', 42],
    ['4294967295', 4294967295],
  ])('accepts --seed %s', (raw, seed) => {
    expect(parseConsoleOptions(['--seed', raw]).seed).toBe(seed);
  });

  it.each(['4294967296', '-5', '3.14', 'seed', ''])('rejects --seed=%s', (raw) => {
    expect(() => parseConsoleOptions([`--seed=${raw}`])).toThrow(OptionsError);
    expect(() => parseConsoleOptions([`--seed=${raw}`])).toThrow(/--seed/);
  });

  it('takes --host', () => {
    expect(parseConsoleOptions(['--host', '0.0.0.0']).host).toBe('0.0.0.0');
  });

  it('throws OptionsError for an unknown option in strict mode', () => {
    expect(() => parseConsoleOptions(['--bogus'])).toThrow(OptionsError);
    expect(() => parseConsoleOptions(['--remote-debugging-port=9222'])).toThrow(OptionsError);
  });

  it('ignores unknown options when tolerant, still reading its own', () => {
    const options = parseConsoleOptions(
      [
        '--remote-debugging-port=9222',
        '--no-sandbox',
        '--bogus',
        '--endpoint',
        'ws://a:1',
        '--port',
        '9000',
        '--seed',
        '7',
        '--profile',
        'display',
        '--user-data',
        '/tmp/wf',
      ],
      true,
    );
    expect(options).toEqual({
      endpoints: ['ws://a:1/'],
      demo: false,
      seed: 7,
      port: 9000,
      host: '127.0.0.1',
      profile: 'display',
      userData: '/tmp/wf',
      kiosk: false,
      scenario: undefined,
    });
  });

  it('still validates its own options when tolerant', () => {
    expect(() => parseConsoleOptions(['--endpoint', 'http://a:1'], true)).toThrow(OptionsError);
    expect(() => parseConsoleOptions(['--port', 'abc'], true)).toThrow(OptionsError);
    expect(() => parseConsoleOptions(['--profile', 'admin'], true)).toThrow(OptionsError);
  });

  it.each(['operator', 'display'] as const)('accepts --profile %s', (profile) => {
    expect(parseConsoleOptions(['--profile', profile]).profile).toBe(profile);
    expect(parseConsoleOptions([`--profile=${profile}`]).profile).toBe(profile);
  });

  it.each(['admin', 'Display', 'read-only', ''])(
    'rejects --profile=%s with an OptionsError naming the choices',
    (raw) => {
      expect(() => parseConsoleOptions([`--profile=${raw}`])).toThrow(OptionsError);
      expect(() => parseConsoleOptions([`--profile=${raw}`])).toThrow(
        /--profile.*expected operator or display/,
      );
    },
  );

  it('rejects --profile without a value', () => {
    expect(() => parseConsoleOptions(['--profile'])).toThrow(OptionsError);
  });

  it('takes --user-data DIR, in both forms', () => {
    expect(parseConsoleOptions(['--user-data', '/srv/watchfloor']).userData).toBe(
      '/srv/watchfloor',
    );
    expect(parseConsoleOptions(['--user-data=./data']).userData).toBe('./data');
  });

  it('rejects --user-data without a value', () => {
    expect(() => parseConsoleOptions(['--user-data'])).toThrow(OptionsError);
  });

  it('OptionsError is an Error', () => {
    try {
      parseConsoleOptions(['--bogus']);
      expect.unreachable('should have thrown');
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(OptionsError);
      expect((err as Error).message).toMatch(/bogus/);
    }
  });
});

describe('checkEndpointUrl', () => {
  it('normalises and returns ws and wss URLs', () => {
    expect(checkEndpointUrl('ws://h:1')).toBe('ws://h:1/');
    expect(checkEndpointUrl('wss://h/path')).toBe('wss://h/path');
  });
});

describe('the options table', () => {
  const hostsOf = (host: ConsoleHost) => CONSOLE_OPTIONS.filter((o) => o.hosts.includes(host));

  it.each(['desktop', 'browser'] as const)('--help for %s lists each of its options', (host) => {
    const text = consoleHelpText(host);
    for (const option of hostsOf(host)) {
      expect(text).toContain(`--${option.name}`);
      expect(text).toContain(option.help);
    }
  });

  it('leaves browser-only options out of the desktop help', () => {
    expect(consoleHelpText('desktop')).not.toMatch(/--port|--host/);
    expect(consoleHelpText('browser')).toMatch(/--port N .*default 7300/);
  });

  it('says where the files live, and that browser mode keeps tokens for the session only', () => {
    expect(consoleHelpText('browser')).toMatch(/audit\.jsonl[\s\S]*session only/);
    expect(consoleHelpText('desktop')).toMatch(/secrets\/[\s\S]*safeStorage/);
  });

  it('accepts every option of the table in strict mode', () => {
    const argv = CONSOLE_OPTIONS.flatMap((o) =>
      o.type === 'boolean' ? [`--${o.name}`] : [`--${o.name}`, sampleValue(o.name)],
    );
    expect(() => parseConsoleOptions(argv)).not.toThrow();
  });

  it.each([['--help'], ['-h'], ['--port', 'nonsense', '--help']])(
    'wantsHelp(%s) is true, before any value is checked',
    (...argv) => {
      expect(wantsHelp(argv)).toBe(true);
    },
  );

  it('wantsHelp is false without --help', () => {
    expect(wantsHelp(['--port', '80', '--endpoint', 'ws://a:1'])).toBe(false);
  });
});

function sampleValue(name: string): string {
  const samples: Record<string, string> = {
    endpoint: 'ws://a:1',
    seed: '3',
    port: '7301',
    profile: 'display',
    scenario: 'load-spike',
  };
  return samples[name] ?? 'x';
}

describe('--help from the programs operators run', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 });

  it('npm start -- --help prints the desktop options and starts nothing', () => {
    const result = run(['scripts/start.mjs', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(consoleHelpText('desktop'));
  });

  it('npm run web -- --help prints the browser-mode options and serves nothing', () => {
    const result = run(['--import', 'tsx', 'main/web/web-cli.ts', '--help', '--port', 'bad']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(consoleHelpText('browser'));
  });
});
