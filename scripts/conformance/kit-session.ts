// What every section of the kit shares: the options it was run with, the
// main connection (which said hello like a console), and every connection
// opened, so the limits section can look at all their frames.
import {
  ACTION_NAMES,
  helloResultSchema,
  type ActionName,
  type HelloResult,
} from '../../shared/protocol';
import type { CheckedFrame } from './frame-check';
import { ProbeSocket, type DialOptions, type DialResult } from './probe-socket';

export interface KitOptions {
  url: string;
  token?: string;
  /** Submit real actions (the endpoint's own, aimed at its own state) to check idempotency. */
  allowActions: boolean;
  /** How long the main connection watches live traffic. */
  watchMs: number;
  /** How long an accepted action may take to reach a final state. */
  actionTimeoutMs: number;
}

export const DEFAULT_WATCH_MS = 8_000;
export const DEFAULT_ACTION_TIMEOUT_MS = 60_000;

export class KitSession {
  readonly probes: ProbeSocket[] = [];
  main: ProbeSocket | undefined;
  hello: HelloResult | undefined;
  /** Index in main.frames of the hello response. */
  helloIndex = -1;

  constructor(readonly options: KitOptions) {}

  /** Dials with the options' token unless told otherwise; remembers the connection. */
  async dial(extra: DialOptions = {}): Promise<DialResult> {
    const result = await ProbeSocket.dial(this.options.url, {
      token: this.options.token,
      ...extra,
    });
    if (result.ok) this.probes.push(result.probe);
    return result;
  }

  /** Dials and says hello; undefined when either fails (the main connection's checks say why). */
  async connected(resume?: { deploymentsVersion: number }): Promise<ProbeSocket | undefined> {
    const dialed = await this.dial();
    if (!dialed.ok) return undefined;
    const reply = await dialed.probe.hello(resume);
    return reply.ok && reply.result !== undefined ? dialed.probe : undefined;
  }

  get roles(): string[] {
    return this.hello?.roles ?? [];
  }

  /** Announced actions this console knows (v1's seven). */
  get actions(): ActionName[] {
    const known = ACTION_NAMES as readonly string[];
    return (this.hello?.actions ?? [])
      .map((a) => a.name)
      .filter((name): name is ActionName => known.includes(name));
  }

  /** The main connection's notifications after its hello response. */
  notifications(method?: string): CheckedFrame[] {
    const frames = this.main?.frames.slice(this.helloIndex + 1) ?? [];
    return frames.filter((f) => f.method !== undefined && (!method || f.method === method));
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.close()));
  }
}

export function parseHello(result: unknown): HelloResult | undefined {
  const parsed = helloResultSchema.safeParse(result);
  return parsed.success ? parsed.data : undefined;
}

export const params = <T>(frame: CheckedFrame): T => (frame.value as { params: T }).params;
