// A simulated SaaS: metrics that wander around their healthy mean, and a
// billing release (2.14.0) that is faulty until someone rolls it back.
import type { RollbackArgs, SampleBatch, ServiceState } from '../../shared/protocol';
import { DEMO_METRICS, type DemoMetric } from './demo-catalog';
import { createRandom, type Random } from './prng';

export const FAULTY_RELEASE = { service: 'billing', environment: 'production', version: '2.14.0' };
const HISTORY_POINTS = 900;

export type RollbackCheck = { ok: true; from: string; to: string } | { ok: false; reason: string };

export class DemoSimulation {
  readonly random: Random;
  /** Starts at the clock, so a restarted demo never reuses an earlier run's versions. */
  resourceVersion: number;
  services: ServiceState[];
  private readonly values = new Map<string, number>();
  private readonly history = new Map<string, [number, number][]>();

  constructor(seed: number, now = Date.now()) {
    this.random = createRandom(seed);
    this.resourceVersion = now;
    this.services = initialServices(now);
    for (const m of DEMO_METRICS) this.values.set(m.info.id, this.target(m));
    this.backfill(now);
  }

  /** One sample per metric at `now`, also kept for consoles that connect later. */
  tick(now: number): SampleBatch[] {
    return DEMO_METRICS.map((m) => {
      const value = this.step(m);
      const points = this.history.get(m.info.id) as [number, number][];
      points.push([now, value]);
      if (points.length > HISTORY_POINTS) points.shift();
      return { series: m.info.id, points: [[now, value]] };
    });
  }

  historyBatches(): SampleBatch[] {
    return DEMO_METRICS.map((m) => ({
      series: m.info.id,
      points: [...(this.history.get(m.info.id) ?? [])],
    }));
  }

  checkRollback(args: RollbackArgs): RollbackCheck {
    const env = this.environment(args.service, args.environment);
    if (!env) return { ok: false, reason: `no ${args.environment} of ${args.service}` };
    if (env.status === 'rolling-back' || env.status === 'deploying') {
      return { ok: false, reason: `${args.service} ${args.environment} is busy (${env.status})` };
    }
    const to = args.toVersion ?? env.previousVersions[0];
    if (!to) return { ok: false, reason: `${args.service} has no earlier version to restore` };
    if (to === env.version) return { ok: false, reason: `${args.service} already runs ${to}` };
    if (!env.previousVersions.includes(to)) {
      return { ok: false, reason: `version ${to} was never deployed to ${args.environment}` };
    }
    return { ok: true, from: env.version, to };
  }

  setStatus(
    service: string,
    environment: string,
    status: 'rolling-back' | 'healthy',
  ): ServiceState {
    return this.mutate(service, environment, (env) => ({ ...env, status }));
  }

  completeRollback(
    service: string,
    environment: string,
    to: string,
    now = Date.now(),
  ): ServiceState {
    return this.mutate(service, environment, (env) => {
      const older = env.previousVersions.slice(env.previousVersions.indexOf(to) + 1);
      return { ...env, version: to, previousVersions: older, status: 'healthy', updatedAt: now };
    });
  }

  private mutate(
    service: string,
    environment: string,
    change: (env: ServiceState['environments'][number]) => ServiceState['environments'][number],
  ): ServiceState {
    this.services = this.services.map((s) =>
      s.id !== service
        ? s
        : { ...s, environments: s.environments.map((e) => (e.id === environment ? change(e) : e)) },
    );
    this.resourceVersion += 1;
    return this.services.find((s) => s.id === service) as ServiceState;
  }

  private environment(service: string, environment: string) {
    return this.services
      .find((s) => s.id === service)
      ?.environments.find((e) => e.id === environment);
  }

  private faulty(): boolean {
    const env = this.environment(FAULTY_RELEASE.service, FAULTY_RELEASE.environment);
    return env?.version === FAULTY_RELEASE.version;
  }

  private target(m: DemoMetric): number {
    return this.faulty() ? m.bad : m.base;
  }

  /** Mean-reverting walk: a fifth of the way back to target, plus noise. */
  private step(m: DemoMetric): number {
    const before = this.values.get(m.info.id) ?? m.base;
    const noise = (this.random() * 2 - 1) * m.noise;
    const raw = before + (this.target(m) - before) * 0.2 + noise;
    const bounded = Math.min(m.max, Math.max(m.min, raw));
    const value = Number(bounded.toFixed(m.decimals));
    this.values.set(m.info.id, value);
    return value;
  }

  private backfill(now: number): void {
    for (const m of DEMO_METRICS) this.history.set(m.info.id, []);
    for (let k = HISTORY_POINTS; k > 0; k -= 1) this.tick(now - k * 1000);
  }
}

function initialServices(now: number): ServiceState[] {
  return [
    {
      id: 'billing',
      name: 'Billing API',
      environments: [
        {
          id: 'production',
          version: FAULTY_RELEASE.version,
          previousVersions: ['2.13.2', '2.13.1', '2.12.0'],
          status: 'degraded',
          updatedAt: now - 12 * 60_000,
        },
      ],
    },
    {
      id: 'web',
      name: 'Web app',
      environments: [
        {
          id: 'production',
          version: '5.8.1',
          previousVersions: ['5.8.0', '5.7.4'],
          status: 'healthy',
          updatedAt: now - 3 * 3_600_000,
        },
      ],
    },
  ];
}
