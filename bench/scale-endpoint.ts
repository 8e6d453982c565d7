// B6's endpoints, all in one child process so that 20 of them do not take 20
// Node runtimes from a two-core machine: N WebSocket servers on 127.0.0.1
// (argv: N S [tickMs]), each a watchfloor.v1 endpoint with S series at 1 Hz.
// Series phases are spread evenly over the second and every tick sends the
// series that fell due since the last, one point each, so each endpoint is a
// steady trickle of S samples a second whatever S is, without scanning all
// S series per tick (test/support/pulse-endpoint.ts does, which costs
// 100,000 comparisons a tick at 20 × 5,000). Sends its URLs to the parent
// over IPC; answers {type: 'cpu'} with its own CPU time, for the report.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const endpointCount = Number(process.argv[2] ?? 1);
const seriesCount = Number(process.argv[3] ?? 100);
const TICK_MS = Number(process.argv[4] ?? 20);
const PERIOD_MS = 1000;
/** Catalog entries per frame: well inside the 1 MB frame limit. */
const CATALOG_CHUNK = 1_000;

const seriesIds = Array.from({ length: seriesCount }, (_, i) => `s${i}`);

function catalogFrames(): string[] {
  const series = seriesIds.map((id, i) => ({
    id,
    title: `Scale ${i}`,
    level: (['business', 'service', 'technical'] as const)[i % 3],
    unit: '%',
    kind: 'gauge',
    intervalMs: PERIOD_MS,
    thresholds: { warning: 85, critical: 95, direction: 'above' },
  }));
  const frames: string[] = [];
  for (let at = 0; at < series.length; at += CATALOG_CHUNK) {
    const params = { series: series.slice(at, at + CATALOG_CHUNK) };
    frames.push(JSON.stringify({ jsonrpc: '2.0', method: 'catalog', params }));
  }
  return frames;
}

/** Sends series in index order, cycling: by `elapsed` ms, elapsed × S / period samples in all. */
function startStream(socket: WebSocket, endpointIndex: number): () => void {
  const began = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - began) * seriesCount) / PERIOD_MS);
    if (due <= sent) return;
    const t = Date.now();
    const batches = [];
    for (; sent < due; sent += 1) {
      const i = sent % seriesCount;
      const round = Math.floor(sent / seriesCount);
      // Every sample is checked against thresholds; one series in 100 crosses them
      // now and then, so alerts fire and resolve as on a real wall, not thousands at once.
      const swing = i % 100 === 0 ? 45 : 30;
      const value = 50 + swing * Math.sin((round + i + endpointIndex) / 25);
      batches.push({ series: seriesIds[i], points: [[t, value]] });
    }
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
  }, TICK_MS);
  return () => clearInterval(timer);
}

function serve(endpointIndex: number): Promise<string> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: () => 'watchfloor.v1',
  });
  server.on('connection', (socket) => {
    let stop = () => {};
    socket.on('message', (data) => {
      const { id, method } = JSON.parse(String(data)) as { id: number; method: string };
      if (method !== 'hello') {
        const error = { code: -32601, message: `${method} is not offered here` };
        socket.send(JSON.stringify({ jsonrpc: '2.0', id, error }));
        return;
      }
      const result = {
        protocol: 'watchfloor.v1',
        endpoint: { id: `scale-${endpointIndex}`, name: `Scale ${endpointIndex}` },
        roles: ['metrics'],
        actions: [],
        clock: Date.now(),
      };
      socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
      for (const frame of catalogFrames()) socket.send(frame);
      stop();
      stop = startStream(socket, endpointIndex);
    });
    socket.on('close', () => stop());
  });
  return new Promise((resolve) =>
    server.on('listening', () =>
      resolve(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

const urls = await Promise.all(Array.from({ length: endpointCount }, (_, i) => serve(i)));
process.on('message', (message: { type?: string }) => {
  if (message.type === 'cpu') process.send?.({ type: 'cpu', cpu: process.cpuUsage() });
});
process.send?.({ type: 'urls', urls });
// The parent going away ends us too, whatever the way it went.
process.on('disconnect', () => process.exit(0));
