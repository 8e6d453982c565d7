// A child process endpoint that floods: N samples a second spread over S
// series (argv: N S), sent every 20 ms with real, evenly spaced timestamps.
// Sends its URL to the parent over IPC.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const perSecond = Number(process.argv[2] ?? 100_000);
const seriesCount = Number(process.argv[3] ?? 10);
const TICK_MS = 20;

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  handleProtocols: () => 'watchfloor.v1',
});
server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { id } = JSON.parse(String(data)) as { id: number };
    const result = {
      protocol: 'watchfloor.v1',
      endpoint: { id: 'flood', name: 'Flood' },
      roles: ['metrics'],
      actions: [],
      clock: Date.now(),
    };
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
    const series = Array.from({ length: seriesCount }, (_, i) => ({
      id: `s${i}`,
      title: `Flood ${i}`,
      level: (['business', 'service', 'technical'] as const)[i % 3],
      unit: '1',
      kind: 'gauge',
      intervalMs: 100,
    }));
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'catalog', params: { series } }));
    const each = Math.max(1, Math.round(perSecond / (1000 / TICK_MS) / seriesCount));
    let tick = 0;
    const timer = setInterval(() => {
      const start = Date.now() - TICK_MS;
      tick += 1;
      const batches = series.map((s, i) => ({
        series: s.id,
        points: Array.from({ length: each }, (_, k) => [
          start + (k * TICK_MS) / each,
          50 + 40 * Math.sin((tick + k / each + i) / 25),
        ]),
      }));
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
    }, TICK_MS);
    socket.on('close', () => clearInterval(timer));
  });
});
server.on('listening', () =>
  process.send?.(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
