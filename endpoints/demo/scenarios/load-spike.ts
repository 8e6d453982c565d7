// load-spike: a campaign sends 2.4× the usual users to the web app. Users and
// utilization climb first, then CPU, response time and errors as the servers
// saturate. Adding servers brings the load per core back down in proportion.
import type { ActionArgs, EnvironmentState } from '../../../shared/protocol';
import { SERIES, remedy, tailorCatalog, type Targets } from '../demo-catalog';
import type { DeploymentState } from '../deployment-state';
import { planCapacityScale } from './capacity-steps';
import {
  BILLING,
  PRODUCTION,
  WEB,
  billingProduction,
  service,
  webProduction,
} from './saas-services';
import { refuse, type Scenario } from './scenario';

/** The traffic starts rising this many ticks after the scenario starts... */
export const SPIKE_ONSET_TICK = 5;
/** ...and peaks this many ticks later, staying there until the end. */
const SPIKE_RAMP_TICKS = 30;
export const SPIKE_PEAK = 2.4;
const BASE_CORES = 32;
/** Utilization at usual traffic on the usual 32 cores. */
const BASE_LOAD = 0.54;

/** The suggested fix: 8 more servers halve the load per core (64 cores instead of 32). */
export const SCALE_UP: ActionArgs<'capacity.scale'> = {
  service: WEB.id,
  environment: PRODUCTION,
  resource: 'servers',
  change: 8,
};
const RECOVERY_MS = 15_000;
const scaleUp = remedy('Add 8 web servers', 'capacity.scale', SCALE_UP, RECOVERY_MS);

/** Traffic as a multiple of a usual day, by tick: flat, a linear ramp, then a plateau. */
export function trafficFactor(tick: number): number {
  const progress = (tick - SPIKE_ONSET_TICK) / SPIKE_RAMP_TICKS;
  return 1 + (SPIKE_PEAK - 1) * Math.min(1, Math.max(0, progress));
}

const coresOf = (env: EnvironmentState | undefined): number => env?.capacity?.cpu ?? BASE_CORES;

/**
 * The whole scenario in one number: load per core, where 1 is saturation. Past
 * 0.6 requests queue (p95 climbs); past 0.95 they time out (errors, availability).
 */
export function saturation(state: DeploymentState, tick: number): number {
  const cores = coresOf(state.environment(WEB.id, PRODUCTION));
  return (BASE_LOAD * trafficFactor(tick) * BASE_CORES) / cores;
}

function spikeTargets(state: DeploymentState, tick: number): Targets {
  const traffic = trafficFactor(tick);
  const load = saturation(state, tick);
  const queueing = (Math.min(load, 1.2) - 0.6) / 0.4;
  const timeouts = Math.min(Math.max(0, load - 0.95), 0.5);
  const web = state.environment(WEB.id, PRODUCTION);
  return {
    [SERIES.users]: 4820 * traffic,
    [SERIES.signups]: 14 * traffic * (1 - timeouts),
    [SERIES.entries]: 940 * traffic * (1 - timeouts),
    [SERIES.utilization]: load * 100,
    [SERIES.cpu]: (41 / BASE_LOAD) * load,
    [SERIES.p95]: 182 + Math.max(0, queueing) * 900,
    [SERIES.errors]: 1.2 + timeouts * 100,
    [SERIES.availability]: 99.98 - timeouts * 2,
    [SERIES.connections]: 212 * (1 + (traffic - 1) * 0.5),
    [SERIES.servers]: web?.capacity?.servers ?? 8,
  };
}

export const loadSpike: Scenario = {
  name: 'load-spike',
  summary: 'a campaign brings 2.4× the users to web: add servers (capacity.scale)',
  actions: [{ name: 'capacity.scale', title: 'Scale capacity' }],

  initialServices: (now) => [
    service(BILLING, billingProduction(now)),
    service(WEB, {
      ...webProduction(now),
      capacity: { servers: 8, cpu: BASE_CORES, storageGb: 500 },
    }),
  ],

  catalog: () =>
    tailorCatalog({
      [SERIES.availability]: { service: WEB.id, procedures: scaleUp },
      [SERIES.p95]: { service: WEB.id, procedures: scaleUp },
      [SERIES.utilization]: { service: WEB.id, procedures: scaleUp },
      [SERIES.cpu]: { service: WEB.id, procedures: scaleUp },
      [SERIES.errors]: { service: WEB.id, procedures: scaleUp },
      [SERIES.servers]: { service: WEB.id },
    }),

  targets: spikeTargets,

  plan(call, state) {
    if (call.action !== 'capacity.scale') return refuse(`load-spike has no ${call.action}`);
    return planCapacityScale(state, call.args);
  },
};
