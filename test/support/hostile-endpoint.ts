// Small real WebSocket servers on 127.0.0.1 that misbehave on purpose:
// they answer the handshake, then do whatever the test scripts them to do.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { SUBPROTOCOL } from '../../shared/protocol';

export interface HostileEndpoint {
  url: string;
  port: number;
  sockets: Set<WebSocket>;
  close(): Promise<void>;
}

export interface HostileScript {
  /** Accept the subprotocol (true) or answer without one (false). */
  acceptSubprotocol?: boolean;
  /** Reply to hello; false leaves the console waiting. */
  answerHello?: boolean;
  actions?: string[];
  /** Called once the handshake is done. */
  afterHello?: (socket: WebSocket) => void;
  /** Called for every request other than hello. */
  onRequest?: (socket: WebSocket, request: { id: number; method: string; params: unknown }) => void;
  port?: number;
}

export async function startHostileEndpoint(script: HostileScript = {}): Promise<HostileEndpoint> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: script.port ?? 0,
    handleProtocols: (offered) =>
      script.acceptSubprotocol === false ? false : offered.has(SUBPROTOCOL) && SUBPROTOCOL,
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const sockets = new Set<WebSocket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const request = JSON.parse(String(data)) as { id: number; method: string; params: unknown };
      if (request.method !== 'hello') return script.onRequest?.(socket, request);
      if (script.answerHello === false) return;
      socket.send(
        JSON.stringify({
          jsonrpc: '2.0',
          id: request.id,
          result: {
            protocol: SUBPROTOCOL,
            endpoint: { id: 'hostile', name: 'Hostile' },
            roles: ['metrics', 'deployments'],
            actions: (script.actions ?? ['deploy.rollback']).map((name) => ({ name })),
            clock: Date.now(),
          },
        }),
      );
      script.afterHello?.(socket);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    sockets,
    close: () => {
      for (const socket of sockets) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const catalogFrame = (id = 'cpu') =>
  JSON.stringify({
    jsonrpc: '2.0',
    method: 'catalog',
    params: {
      series: [
        { id, title: 'CPU', level: 'technical', unit: '%', kind: 'gauge', intervalMs: 1000 },
      ],
    },
  });

export const samplesFrame = (id: string, points: [number, number][]) =>
  JSON.stringify({
    jsonrpc: '2.0',
    method: 'samples',
    params: { batches: [{ series: id, points }] },
  });
