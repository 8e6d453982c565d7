// A real Prometheus scraping a real node-exporter every second, both on free
// loopback ports with a temporary data folder: what the bridge's integration
// and end-to-end tests run against. Missing binaries fail the test with the
// way to install them; nothing is skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { makeTempDir } from './temp-dir';

export const TEST_SETUP_HELP =
  "run `sudo bash scripts/test-setup.sh` (it installs Debian's prometheus and prometheus-node-exporter)";

/** Finds an executable (the env variable `override` names, else on PATH); throws with the remedy. */
export function findBinary(name: string, override?: string): string {
  const chosen = override ? process.env[override] : undefined;
  const candidates = chosen
    ? [chosen]
    : [
        ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)),
        join('/usr/bin', name),
        join('/usr/sbin', name),
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  const where = chosen ? ` (${override}=${chosen} is not an executable)` : '';
  throw new Error(`${name} is not installed${where}: ${TEST_SETUP_HELP}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** One long-running program with its output kept for error messages. */
class Service {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    private readonly name: string,
    private readonly binary: string,
    private readonly args: string[],
  ) {}

  start(): void {
    const child = spawn(this.binary, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
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
    return `${this.name} (${this.binary} ${this.args.join(' ')}) said:\n${this.output.join('').slice(-3000)}`;
  }

  /** SIGTERM, then SIGKILL if it has not gone within 5 s. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}

export interface PrometheusStack {
  /** Prometheus' base URL: http://127.0.0.1:PORT */
  url: string;
  exporterUrl: string;
  /** Stops Prometheus (the exporter keeps running). */
  stopPrometheus(): Promise<void>;
  /** Starts it again on the same port and data folder; resolves when it answers queries. */
  startPrometheus(): Promise<void>;
  close(): Promise<void>;
}

/** Starts node-exporter and Prometheus (scraping it every second) and waits for a first scrape. */
export async function startPrometheusStack(): Promise<PrometheusStack> {
  const prometheusBin = findBinary('prometheus', 'PROMETHEUS_BIN');
  const exporterBin = findBinary('prometheus-node-exporter', 'NODE_EXPORTER_BIN');
  const dir = makeTempDir('wf-prometheus-');
  const exporterPort = await freePort();
  const prometheusPort = await freePort();
  const exporterUrl = `http://127.0.0.1:${exporterPort}`;
  const url = `http://127.0.0.1:${prometheusPort}`;
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: node',
      '    scrape_interval: 1s',
      '    scrape_timeout: 1s',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${exporterPort}']`,
      '',
    ].join('\n'),
  );
  const exporter = new Service('prometheus-node-exporter', exporterBin, [
    `--web.listen-address=127.0.0.1:${exporterPort}`,
  ]);
  const prometheus = new Service('prometheus', prometheusBin, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${prometheusPort}`,
    '--log.level=warn',
  ]);
  const close = async () => {
    await Promise.all([prometheus.stop(), exporter.stop()]);
    rmSync(dir, { recursive: true, force: true });
  };
  const startPrometheus = async () => {
    prometheus.start();
    await until(
      'Prometheus to answer queries with three node-exporter scrapes (rates need two)',
      async () => {
        if (!prometheus.alive) throw new Error(`Prometheus exited. ${prometheus.describe()}`);
        const query = encodeURIComponent('sum(count_over_time(up[1m]))');
        const answer = await fetchJson(`${url}/api/v1/query?query=${query}`);
        const result = (answer as { data?: { result?: Array<{ value: [number, string] }> } })?.data
          ?.result;
        return Number(result?.[0]?.value[1] ?? 0) >= 3;
      },
      30_000,
      () => prometheus.describe(),
    );
  };
  try {
    exporter.start();
    await until(
      'node-exporter to serve /metrics',
      async () => {
        if (!exporter.alive) throw new Error(`node-exporter exited. ${exporter.describe()}`);
        return (await fetchText(`${exporterUrl}/metrics`))?.includes('node_cpu_seconds_total');
      },
      15_000,
      () => exporter.describe(),
    );
    await startPrometheus();
  } catch (err) {
    await close();
    throw err;
  }
  return { url, exporterUrl, stopPrometheus: () => prometheus.stop(), startPrometheus, close };
}

/** Keeps one CPU core busy for `ms` in a child process; resolves when it has finished. */
export function burnCpu(ms: number): { done: Promise<void>; stop(): void } {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const end = Date.now() + ${ms}; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1);`,
    ],
    { stdio: 'ignore' },
  );
  running.add(child);
  const done = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  return { done, stop: () => child.kill('SIGKILL') };
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? await response.text() : undefined;
  } catch {
    return undefined;
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const text = await fetchText(url);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

async function until(
  what: string,
  probe: () => Promise<boolean | undefined>,
  timeoutMs: number,
  context: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}. ${context()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
