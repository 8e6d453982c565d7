// A real Unleash (unleash-server from node_modules, in a child process) on a
// real PostgreSQL 15 (Debian's), both on free loopback ports with a throwaway
// data directory: what the Unleash bridge's integration and end-to-end tests
// run against. PostgreSQL refuses to run as root, so as root it runs as the
// `postgres` user. Anything missing fails the test with the way to install it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { makeTempDir } from './temp-dir';
import { freePort } from './prometheus-services';

export const UNLEASH_SETUP_HELP =
  "run `sudo bash scripts/test-setup.sh` (it installs Debian's postgresql-15; `npm ci` installs unleash-server)";

/** Where PostgreSQL's programs are: PG_BIN_DIR, else Debian's place for version 15. */
function postgresBin(name: string): string {
  const dir = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
  const file = join(dir, name);
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    throw new Error(`PostgreSQL's ${name} is not at ${file}: ${UNLEASH_SETUP_HELP}`);
  }
}

function unleashServerScript(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('unleash-server');
    const server = join(dirname(entry), '..', 'server.js');
    if (existsSync(server)) return server;
    throw new Error(`${server} is missing`);
  } catch (err) {
    throw new Error(
      `unleash-server is not installed (${(err as Error).message}): ${UNLEASH_SETUP_HELP}`,
      { cause: err },
    );
  }
}

/** As root: the postgres user's ids, for initdb and postgres (they refuse to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `running as root and there is no postgres user to run PostgreSQL as: ${UNLEASH_SETUP_HELP}`,
    );
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

class Service {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    private readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    private readonly extra: { env?: NodeJS.ProcessEnv; uid?: number; gid?: number } = {},
  ) {}

  start(): void {
    const child = spawn(this.command, this.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: this.extra.env ?? process.env,
      ...(this.extra.uid === undefined ? {} : { uid: this.extra.uid, gid: this.extra.gid }),
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 300) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => running.delete(child));
    running.add(child);
    this.child = child;
  }

  get alive(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  describe(): string {
    return `${this.name} said:\n${this.output.join('').slice(-3000)}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await gone;
    clearTimeout(timer);
  }
}

export interface UnleashStack {
  /** Unleash's base URL: http://127.0.0.1:PORT */
  url: string;
  /** An admin API token created through INIT_ADMIN_API_TOKENS. */
  adminToken: string;
  /** Backend (SDK) tokens per environment, for posting client metrics. */
  backendTokens: { development: string; production: string };
  /** Calls Unleash's API with the admin token; throws on a status other than 2xx. */
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  stopUnleash(): Promise<void>;
  /** Starts Unleash again on the same port and database; resolves when it answers. */
  startUnleash(): Promise<void>;
  close(): Promise<void>;
}

export async function startUnleashStack(): Promise<UnleashStack> {
  const initdb = postgresBin('initdb');
  const postgresProgram = postgresBin('postgres');
  const server = unleashServerScript();
  const user = postgresUser();
  const dir = makeTempDir('wf-unleash-');
  if (user) chownSync(dir, user.uid, user.gid);
  const pgPort = await freePort();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const secret = () => randomBytes(16).toString('hex');
  const adminToken = `*:*.${secret()}`;
  const backendTokens = {
    development: `*:development.${secret()}`,
    production: `*:production.${secret()}`,
  };
  const postgres = new Service(
    'postgres',
    postgresProgram,
    [
      '-D',
      join(dir, 'data'),
      '-h',
      '127.0.0.1',
      '-p',
      String(pgPort),
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
    ],
    user,
  );
  const unleash = new Service('unleash-server', process.execPath, [server], {
    env: {
      ...process.env,
      TZ: 'UTC',
      NODE_ENV: 'production',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(pgPort),
      DATABASE_USERNAME: 'unleash',
      DATABASE_PASSWORD: 'unused',
      DATABASE_NAME: 'postgres',
      DATABASE_SSL: 'false',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      UNLEASH_URL: url,
      INIT_ADMIN_API_TOKENS: adminToken,
      INIT_BACKEND_API_TOKENS: `${backendTokens.development},${backendTokens.production}`,
      CHECK_VERSION: 'false',
      SEND_TELEMETRY: 'false',
      LOG_LEVEL: 'error',
    },
  });
  const api = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: adminToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Unleash ${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  };
  const startUnleash = async () => {
    unleash.start();
    await until(
      'Unleash to answer with the admin token',
      async () => {
        if (!unleash.alive) throw new Error(`unleash-server exited. ${unleash.describe()}`);
        return (await api('GET', '/api/admin/projects').catch(() => undefined)) !== undefined;
      },
      90_000,
      () => unleash.describe(),
    );
  };
  const close = async () => {
    await unleash.stop();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync(
      initdb,
      ['-D', join(dir, 'data'), '-U', 'unleash', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
      {
        stdio: 'pipe',
        ...(user ?? {}),
      },
    );
    postgres.start();
    await until(
      'PostgreSQL to accept connections',
      async () => {
        if (!postgres.alive) throw new Error(`postgres exited. ${postgres.describe()}`);
        return postgres.output.join('').includes('ready to accept connections');
      },
      30_000,
      () => postgres.describe(),
    );
    await startUnleash();
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url,
    adminToken,
    backendTokens,
    api,
    stopUnleash: () => unleash.stop(),
    startUnleash,
    close,
  };
}

async function until(
  what: string,
  probe: () => Promise<boolean | undefined>,
  timeoutMs: number,
  context: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
