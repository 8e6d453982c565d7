// Debian's Prometheus for the rig: scraping every second, file_sd following
// the instances, on a free loopback port with its data in the rig's folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PrometheusProcess {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** The scrape config: the shop's instances from file_sd, checked every second. */
export function prometheusYaml(targetsGlob: string): string {
  return [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: shop',
    '    file_sd_configs:',
    `      - files: ['${targetsGlob}']`,
    '        refresh_interval: 1s',
    '',
  ].join('\n');
}

export async function startPrometheus(options: {
  binary: string;
  dir: string;
  port: number;
  targetsGlob: string;
}): Promise<PrometheusProcess> {
  const configFile = join(options.dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusYaml(options.targetsGlob));
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    options.binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(options.dir, 'prometheus-data')}`,
      `--web.listen-address=127.0.0.1:${options.port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  let failed: Error | undefined;
  child.once('error', (err) => (failed = err));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const stop = () => stopChild(child);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (failed) throw new Error(`cannot start ${options.binary}: ${failed.message}`);
    if (child.exitCode !== null)
      throw new Error(`prometheus exited: ${output.join('').slice(-2000)}`);
    if (await ready(url)) return { url, output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready: ${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await gone;
  clearTimeout(timer);
}
