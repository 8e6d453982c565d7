// A TCP proxy on 127.0.0.1 that makes a network flap: it delays every chunk,
// can stall (drop) traffic for a while, and cuts connections on command.
import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface FlakyProxy {
  url: string;
  /** Delay added to every chunk, each way (ms). */
  delayMs: number;
  /** While true, chunks are held back (a black hole), not forwarded. */
  stalled: boolean;
  /**
   * Set: the first chunk from the endpoint that matches is dropped and every
   * connection cut, once (a reply lost on its way back to the console).
   */
  cutOnReply: RegExp | undefined;
  cutAll(): void;
  connections(): number;
  close(): Promise<void>;
}

export async function startFlakyProxy(targetPort: number): Promise<FlakyProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let total = 0;
  const proxy: FlakyProxy = {
    url: '',
    delayMs: 0,
    stalled: false,
    cutOnReply: undefined,
    cutAll: () => {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
    },
    connections: () => total,
    close: () => {
      proxy.cutAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const forward = (from: Socket, to: Socket, fromEndpoint: boolean) =>
    from.on('data', (chunk: Buffer) => {
      const send = () => {
        if (proxy.stalled) return void setTimeout(send, 20);
        if (fromEndpoint && proxy.cutOnReply?.test(chunk.toString('latin1'))) {
          proxy.cutOnReply = undefined;
          return proxy.cutAll();
        }
        if (!to.destroyed) to.write(chunk);
      };
      setTimeout(send, proxy.delayMs);
    });
  const server = createServer((client) => {
    total += 1;
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    forward(client, upstream, false);
    forward(upstream, client, true);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    for (const socket of pair) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
