// The rig's shop service: one HTTP instance of one release, exporting its
// requests and their durations to Prometheus with prom-client. How the release
// behaves is in its release.json: 1.0.0 answers quickly; 1.0.1 has a bug that
// fails a share of checkouts and slows others.
//   node shop-service.mjs --port 0 --port-file FILE
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import client from 'prom-client';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'port-file': { type: 'string' } },
});
const release = JSON.parse(readFileSync(new URL('./release.json', import.meta.url), 'utf8'));

const registry = new client.Registry();
const requests = new client.Counter({
  name: 'shop_http_requests_total',
  help: 'HTTP requests answered, by route and status code',
  labelNames: ['route', 'code'],
  registers: [registry],
});
const duration = new client.Histogram({
  name: 'shop_http_request_duration_seconds',
  help: 'Time to answer an HTTP request',
  labelNames: ['route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2],
  registers: [registry],
});
new client.Gauge({
  name: 'shop_release_info',
  help: 'The release this instance runs (always 1)',
  labelNames: ['version'],
  registers: [registry],
}).set({ version: release.version }, 1);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A checkout: a few milliseconds of work, unless the release's bug strikes. */
async function checkout() {
  await sleep(2 + Math.random() * 8);
  if (Math.random() < release.failShare) return 500;
  if (Math.random() < release.slowShare) await sleep(release.slowMs);
  return 200;
}

const server = createServer(async (req, res) => {
  if (req.url === '/metrics') {
    res.setHeader('content-type', registry.contentType);
    res.end(await registry.metrics());
    return;
  }
  if (req.url === '/healthz') {
    res.end(`ok ${release.version}\n`);
    return;
  }
  const route = req.url === '/checkout' ? '/checkout' : 'other';
  const stop = duration.startTimer({ route });
  const code = route === '/checkout' ? await checkout() : 404;
  stop();
  requests.inc({ route, code: String(code) });
  res.statusCode = code;
  res.end(code === 200 ? 'ok\n' : 'failed\n');
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address();
  if (values['port-file']) {
    writeFileSync(`${values['port-file']}.tmp`, String(port));
    renameSync(`${values['port-file']}.tmp`, values['port-file']);
  }
  console.log(`shop ${release.version} listening on 127.0.0.1:${port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
