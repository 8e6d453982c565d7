// An environment's feature flags, on or off per ring and for everyone; each
// switch opens the flag.set confirmation for that ring (or for everyone).
import type { EnvironmentState, Flag } from '../../../../shared/protocol';
import { useActionGate } from '../actions';
import { ActionLauncher } from '../actions';
import { flagOnIn } from '../../../../shared/rules/ring-rollout';

interface FlagsProps {
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
}

const word = (on: boolean) => (on ? 'on' : 'off');

export function DeployBoardFlags({ endpointId, serviceId, env }: FlagsProps) {
  const flags = env.flags ?? [];
  const gate = useActionGate('flag.set', { endpointId, service: serviceId, environment: env.id });
  if (flags.length === 0) return null;
  const rings = env.rings ?? [];
  return (
    <section className="board-section" aria-label={`Flags of ${serviceId} ${env.id}`}>
      <h4 className="board-section__title">Feature flags</h4>
      <table className="board-table" data-testid="board-flags">
        <caption className="visually-hidden">
          Feature flags of {serviceId} in {env.id}, per ring
        </caption>
        <thead>
          <tr>
            <th scope="col">Flag</th>
            <th scope="col">Everyone</th>
            {rings.map((ring) => (
              <th scope="col" key={ring.id}>
                {ring.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {flags.map((flag) => (
            <FlagRow
              key={flag.id}
              flag={flag}
              rings={rings.map((ring) => ring.id)}
              endpointId={endpointId}
              serviceId={serviceId}
              env={env}
              readOnly={gate.hidden}
            />
          ))}
        </tbody>
      </table>
      {gate.blocker && (
        <p className="action-launcher__blocker" data-testid="action-blocker">
          Flags cannot change now: {gate.blocker}
        </p>
      )}
    </section>
  );
}

interface FlagRowProps {
  flag: Flag;
  rings: string[];
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
  readOnly: boolean;
}

function FlagRow({ flag, rings, endpointId, serviceId, env, readOnly }: FlagRowProps) {
  const everyone = Object.values(flag.enabled).every(Boolean)
    ? true
    : Object.values(flag.enabled).every((on) => !on)
      ? false
      : undefined;
  const cell = (ring: string | undefined, on: boolean | undefined) => {
    const scope = ring ? `for ${ring}` : 'for everyone';
    const text = on === undefined ? 'mixed' : word(on);
    const state = on === undefined ? 'mixed' : word(on);
    // Mixed turns off for everyone by default: the safer way out of a bad flag.
    const next = on === undefined ? false : !on;
    if (readOnly) {
      return <span className={`board-flag board-flag--${state}`}>{text}</span>;
    }
    return (
      <ActionLauncher
        endpointId={endpointId}
        call={{
          action: 'flag.set',
          args: {
            service: serviceId,
            environment: env.id,
            flag: flag.id,
            enabled: next,
            ...(ring ? { ring } : {}),
          },
        }}
        className={`button button--small board-flag board-flag--${state}`}
        ariaLabel={`${flag.id} is ${text} ${scope}: turn it ${word(next)}`}
        caption="title"
        testId="flag-toggle"
      >
        {text}
      </ActionLauncher>
    );
  };
  return (
    <tr data-testid="board-flag" data-flag={flag.id}>
      <th scope="row">{flag.name ? `${flag.name} (${flag.id})` : flag.id}</th>
      <td data-ring="*">{cell(undefined, everyone)}</td>
      {rings.map((ring) => (
        <td key={ring} data-ring={ring} data-enabled={word(flagOnIn(flag.enabled, ring))}>
          {cell(ring, flagOnIn(flag.enabled, ring))}
        </td>
      ))}
    </tr>
  );
}
