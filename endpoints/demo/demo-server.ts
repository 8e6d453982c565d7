// The demo endpoint: a watchfloor.v1 server over a real WebSocket that
// streams the simulated SaaS at 1 Hz and carries out rollbacks.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';
import { DemoSession } from './demo-session';
import { DemoSimulation } from './demo-simulation';

export interface DemoEndpointOptions {
  port?: number;
  host?: string;
  seed?: number;
  tickMs?: number;
  /** How long the simulated rollback takes from accepted to succeeded. */
  rollbackMs?: number;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  /** How often the endpoint pings each console. */
  heartbeatMs?: number;
}

export interface DemoEndpoint {
  url: string;
  port: number;
  simulation: DemoSimulation;
  close(): Promise<void>;
}

export async function startDemoEndpoint(options: DemoEndpointOptions = {}): Promise<DemoEndpoint> {
  const simulation = new DemoSimulation(options.seed ?? 1);
  const server = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) => {
      const refusal = refuse(info.req, options.token);
      if (refusal) return done(false, refusal.status, refusal.message);
      done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const session = new DemoSession(simulation, {
    rollbackMs: options.rollbackMs ?? 1500,
    heartbeatMs: options.heartbeatMs ?? 5_000,
  });
  server.on('connection', (socket: WebSocket) => session.attach(socket));
  const ticker = setInterval(() => session.tick(), options.tickMs ?? 1000);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `ws://${address}:${port}`,
    port,
    simulation,
    close: () => {
      clearInterval(ticker);
      session.stop();
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(
  req: IncomingMessage,
  token?: string,
): { status: number; message: string } | undefined {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '');
  if (!offered.split(',').some((p) => p.trim() === SUBPROTOCOL)) {
    return { status: 426, message: `subprotocol ${SUBPROTOCOL} required` };
  }
  if (token && req.headers.authorization !== `Bearer ${token}`) {
    return { status: 401, message: 'bearer token required' };
  }
  return undefined;
}
