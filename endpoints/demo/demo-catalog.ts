// The demo SaaS's metrics: three levels, named after OpenTelemetry semantic
// conventions where one exists. `base` is the healthy mean, `bad` the mean
// while the billing service runs its faulty release, `noise` the jitter.
import type { SeriesInfo } from '../../shared/protocol';

export interface DemoMetric {
  info: SeriesInfo;
  base: number;
  bad: number;
  noise: number;
  min: number;
  max: number;
  decimals: number;
}

const metric = (
  info: Omit<SeriesInfo, 'kind' | 'intervalMs'> & Partial<Pick<SeriesInfo, 'kind'>>,
  model: Omit<DemoMetric, 'info'>,
): DemoMetric => ({ info: { kind: 'gauge', intervalMs: 1000, ...info }, ...model });

export const DEMO_METRICS: DemoMetric[] = [
  metric(
    {
      id: 'app.signups.rate',
      title: 'Signups',
      level: 'business',
      unit: '{signup}/min',
      thresholds: { warning: 6, critical: 3, direction: 'below' },
    },
    { base: 14, bad: 9, noise: 1.5, min: 0, max: 60, decimals: 1 },
  ),
  metric(
    { id: 'app.users.active', title: 'Current users', level: 'business', unit: '{user}' },
    { base: 4820, bad: 4650, noise: 40, min: 0, max: 100_000, decimals: 0 },
  ),
  metric(
    {
      id: 'app.invoices.sent.rate',
      title: 'Invoices sent',
      level: 'business',
      unit: '{invoice}/min',
      service: 'billing',
      thresholds: { warning: 60, critical: 30, direction: 'below' },
    },
    { base: 128, bad: 74, noise: 6, min: 0, max: 1000, decimals: 0 },
  ),
  metric(
    {
      id: 'app.entries.created.rate',
      title: 'Entries created',
      level: 'business',
      unit: '{entry}/min',
    },
    { base: 940, bad: 880, noise: 30, min: 0, max: 10_000, decimals: 0 },
  ),
  metric(
    {
      id: 'service.availability',
      title: 'Availability',
      level: 'service',
      unit: '%',
      service: 'billing',
      thresholds: { warning: 99.9, critical: 99.5, direction: 'below' },
    },
    { base: 99.98, bad: 99.42, noise: 0.02, min: 90, max: 100, decimals: 2 },
  ),
  metric(
    {
      id: 'http.server.request.duration.p95',
      title: 'Response time p95',
      level: 'service',
      unit: 'ms',
      service: 'billing',
      thresholds: { warning: 400, critical: 800, direction: 'above' },
    },
    { base: 182, bad: 860, noise: 25, min: 20, max: 10_000, decimals: 0 },
  ),
  metric(
    {
      id: 'service.utilization',
      title: 'Utilization',
      level: 'service',
      unit: '%',
      thresholds: { warning: 75, critical: 90, direction: 'above' },
    },
    { base: 54, bad: 71, noise: 3, min: 0, max: 100, decimals: 1 },
  ),
  metric(
    {
      id: 'system.cpu.utilization',
      title: 'CPU load',
      level: 'technical',
      unit: '%',
      thresholds: { warning: 70, critical: 90, direction: 'above' },
    },
    { base: 41, bad: 77, noise: 4, min: 0, max: 100, decimals: 1 },
  ),
  metric(
    {
      id: 'db.client.connections.usage',
      title: 'Connections',
      level: 'technical',
      unit: '{connection}',
      thresholds: { warning: 400, critical: 480, direction: 'above' },
    },
    { base: 212, bad: 355, noise: 12, min: 0, max: 500, decimals: 0 },
  ),
  metric(
    { id: 'app.servers', title: 'App servers', level: 'technical', unit: '{server}' },
    { base: 8, bad: 8, noise: 0, min: 0, max: 100, decimals: 0 },
  ),
  metric(
    {
      id: 'app.errors.rate',
      title: 'Errors in production',
      level: 'technical',
      unit: '{error}/min',
      service: 'billing',
      thresholds: { warning: 5, critical: 20, direction: 'above' },
    },
    { base: 1.2, bad: 31, noise: 1, min: 0, max: 10_000, decimals: 1 },
  ),
  metric(
    {
      id: 'ci.tests.failed',
      title: 'Failing tests',
      level: 'technical',
      unit: '{test}',
      thresholds: { warning: 1, critical: 5, direction: 'above' },
    },
    { base: 0, bad: 0, noise: 0, min: 0, max: 10_000, decimals: 0 },
  ),
];
