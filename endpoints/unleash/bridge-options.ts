// The bridge's command line. The Unleash token may come from the environment
// (UNLEASH_TOKEN) instead of argv, which other users can read in the process
// list; so may the consoles' token (BRIDGE_TOKEN).
import { parseArgs } from 'node:util';

export interface BridgeCliOptions {
  unleashUrl: string;
  unleashToken: string;
  configFile: string | undefined;
  port: number;
  host: string;
  /** The bearer token consoles must present. */
  consoleToken: string | undefined;
  warnings: string[];
  help: boolean;
}

export const DEFAULT_BRIDGE_PORT = 7700;

export const BRIDGE_USAGE = `usage: npm run bridge:unleash -- --unleash URL --token ADMIN_TOKEN [options]

  --unleash URL          the Unleash server (e.g. http://127.0.0.1:4242, with its base path if any)
  --token TOKEN          an Unleash admin API token (or env UNLEASH_TOKEN); see docs/unleash.md
  --config FILE          mapping config (JSON); default: every project, rings by rollout percentage
  --port N               port consoles connect to (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free one)
  --host ADDR            address to listen on (default 127.0.0.1)
  --console-token TOKEN  bearer token consoles must send (or env BRIDGE_TOKEN)
  --help                 this text`;

export class BridgeOptionsError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

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
        unleash: { type: 'string' },
        token: { type: 'string' },
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'console-token': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new BridgeOptionsError((err as Error).message);
  }
  const base = {
    configFile: values.config,
    host: values.host ?? '127.0.0.1',
    warnings: [] as string[],
  };
  if (values.help) {
    return {
      ...base,
      unleashUrl: '',
      unleashToken: '',
      port: DEFAULT_BRIDGE_PORT,
      consoleToken: undefined,
      help: true,
    };
  }
  if (!values.unleash)
    throw new BridgeOptionsError('--unleash URL is required (e.g. http://127.0.0.1:4242)');
  const url = parseUrl(values.unleash);
  const token = values.token ?? nonEmpty(env.UNLEASH_TOKEN);
  if (!token)
    throw new BridgeOptionsError(
      '--token is required: an Unleash admin API token (or set UNLEASH_TOKEN)',
    );
  if (/[\r\n]/.test(token)) throw new BridgeOptionsError('the Unleash token has a line break');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    base.warnings.push(
      `the admin token goes to ${url.host} unencrypted (http://); use https:// beyond this machine`,
    );
  }
  const consoleToken = values['console-token'] ?? nonEmpty(env.BRIDGE_TOKEN);
  if (!LOOPBACK.has(base.host) && consoleToken === undefined) {
    base.warnings.push(
      `listening on ${base.host} without --console-token: anyone who can reach it can flip features`,
    );
  }
  return {
    ...base,
    unleashUrl: url.toString().replace(/\/+$/, ''),
    unleashToken: token,
    port: parsePort(values.port),
    consoleToken,
    help: false,
  };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BridgeOptionsError(`--unleash ${text}: not a URL (expected http://host:4242)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BridgeOptionsError(`--unleash ${url.protocol}: expected http:// or https://`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new BridgeOptionsError(
      '--unleash takes a base URL without credentials, ?query or #fragment',
    );
  }
  return url;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_BRIDGE_PORT;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new BridgeOptionsError(`--port ${raw}: expected a whole number from 0 to 65535`);
  }
  return Number(raw);
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : value;
