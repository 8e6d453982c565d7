// A child process endpoint that floods: N samples a second over ten series,
// in batches every 20 ms. Sends its URL to the parent over IPC.
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';

const perSecond = Number(process.argv[2] ?? 100_000);
const SERIES = 10;
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
    const series = Array.from({ length: SERIES }, (_, i) => ({
      id: `s${i}`,
      title: `S${i}`,
      level: 'technical',
      unit: '1',
      kind: 'gauge',
      intervalMs: 100,
    }));
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'catalog', params: { series } }));
    let t = Date.now() - 60_000;
    const timer = setInterval(() => {
      const each = Math.round(perSecond / 50 / SERIES);
      const batches = series.map((s) => ({
        series: s.id,
        points: Array.from({ length: each }, (_, k) => [t + k, k]),
      }));
      t += each;
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
    }, 20);
    socket.on('close', () => clearInterval(timer));
  });
});
server.on('listening', () =>
  process.send?.(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
