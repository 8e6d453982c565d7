// The demo SaaS's two services as they run on a quiet day. Each scenario
// starts from these and changes only what its incident needs, so the facts
// an operator learns in one scenario hold in the others.
import type { EnvironmentState, ServiceState } from '../../../shared/protocol';

export const BILLING = { id: 'billing', name: 'Billing API' } as const;
export const WEB = { id: 'web', name: 'Web app' } as const;
export const PRODUCTION = 'production';
export const STAGING = 'staging';

export function billingProduction(now: number): EnvironmentState {
  return {
    id: PRODUCTION,
    tier: 'production',
    version: '2.13.2',
    previousVersions: ['2.13.1', '2.12.0'],
    status: 'healthy',
    updatedAt: now - 2 * 86_400_000,
  };
}

export function webProduction(now: number): EnvironmentState {
  return {
    id: PRODUCTION,
    tier: 'production',
    version: '5.8.1',
    previousVersions: ['5.8.0', '5.7.4'],
    status: 'healthy',
    updatedAt: now - 3 * 3_600_000,
  };
}

export function service(
  which: { id: string; name: string },
  ...environments: EnvironmentState[]
): ServiceState {
  return { id: which.id, name: which.name, environments };
}

/** `billing/production`: the CloudEvents subject of an action's target. */
export const subjectOf = (target: { service: string; environment: string }): string =>
  `${target.service}/${target.environment}`;
