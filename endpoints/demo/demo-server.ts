// The demo endpoint: a watchfloor.v1 server over a real WebSocket that
// streams a simulated SaaS running one scenario, carries out its actions,
// and can switch to another scenario while consoles watch.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, SUBPROTOCOL } from '../../shared/protocol';
import { DemoSession } from './demo-session';
import { DemoSimulation } from './demo-simulation';
import { scenarioNamed } from './scenarios/scenario-registry';
import type { ScenarioName } from './scenarios/scenario';
import { refuseUpgrade } from '../shared/upgrade-check';

export interface DemoEndpointOptions {
  port?: number;
  host?: string;
  seed?: number;
  tickMs?: number;
  /** How long an action takes from accepted to succeeded or failed. */
  actionMs?: number;
  /** The former name of `actionMs`, still honoured. */
  rollbackMs?: number;
  /** When set, consoles must send `Authorization: Bearer <token>`. */
  token?: string;
  /** How often the endpoint pings each console. */
  heartbeatMs?: number;
  /** Which incident to run; bad-deploy when absent. */
  scenario?: ScenarioName;
}

export interface DemoEndpoint {
  url: string;
  port: number;
  /** The simulation of the scenario running now. */
  readonly simulation: DemoSimulation;
  readonly scenario: ScenarioName;
  /**
   * Starts another scenario (or restarts this one) from scratch, without a restart:
   * consoles get its catalog (replace) and a deployments snapshot with a newer
   * resourceVersion, and reconnect to learn its actions. Throws on an unknown name.
   */
  switchScenario(name: string): void;
  close(): Promise<void>;
}

export async function startDemoEndpoint(options: DemoEndpointOptions = {}): Promise<DemoEndpoint> {
  const seed = options.seed ?? 1;
  const server = new WebSocketServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    verifyClient: (info, done) => {
      const refusal = refuseUpgrade(info.req, options.token);
      if (refusal) return done(false, refusal.status, refusal.message);
      done(true);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const session = new DemoSession(new DemoSimulation(scenarioNamed(options.scenario), seed), {
    actionMs: options.actionMs ?? options.rollbackMs ?? 1500,
    heartbeatMs: options.heartbeatMs ?? 5_000,
  });
  server.on('connection', (socket: WebSocket) => session.attach(socket));
  const ticker = setInterval(() => session.tick(), options.tickMs ?? 1000);
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `ws://${address}:${port}`,
    port,
    get simulation() {
      return session.simulation;
    },
    get scenario() {
      return session.simulation.scenario.name;
    },
    switchScenario(name) {
      const floor = session.simulation.resourceVersion;
      const next = new DemoSimulation(scenarioNamed(name), seed, Date.now(), {
        resourceVersionFloor: floor,
      });
      session.switchTo(next);
    },
    close: () => {
      clearInterval(ticker);
      session.stop();
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
