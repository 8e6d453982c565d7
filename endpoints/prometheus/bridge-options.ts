// The bridge's command line. Secrets may come from the environment instead
// of argv (which other users of the machine can read in the process list):
// PROM_BEARER_TOKEN, PROM_BASIC_AUTH (user:password) and BRIDGE_TOKEN.
import { parseArgs } from 'node:util';

export interface BridgeCliOptions {
  /** Prometheus' base URL, without any credentials that were written into it. */
  prometheusUrl: string;
  /** The config file; undefined: the ready node-exporter config. */
  configFile: string | undefined;
  port: number;
  host: string;
  /** The bearer token consoles must present. */
  token: string | undefined;
  /** Headers for every request to Prometheus: Authorization and --header ones. */
  headers: Record<string, string>;
  /** PEM file of the CA(s) to trust for https:// Prometheus instead of Node's list. */
  caFile: string | undefined;
  /** What to tell the operator before starting (credentials over plain http, ...). */
  warnings: string[];
  help: boolean;
}

export const DEFAULT_BRIDGE_PORT = 7500;

export const BRIDGE_USAGE = `usage: npm run bridge:prometheus -- --prometheus URL [options]

  --prometheus URL     Prometheus (or Thanos Querier, or Mimir with its /prometheus prefix)
  --config FILE        series config (JSON); default: the ready node-exporter config
  --port N             port consoles connect to (default ${DEFAULT_BRIDGE_PORT}; 0 picks a free one)
  --host ADDR          address to listen on (default 127.0.0.1)
  --token TOKEN        bearer token consoles must send (or env BRIDGE_TOKEN)
  --prom-bearer TOKEN  bearer token toward Prometheus (or env PROM_BEARER_TOKEN)
  --prom-basic U:P     basic auth toward Prometheus (or env PROM_BASIC_AUTH)
  --prom-ca FILE       PEM CA certificates to trust for an https:// Prometheus
  --header 'N: V'      extra request header, repeatable (e.g. 'X-Scope-OrgID: tenant-1')
  --help               this text`;

export class BridgeOptionsError extends Error {}

/** Headers the bridge sets itself, or that would break the request. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'connection',
  'transfer-encoding',
  'accept',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

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
        prometheus: { type: 'string' },
        config: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'prom-bearer': { type: 'string' },
        'prom-basic': { type: 'string' },
        'prom-ca': { type: 'string' },
        header: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new BridgeOptionsError((err as Error).message);
  }
  if (values.help) {
    return {
      prometheusUrl: '',
      configFile: undefined,
      port: DEFAULT_BRIDGE_PORT,
      host: '127.0.0.1',
      token: undefined,
      headers: {},
      caFile: undefined,
      warnings: [],
      help: true,
    };
  }
  if (!values.prometheus) {
    throw new BridgeOptionsError('--prometheus URL is required (e.g. http://127.0.0.1:9090)');
  }
  const url = parseUrl(values.prometheus);
  const headers: Record<string, string> = {};
  for (const line of values.header ?? []) {
    const [name, value] = parseHeader(line);
    headers[name] = value;
  }
  const bearer = values['prom-bearer'] ?? nonEmpty(env.PROM_BEARER_TOKEN);
  let basic = values['prom-basic'] ?? nonEmpty(env.PROM_BASIC_AUTH);
  if (url.username || url.password) {
    if (basic)
      throw new BridgeOptionsError('credentials both in the --prometheus URL and --prom-basic');
    basic = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    url.username = '';
    url.password = '';
  }
  if (bearer !== undefined && basic !== undefined) {
    throw new BridgeOptionsError(
      'give either a bearer token or basic auth for Prometheus, not both',
    );
  }
  if ((bearer !== undefined || basic !== undefined) && 'authorization' in headers) {
    throw new BridgeOptionsError(
      'an Authorization --header and --prom-bearer/--prom-basic conflict',
    );
  }
  if (bearer !== undefined) {
    if (!bearer || /[\r\n]/.test(bearer))
      throw new BridgeOptionsError('the Prometheus bearer token is empty or has a line break');
    headers.authorization = `Bearer ${bearer}`;
  }
  if (basic !== undefined) {
    if (!basic.includes(':')) {
      throw new BridgeOptionsError('basic auth for Prometheus must be user:password');
    }
    headers.authorization = `Basic ${Buffer.from(basic, 'utf8').toString('base64')}`;
  }
  const caFile = values['prom-ca'];
  if (caFile !== undefined && url.protocol !== 'https:') {
    throw new BridgeOptionsError('--prom-ca is for an https:// Prometheus URL');
  }
  const warnings: string[] = [];
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname) && 'authorization' in headers) {
    warnings.push(
      `credentials go to ${url.host} unencrypted (http://); use https:// beyond this machine`,
    );
  }
  const host = values.host ?? '127.0.0.1';
  const token = values.token ?? nonEmpty(env.BRIDGE_TOKEN);
  if (!LOOPBACK.has(host) && host !== '::1' && token === undefined) {
    warnings.push(
      `listening on ${host} without --token: anyone who can reach it can watch these metrics`,
    );
  }
  return {
    prometheusUrl: url.toString().replace(/\/+$/, ''),
    configFile: values.config,
    port: parsePort(values.port),
    host,
    token,
    headers,
    caFile,
    warnings,
    help: false,
  };
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BridgeOptionsError(`--prometheus ${text}: not a URL (expected http://host:9090)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BridgeOptionsError(`--prometheus ${url.protocol}: expected http:// or https://`);
  }
  if (url.search || url.hash) {
    throw new BridgeOptionsError('--prometheus takes a base URL without ?query or #fragment');
  }
  return url;
}

function parseHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1).trim();
  if (colon < 1 || !TOKEN.test(name)) {
    throw new BridgeOptionsError(`--header ${JSON.stringify(line)}: expected 'Name: value'`);
  }
  if (/[\r\n\0]/.test(value)) {
    throw new BridgeOptionsError(`--header ${name}: the value has a line break`);
  }
  if (RESERVED_HEADERS.has(name)) {
    throw new BridgeOptionsError(`--header ${name}: the bridge sets this header itself`);
  }
  return [name, value];
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
