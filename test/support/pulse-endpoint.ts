// A child-process endpoint for the renderer benches: S series at H samples a
// second each (argv: H S), phases spread evenly over the period so frames
// arrive as a steady trickle, one sample per series per frame, each stamped
// with Date.now() just before it is sent (the latency clock's zero). Sends
// its URL to the parent over IPC. Binds 127.0.0.1 only.
//
// test/support/flood-endpoint.ts sends every series every 20 ms (at least
// one point per series per tick), so it cannot pace 100 series at 1 Hz; the
// renderer benches that need 1 Hz use this one, the memory bench uses flood.
// Optional FH FS (argv 4 and 5) add FS series `f0…` at FH samples a second
// each beside them: B2's latency under a flood measures the 1 Hz series while
// the flood series load the same wall.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const hz = Number(process.argv[2] ?? 1);
const pulseCount = Number(process.argv[3] ?? 100);
const floodHz = Number(process.argv[4] ?? 0);
const floodCount = Number(process.argv[5] ?? 0);
const seriesCount = pulseCount + floodCount;
const TICK_MS = 5;

const server = new WebSocketServer({
  host: '127.0.0.1',
  port: 0,
  handleProtocols: () => 'watchfloor.v1',
});
server.on('connection', (socket) => {
  let timer: NodeJS.Timeout | undefined;
  socket.on('message', (data) => {
    const { id } = JSON.parse(String(data)) as { id: number };
    const result = {
      protocol: 'watchfloor.v1',
      endpoint: { id: 'pulse', name: 'Pulse' },
      roles: ['metrics'],
      actions: [],
      clock: Date.now(),
    };
    socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
    const periodOf = (i: number) => 1000 / (i < pulseCount ? hz : floodHz);
    const series = Array.from({ length: seriesCount }, (_, i) => ({
      id: i < pulseCount ? `s${i}` : `f${i - pulseCount}`,
      title: i < pulseCount ? `Pulse ${i}` : `Flood ${i - pulseCount}`,
      level: (['business', 'service', 'technical'] as const)[i % 3],
      unit: '%',
      kind: 'gauge',
      // The protocol's floor is 100 ms; faster series still send every sample.
      intervalMs: Math.max(100, Math.round(periodOf(i))),
    }));
    socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'catalog', params: { series } }));
    const began = Date.now();
    // Series i is due at began + (i / S + n) × period, for n = 0, 1, 2, …
    const next = series.map((_, i) => began + (i / seriesCount) * periodOf(i));
    const count = series.map(() => 0);
    clearInterval(timer);
    timer = setInterval(() => {
      const now = Date.now();
      const due: number[] = [];
      for (let i = 0; i < seriesCount; i += 1) {
        if ((next[i] as number) <= now) due.push(i);
      }
      if (due.length === 0) return;
      const t = Date.now();
      const batches = due.map((i) => {
        const n = (count[i] = (count[i] as number) + 1);
        next[i] =
          (next[i] as number) +
          periodOf(i) * Math.max(1, Math.ceil((now - (next[i] as number)) / periodOf(i)));
        return {
          series: (series[i] as { id: string }).id,
          points: [[t, 50 + 40 * Math.sin((n + i) / 25)]],
        };
      });
      socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'samples', params: { batches } }));
    }, TICK_MS);
    socket.on('close', () => clearInterval(timer));
  });
});
server.on('listening', () =>
  process.send?.(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`),
);
// The parent going away ends us too, whatever the way it went.
process.on('disconnect', () => process.exit(0));
