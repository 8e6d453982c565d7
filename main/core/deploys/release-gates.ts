// Release gates: for the ring a release has reached, compare each gate metric
// (a catalog series with a tolerance, split by ring and version) with the
// baseline version's, and allow promotion only when every gate has passed for
// the ring's minimum soak time. A gate worse beyond its tolerance makes the
// ring failing at once, and the evaluations it stays so are counted.
import type { ConsoleSeries } from '../../../shared/api/series';
import type { EndpointDeployments } from '../../../shared/api/console-state';
import type { EnvironmentState, Ring } from '../../../shared/protocol';
import type { GateVerdict, ReleaseGate, ReleaseStatus } from '../../../shared/api/releases';
import { BLOCKER } from '../../../shared/rules/action-blockers';

/** Values are averaged over this window, so one noisy sample does not flip a verdict. */
export const GATE_WINDOW_MS = 30_000;

export type MeanOf = (key: string, since: number) => number | undefined;

interface FailingRecord {
  since: number;
  evaluations: number;
}

export class ReleaseGates {
  private readonly passing = new Map<string, number>();
  /** Per release and ring: since when, and for how many evaluations, it has failed. */
  private readonly failing = new Map<string, FailingRecord>();

  evaluate(
    deployments: EndpointDeployments[],
    catalog: ConsoleSeries[],
    mean: MeanOf,
    now: number,
  ): ReleaseStatus[] {
    const out: ReleaseStatus[] = [];
    const seen = new Set<string>();
    for (const { endpointId, services } of deployments) {
      for (const service of services) {
        for (const env of service.environments) {
          const status = this.release(
            endpointId,
            service.id,
            service.name,
            env,
            catalog,
            mean,
            now,
          );
          if (status) out.push(this.withFailing(status, now, seen));
        }
      }
    }
    for (const id of this.failing.keys()) if (!seen.has(id)) this.failing.delete(id);
    return out;
  }

  private withFailing(status: ReleaseStatus, now: number, seen: Set<string>): ReleaseStatus {
    const id = `${status.endpointId}/${status.service}/${status.environment}/${status.ring.id}/${status.version}`;
    const worse = status.gates.filter((gate) => gate.verdict === 'worse');
    if (worse.length === 0) return status;
    seen.add(id);
    const record = this.failing.get(id);
    const next = record
      ? { since: record.since, evaluations: record.evaluations + 1 }
      : { since: now, evaluations: 1 };
    this.failing.set(id, next);
    return { ...status, failing: { gates: worse.map(describeFailure), ...next } };
  }

  private release(
    endpointId: string,
    service: string,
    serviceName: string,
    env: EnvironmentState,
    catalog: ConsoleSeries[],
    mean: MeanOf,
    now: number,
  ): ReleaseStatus | undefined {
    const rings = env.rings ?? [];
    const everyone = rings.at(-1);
    if (!everyone) return undefined;
    const baselineVersion = everyone.version;
    const reached = rings.filter((r) => r.version !== baselineVersion);
    const ring = reached.at(-1);
    if (!ring) return undefined;
    const nextRing = rings[rings.indexOf(ring) + 1];
    const series = catalog.filter((s) => s.endpointId === endpointId && s.service === service);
    const gates = series
      .filter(
        (s) =>
          s.thresholds?.tolerance !== undefined &&
          s.attributes?.ring === ring.id &&
          s.attributes.version === ring.version,
      )
      .map((s) =>
        this.gate(
          s,
          baselineFor(s, series, baselineVersion),
          mean,
          now,
          // The version too: a new version in the ring has passed nothing yet.
          `${endpointId}/${service}/${env.id}/${ring.id}/${ring.version}`,
        ),
      );
    return {
      endpointId,
      service,
      serviceName,
      environment: env.id,
      version: ring.version,
      baselineVersion,
      rings,
      ring,
      ...(nextRing ? { nextRing } : {}),
      gates,
      promote: promotion(ring, nextRing, gates, now),
    };
  }

