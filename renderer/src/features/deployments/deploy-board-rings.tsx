// An environment's rings of users in rollout order: who is in each (share of
// all users, counted up to and including the ring), the version each runs,
// and on the ring the release is active in, Promote and Halt.
import type { EnvironmentState, Ring } from '../../../../shared/protocol';
import { ActionLauncher } from '../actions';
import { useReleaseGate } from '../actions';
import { formatClock } from '../../ui/clock-format';
import { percent, rolloutOf } from '../../../../shared/rules/ring-rollout';

interface RingsProps {
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
}

export function DeployBoardRings({ endpointId, serviceId, env }: RingsProps) {
  const rings = env.rings ?? [];
  if (rings.length === 0) return null;
  const rollout = rolloutOf(env);
  return (
    <section className="board-section" aria-label={`Rings of ${serviceId} ${env.id}`}>
      <h4 className="board-section__title">
        Rings
        {rollout.release && (
          <span className="board-muted">
            {' '}
            · {rollout.release} rolling out over {rollout.baseline}
          </span>
        )}
      </h4>
      <table className="board-table" data-testid="board-rings">
        <caption className="visually-hidden">
          Rings of {serviceId} in {env.id}, in rollout order
        </caption>
        <thead>
          <tr>
            <th scope="col">Ring</th>
            <th scope="col">Users</th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rings.map((ring) => (
            <RingRow
              key={ring.id}
              ring={ring}
              current={ring === rollout.current}
              endpointId={endpointId}
              serviceId={serviceId}
              env={env}
              release={rollout.release}
              next={rollout.later[0]?.id}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface RingRowProps {
  ring: Ring;
  current: boolean;
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
  release: string | undefined;
  /** Where a promotion goes by default: named in the request, so it goes nowhere else. */
  next: string | undefined;
}

function RingRow({ ring, current, endpointId, serviceId, env, release, next }: RingRowProps) {
  const target = { service: serviceId, environment: env.id };
  const gate = useReleaseGate(endpointId, serviceId, env.id);
  const versioned = release ? { version: release } : {};
  return (
    <tr
      className={current ? 'board-ring board-ring--current' : 'board-ring'}
      data-testid="board-ring"
      data-ring={ring.id}
      data-version={ring.version}
      data-status={ring.status ?? ''}
    >
      <th scope="row">
        {ring.name} <span className="board-muted">({ring.id})</span>
      </th>
      <td>
        <span className="board-share" aria-hidden="true">
          <span className="board-share__fill" style={{ width: percent(ring.share) }} />
        </span>
        {percent(ring.share)}
      </td>
      <td className="board-ring__version">{ring.version}</td>
      <td>
        {ring.status ?? ''}
        {ring.since !== undefined && current && (
          <span className="board-muted"> since {formatClock(ring.since)}</span>
        )}
        {current && (
          <span className="board-actions">
            <ActionLauncher
              endpointId={endpointId}
              call={{
                action: 'ring.promote',
                args: { ...target, ...versioned, ...(next ? { toRing: next } : {}) },
              }}
              ariaLabel={`Promote ${release ?? ''} from ${ring.id}`}
              testId="ring-promote"
            >
              Promote
            </ActionLauncher>
            <ActionLauncher
              endpointId={endpointId}
              call={{ action: 'ring.halt', args: { ...target, ...versioned } }}
              ariaLabel={`Halt ${release ?? ''} in ${ring.id}`}
              unavailable={ring.status === 'halted' ? `Halted in ${ring.id}` : undefined}
              testId="ring-halt"
            >
              Halt
            </ActionLauncher>
            {gate && (
              <span className="board-muted" data-testid="ring-gates">
                {gate.allowed ? 'gates pass' : `gates: ${gate.reason ?? 'not passing'}`}
              </span>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}
