// A failing ring is an alert of its own: critical, fired at once (the gates
// already average over their window and judge against a tolerance), with
// "Halt this ring" and "Roll back" as its procedures. One alert per release
// and ring; it resolves when the ring's gates are back within tolerance or the
// release leaves the ring (rolled back, patched). A halted ring still fails:
// its users keep the bad build until it is rolled back.
import type { Alert, AlertTransition } from '../../../shared/api/alerts';
import type { ReleaseStatus } from '../../../shared/api/releases';
import type { Procedure } from '../../../shared/protocol';

export interface ReleaseAlertSink {
  /** A fresh alert id. */
  nextId(): string;
  record(alert: Alert, transition: AlertTransition): void;
  resolve(alert: Alert, at: number, note: string): void;
}

const releaseId = (r: ReleaseStatus): string =>
  `${r.endpointId}/${r.service}/${r.environment}/${r.ring.id}/${r.version}`;

export function releaseProcedures(release: ReleaseStatus): Procedure[] {
  const target = { service: release.service, environment: release.environment };
  return [
    {
      when: 'critical',
      title: `Halt this ring (${release.ring.name})`,
      action: 'ring.halt',
      args: { ...target, version: release.version },
    },
    {
      when: 'critical',
      title: `Roll back to ${release.baselineVersion}`,
      action: 'deploy.rollback',
      args: { ...target, toVersion: release.baselineVersion },
    },
  ];
}

/** "Web app 5.9.0 failing in Beta customers: Failed requests worse than baseline (+120% vs tolerance 50%)". */
export const failingTitle = (release: ReleaseStatus): string =>
  `${release.serviceName} ${release.version} failing in ${release.ring.name}: ${(release.failing?.gates ?? []).join('; ')}`;

export class ReleaseAlerts {
  private readonly open = new Map<string, Alert>();

  constructor(private readonly sink: ReleaseAlertSink) {}

  update(releases: ReleaseStatus[], now: number): void {
    const failing = new Map(releases.filter((r) => r.failing).map((r) => [releaseId(r), r]));
    for (const [id, alert] of this.open) {
      // Its title keeps the values it fired with; the Releases view shows them live.
      if (failing.has(id)) continue;
      this.open.delete(id);
      this.sink.resolve(
        alert,
        now,
        releaseGone(id, releases) ? 'release left the ring' : 'gates back within tolerance',
      );
    }
    for (const [id, release] of failing) if (!this.open.has(id)) this.fire(id, release, now);
  }

  alerts(): Alert[] {
    return [...this.open.values()];
  }

  private fire(id: string, release: ReleaseStatus, now: number): void {
    const gate = release.gates.find((g) => g.verdict === 'worse');
    const alert: Alert = {
      id: this.sink.nextId(),
      seriesKey: gate?.releaseKey ?? `${release.endpointId}/`,
      endpointId: release.endpointId,
      title: failingTitle(release),
      severity: 'critical',
      state: 'firing',
      since: release.failing?.since ?? now,
      firedAt: now,
      service: release.service,
      version: release.version,
      procedures: releaseProcedures(release),
      ...(gate?.releaseValue === undefined ? {} : { value: gate.releaseValue }),
    };
    this.open.set(id, alert);
    const note = `ring failing: ${(release.failing?.gates ?? []).join('; ')}`;
    this.sink.record(alert, { at: now, alertId: alert.id, state: 'firing', note });
  }
}

const releaseGone = (id: string, releases: ReleaseStatus[]): boolean =>
  !releases.some((r) => releaseId(r) === id);
