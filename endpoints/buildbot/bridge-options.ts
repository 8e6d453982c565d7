// The bridge's command line. Secrets may come from the environment instead of
// argv (which other users of the machine can read in the process list):
// BUILDBOT_BASIC_AUTH (user:password) and BRIDGE_TOKEN.
import { parseArgs } from 'node:util';

export interface BridgeCliOptions {
  /** Buildbot's base URL (what its web UI is served at), without credentials. */
  buildbotUrl: string;
  configFile: string | undefined;
  port: number;
  host: string;
  /** The bearer token consoles must present. */
  token: string | undefined;
  /** Authorization toward Buildbot (basic auth), if any. */
  headers: Record<string, string>;
  warnings: string[];
  help: boolean;
}

export const DEFAULT_BRIDGE_PORT = 7600;

export const BRIDGE_USAGE = `usage: npm run bridge:buildbot -- --buildbot URL [options]

  --buildbot URL       Buildbot's web address (http://host:8010/), the one its UI is at
  --config FILE        builder → service/environment mapping (JSON); default: every builder
  --port N             port consoles connect to (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free one)
  --host ADDR          address to listen on (default 127.0.0.1)
  --token TOKEN        bearer token consoles must send (or env BRIDGE_TOKEN)
  --buildbot-basic U:P basic auth toward Buildbot (or env BUILDBOT_BASIC_AUTH)
  --help               this text`;

export class BridgeOptionsError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

export function parseBridgeOptions(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): BridgeCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        buildbot: { type: 'string' },
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'buildbot-basic': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new BridgeOptionsError((err as Error).message);
  }
  const host = values.host ?? '127.0.0.1';
  const base = { configFile: values.config, host, headers: {}, warnings: [] };
  if (values.help) {
    return { ...base, buildbotUrl: '', port: DEFAULT_BRIDGE_PORT, token: undefined, help: true };
  }
  if (!values.buildbot) {
    throw new BridgeOptionsError('--buildbot URL is required (e.g. http://127.0.0.1:8010/)');
  }
  const url = parseUrl(values.buildbot);
  let basic = values['buildbot-basic'] ?? nonEmpty(env.BUILDBOT_BASIC_AUTH);
  if (url.username || url.password) {
    if (basic)
      throw new BridgeOptionsError('credentials both in the --buildbot URL and --buildbot-basic');
    basic = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    url.username = '';
    url.password = '';
  }
  const headers: Record<string, string> = {};
  const warnings: string[] = [];
  if (basic !== undefined) {
    if (!basic.includes(':') || /[\r\n]/.test(basic)) {
      throw new BridgeOptionsError('basic auth for Buildbot must be user:password on one line');
    }
    headers.authorization = `Basic ${Buffer.from(basic, 'utf8').toString('base64')}`;
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      warnings.push(
        `credentials go to ${url.host} unencrypted (http://); use https:// beyond this machine`,
      );
    }
  }
  const token = values.token ?? nonEmpty(env.BRIDGE_TOKEN);
  if (!LOOPBACK.has(host) && token === undefined) {
    warnings.push(`listening on ${host} without --token: anyone who can reach it can retry builds`);
  }
  return {
    ...base,
    buildbotUrl: url.toString().replace(/\/+$/, ''),
    port: parsePort(values.port),
    token,
    headers,
    warnings,
    help: false,
  };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BridgeOptionsError(`--buildbot ${text}: not a URL (expected http://host:8010/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BridgeOptionsError(`--buildbot ${url.protocol}: expected http:// or https://`);
  }
  if (url.search) {
    throw new BridgeOptionsError('--buildbot takes a base URL without ?query');
  }
  // The address of a page of Buildbot's UI often gets pasted (#/builders/2): keep its base.
  url.hash = '';
  url.pathname = url.pathname.replace(/\/api\/v2(\/.*)?$/, '/');
  return url;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_BRIDGE_PORT;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new BridgeOptionsError(`--port ${raw}: expected a whole number from 0 to 65535`);
  }
  return Number(raw);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