  private gate(
    release: ConsoleSeries,
    baseline: ConsoleSeries | undefined,
    mean: MeanOf,
    now: number,
    scope: string,
  ): ReleaseGate {
    const thresholds = release.thresholds as NonNullable<ConsoleSeries['thresholds']>;
    const tolerance = thresholds.tolerance ?? 0;
    const releaseValue = mean(release.key, now - GATE_WINDOW_MS);
    const baselineValue = baseline ? mean(baseline.key, now - GATE_WINDOW_MS) : undefined;
    const difference =
      releaseValue === undefined || baselineValue === undefined
        ? undefined
        : (releaseValue - baselineValue) / Math.max(Math.abs(baselineValue), 1e-9);
    const verdict = judge(difference, tolerance, thresholds.direction);
    const id = `${scope}/${release.attributes?.metric ?? release.id}`;
    if (verdict === 'worse' || verdict === 'nodata') this.passing.delete(id);
    else if (!this.passing.has(id)) this.passing.set(id, now);
    const passingSince = this.passing.get(id);
    return {
      metric: release.attributes?.metric ?? release.id,
      title: release.title,
      unit: release.unit,
      releaseKey: release.key,
      ...(baseline ? { baselineKey: baseline.key } : {}),
      ...(releaseValue === undefined ? {} : { releaseValue }),
      ...(baselineValue === undefined ? {} : { baselineValue }),
      ...(difference === undefined ? {} : { difference }),
      tolerance,
      direction: thresholds.direction,
      verdict,
      ...(passingSince === undefined ? {} : { passingSince }),
    };
  }
}

function baselineFor(
  release: ConsoleSeries,
  series: ConsoleSeries[],
  version: string,
): ConsoleSeries | undefined {
  const metric = release.attributes?.metric;
  return series.find(
    (s) =>
      s.attributes?.baseline === 'true' &&
      s.attributes.metric === metric &&
      s.attributes.version === version,
  );
}

/** `above`: higher is worse (errors, latency); `below`: lower is worse (conversions). */
export function judge(
  difference: number | undefined,
  tolerance: number,
  direction: 'above' | 'below',
): GateVerdict {
  if (difference === undefined) return 'nodata';
  const worse = direction === 'above' ? difference : -difference;
  if (worse > tolerance) return 'worse';
  if (worse < -tolerance) return 'better';
  return 'same';
}

function promotion(
  ring: Ring,
  next: Ring | undefined,
  gates: ReleaseGate[],
  now: number,
): ReleaseStatus['promote'] {
  if (!next) return { allowed: false, reason: BLOCKER.everyRing };
  if (ring.status === 'halted') return { allowed: false, reason: BLOCKER.halted(ring.name) };
  if (gates.length === 0)
    return {
      allowed: false,
      reason: `no gate metrics for ${ring.name}: nothing proves it healthy`,
    };
  const failing = gates.filter((g) => g.verdict === 'worse' || g.verdict === 'nodata');
  if (failing.length) return { allowed: false, reason: failing.map(describeFailure).join('; ') };
  const since = Math.max(ring.since ?? 0, ...gates.map((g) => g.passingSince ?? now));
  const readyAt = since + (ring.minSoakMs ?? 0);
  if (now < readyAt) {
    return {
      allowed: false,
      reason: `soaking in ${ring.name}: ${Math.ceil((readyAt - now) / 1000)} s left`,
      readyAt,
    };
  }
  return { allowed: true, readyAt };
}

export function describeFailure(gate: ReleaseGate): string {
  if (gate.verdict === 'nodata') return `${gate.title}: no data to compare`;
  const pct = Math.round((gate.difference ?? 0) * 100);
  return `${gate.title} worse than baseline (${pct > 0 ? '+' : ''}${pct}% vs tolerance ${Math.round(gate.tolerance * 100)}%)`;
}
