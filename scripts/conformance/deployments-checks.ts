// §7 deployments: a snapshot after a plain hello, resourceVersions that only
// grow, and both ways of continuing after a reconnect (resumed, relist),
// including a version newer than the endpoint's, which must relist.
import type { DeploymentsChange, ServiceState } from '../../shared/protocol';

interface DeploymentsSnapshot {
  resourceVersion: number;
  services: ServiceState[];
}
import type { CheckList } from './conformance-report';
import { describeFrame, type CheckedFrame } from './frame-check';
import { parseHello, params, type KitSession } from './kit-session';
import type { ProbeSocket } from './probe-socket';

/** How long to wait for deployments frames after a hello. */
const SNAPSHOT_WAIT_MS = 5_000;
/** A resume point surely newer than anything the endpoint has sent. */
const AHEAD = 1_000_000_000;

export interface DeploymentsView {
  services: ServiceState[];
  version: number | undefined;
}

/** Applies snapshots and changes the way the console does. */
export function deploymentsOf(frames: CheckedFrame[]): DeploymentsView {
  let services: ServiceState[] = [];
  let version: number | undefined;
  for (const frame of frames) {
    if (frame.schema.length > 0) continue;
    if (frame.method === 'deployments.snapshot') {
      const snapshot = params<DeploymentsSnapshot>(frame);
      services = snapshot.services;
      version = snapshot.resourceVersion;
    } else if (frame.method === 'deployments.change') {
      const change = params<DeploymentsChange>(frame);
      if (version !== undefined && change.resourceVersion <= version) continue;
      version = change.resourceVersion;
      if ('removed' in change && change.removed) {
        services = services.filter((s) => s.id !== change.removed);
      } else if ('service' in change && change.service) {
        const next = change.service;
        const at = services.findIndex((s) => s.id === next.id);
        services = at < 0 ? [...services, next] : services.map((s, i) => (i === at ? next : s));
      }
    }
  }
  return { services, version };
}

export function checkDeploymentsFrames(session: KitSession, list: CheckList): DeploymentsView {
  const frames = session.notifications().filter((f) => f.method?.startsWith('deployments.'));
  if (!session.roles.includes('deployments')) {
    list.skip('§7 deployments', 'the endpoint does not announce the deployments role');
    list.expect(
      '§7 without the deployments role: no deployments in the hello, no deployment frames',
      session.hello?.deployments !== undefined
        ? `hello says deployments: ${session.hello.deployments}`
        : frames.length > 0
          ? `${frames.length} deployment frame(s)`
          : undefined,
    );
    return { services: [], version: undefined };
  }
  const bad = frames.filter((f) => f.schema.length > 0);
  list.expect(
    '§7 every deployments frame matches its schema',
    bad[0] ? `${bad.length} invalid: ${describeFrame(bad[0])}` : undefined,
    `${frames.length} frame(s)`,
  );
  list.expect(
    '§7 a hello without resume gets "relist" (or nothing) and a deployments.snapshot',
    session.hello?.deployments === 'resumed'
      ? 'the hello result says "resumed" though the console held nothing'
      : frames[0]?.method === 'deployments.snapshot'
        ? undefined
        : frames[0]
          ? `the first deployments frame is ${frames[0].method}`
          : 'no deployments.snapshot arrived',
  );
  list.expect('§7 resourceVersion increases with every change', versionProblem(frames));
  const view = deploymentsOf(frames);
  list.expect(
    '§7 service ids are unique, and environment ids within a service',
    idProblem(view.services),
  );
  return view;
}

function versionProblem(frames: CheckedFrame[]): string | undefined {
  let last: number | undefined;
  for (const frame of frames) {
    if (frame.schema.length > 0) continue;
    const { resourceVersion } = params<{ resourceVersion: number }>(frame);
    if (last !== undefined && frame.method === 'deployments.change' && resourceVersion <= last) {
      return `a change with resourceVersion ${resourceVersion} after ${last}`;
    }
    last = resourceVersion;
  }
  return undefined;
}

function idProblem(services: ServiceState[]): string | undefined {
  const repeated = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const service = repeated(services.map((s) => s.id));
  if (service) return `service ${service} appears twice`;
  for (const s of services) {
    const env = repeated(s.environments.map((e) => e.id));
    if (env) return `service ${s.id} has environment ${env} twice`;
  }
  return undefined;
}

/** Reconnects with the version held, then with one from the future. Returns an open observer. */
export async function checkResume(
  session: KitSession,
  list: CheckList,
  view: DeploymentsView,
): Promise<ProbeSocket | undefined> {
  const resumeRule =
    '§7 a hello with the held resourceVersion is resumed (changes after it only) or relisted';
  const aheadRule =
    '§7 a hello with a resourceVersion newer than the endpoint’s gets "relist" and a snapshot';
  if (!session.roles.includes('deployments')) return session.connected();
  if (view.version === undefined) {
    list.skip(resumeRule, 'no resourceVersion was received to resume from');
    list.skip(aheadRule, 'no resourceVersion was received');
    return session.connected();
  }
  const [held, ahead] = await Promise.all([
    reconnect(session, view.version),
    reconnect(session, view.version + AHEAD),
  ]);
  list.expect(resumeRule, held.problem, held.how);
  list.expect(
    aheadRule,
    ahead.problem ?? (ahead.how?.startsWith('resumed') ? `answered ${ahead.how}` : undefined),
    ahead.how,
  );
  if (ahead.probe) await ahead.probe.close();
  return held.probe;
}

async function reconnect(
  session: KitSession,
  version: number,
): Promise<{ probe?: ProbeSocket; problem?: string; how?: string }> {
  const dialed = await session.dial();
  if (!dialed.ok) return { problem: `could not connect: ${dialed.error}` };
  const probe = dialed.probe;
  const reply = await probe.hello({ deploymentsVersion: version });
  const hello = reply.ok ? parseHello(reply.result) : undefined;
  if (!reply.ok || !hello) {
    return { probe, problem: reply.ok ? 'the hello result is invalid' : reply.why };
  }
  const deploymentsFrames = () => probe.frames.filter((f) => f.method?.startsWith('deployments.'));
  if (hello.deployments === 'resumed') {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const frames = deploymentsFrames();
    const snapshot = frames.find((f) => f.method === 'deployments.snapshot');
    const stale = frames
      .filter((f) => f.method === 'deployments.change' && f.schema.length === 0)
      .map((f) => params<{ resourceVersion: number }>(f).resourceVersion)
      .filter((v) => v <= version);
    const problem = snapshot
      ? 'answered "resumed" but sent a deployments.snapshot'
      : stale.length > 0
        ? `answered "resumed" but sent changes at or below ${version}: ${stale.join(', ')}`
        : undefined;
    return { probe, problem, how: `resumed, ${frames.length} change(s) followed` };
  }
  const snapshot = await probe.waitFor(
    (f) => f.method === 'deployments.snapshot',
    SNAPSHOT_WAIT_MS,
  );
  return {
    probe,
    problem: snapshot
      ? undefined
      : `answered "${hello.deployments ?? 'relist'}" but sent no snapshot`,
    how: `relist (${hello.deployments ?? 'absent'}), snapshot followed`,
  };
}
