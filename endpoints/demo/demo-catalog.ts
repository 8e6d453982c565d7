// The demo SaaS's twelve everyday series on three levels, named after
// OpenTelemetry semantic conventions where one exists. `base` is the healthy
// mean; each scenario decides where a series heads instead (its target) and
// which action answers its alerts (its procedures).
import type { ActionArgs, ActionName, Procedure, SeriesInfo } from '../../shared/protocol';

export interface DemoMetric {
  info: SeriesInfo;
  /** The healthy mean: where the walk settles when nothing is wrong. */
  base: number;
  noise: number;
  min: number;
  max: number;
  decimals: number;
  /**
   * Share of the gap to the target closed per tick. 0.2 (the default) is smooth and
   * recovers in about ten ticks; counts such as servers or failing tests use 1, since
   * rounding would otherwise stall a slow walk one short of its target.
   */
  follow?: number;
}

/** Where each series should head this tick; series left out head for their `base`. */
export type Targets = Record<string, number>;

export const SERIES = {
  signups: 'app.signups.rate',
  users: 'app.users.active',
  invoices: 'app.invoices.sent.rate',
  entries: 'app.entries.created.rate',
  availability: 'service.availability',
  p95: 'http.server.request.duration.p95',
  utilization: 'service.utilization',
  cpu: 'system.cpu.utilization',
  connections: 'db.client.connections.usage',
  servers: 'app.servers',
  errors: 'app.errors.rate',
  testsFailed: 'ci.tests.failed',
} as const;

/** Alerts fire and clear within seconds, so an operator (or a test) sees the effect quickly. */
const QUICK = { forMs: 2_000, recoveryMs: 3_000 };

const metric = (
  info: Omit<SeriesInfo, 'kind' | 'intervalMs'>,
  model: Omit<DemoMetric, 'info'>,
): DemoMetric => ({ info: { kind: 'gauge', intervalMs: 1000, ...info }, ...model });

export const BASE_METRICS: readonly DemoMetric[] = [
  metric(
    {
      id: SERIES.signups,
      title: 'Signups',
      level: 'business',
      unit: '{signup}/min',
      thresholds: { warning: 6, critical: 3, direction: 'below', ...QUICK },
    },
    { base: 14, noise: 1.5, min: 0, max: 60, decimals: 1 },
  ),
  metric(
    { id: SERIES.users, title: 'Current users', level: 'business', unit: '{user}' },
    { base: 4820, noise: 40, min: 0, max: 100_000, decimals: 0 },
  ),
  metric(
    {
      id: SERIES.invoices,
      title: 'Invoices sent',
      level: 'business',
      unit: '{invoice}/min',
      service: 'billing',
      thresholds: { warning: 60, critical: 30, direction: 'below', ...QUICK },
    },
    { base: 128, noise: 6, min: 0, max: 1000, decimals: 0 },
  ),
  metric(
    {
      id: SERIES.entries,
      title: 'Entries created',
      level: 'business',
      unit: '{entry}/min',
    },
    { base: 940, noise: 30, min: 0, max: 10_000, decimals: 0 },
  ),
  metric(
    {
      id: SERIES.availability,
      title: 'Availability',
      level: 'service',
      unit: '%',
      thresholds: { warning: 99.9, critical: 99.5, direction: 'below', ...QUICK },
    },
    { base: 99.98, noise: 0.02, min: 90, max: 100, decimals: 2 },
  ),
  metric(
    {
      id: SERIES.p95,
      title: 'Response time p95',
      level: 'service',
      unit: 'ms',
      thresholds: { warning: 400, critical: 800, direction: 'above', ...QUICK },
    },
    { base: 182, noise: 25, min: 20, max: 10_000, decimals: 0 },
  ),
  metric(
    {
      id: SERIES.utilization,
      title: 'Utilization',
      level: 'service',
      unit: '%',
      thresholds: { warning: 75, critical: 90, direction: 'above', ...QUICK },
    },
    { base: 54, noise: 3, min: 0, max: 100, decimals: 1 },
  ),
  metric(
    {
      id: SERIES.cpu,
      title: 'CPU load',
      level: 'technical',
      unit: '%',
      thresholds: { warning: 70, critical: 90, direction: 'above', ...QUICK },
    },
    { base: 41, noise: 4, min: 0, max: 100, decimals: 1 },
  ),
  metric(
    {
      id: SERIES.connections,
      title: 'Connections',
      level: 'technical',
      unit: '{connection}',
      thresholds: { warning: 400, critical: 480, direction: 'above', ...QUICK },
    },
    { base: 212, noise: 12, min: 0, max: 500, decimals: 0 },
  ),
  metric(
    { id: SERIES.servers, title: 'App servers', level: 'technical', unit: '{server}' },
    { base: 8, noise: 0, min: 0, max: 100, decimals: 0, follow: 1 },
  ),
  metric(
    {
      id: SERIES.errors,
      title: 'Errors in production',
      level: 'technical',
      unit: '{error}/min',
      thresholds: { warning: 5, critical: 20, direction: 'above', ...QUICK },
    },
    { base: 1.2, noise: 1, min: 0, max: 10_000, decimals: 1 },
  ),
  metric(
    {
      id: SERIES.testsFailed,
      title: 'Failing tests',
      level: 'technical',
      unit: '{test}',
      thresholds: { warning: 1, critical: 5, direction: 'above', ...QUICK },
    },
    { base: 0, noise: 0, min: 0, max: 10_000, decimals: 0, follow: 1 },
  ),
];

/** What a scenario changes about one base series. */
export interface Tailoring {
  service?: string;
  procedures?: Procedure[];
}

/** The base series, each with the scenario's service and procedures; copies, never shared. */
export function tailorCatalog(tailoring: Record<string, Tailoring>): DemoMetric[] {
  return BASE_METRICS.map((m) => {
    const extra = tailoring[m.info.id] ?? {};
    const info: SeriesInfo = { ...m.info, ...extra };
    return { ...m, info };
  });
}

/**
 * The same remedy for the warning and the critical condition, so whichever the
 * operator sees first carries it.
 */
export function remedy<A extends ActionName>(
  title: string,
  action: A,
  args: ActionArgs<A>,
  expectRecoveryMs: number,
): Procedure[] {
  return (['critical', 'warning'] as const).map((when) => ({
    when,
    title,
    action,
    args: { ...args },
    expectRecoveryMs,
  }));
}
