// An environment's feature flags: one column per ring (in rollout order, the
// last one everyone), each cell a switch that shows the flag's state there
// and, on hover or focus, what a click will do ("Turn on for beta (5 % of
// users)"); a click opens the flag.set confirmation, which previews the change
// before it happens. A separate "All rings…" action sets every ring at once;
// no second column means everyone.
import { useId } from 'react';
import type { EnvironmentState, Flag, Ring } from '../../../../shared/protocol';
import { useActionGate } from '../actions';
import { ActionLauncher } from '../actions';
import { flagOnIn } from '../../../../shared/rules/ring-rollout';
import { flagSwitchWords, ringHeading } from './flag-switch-words';

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
            {rings.length === 0 ? (
              <th scope="col">Everyone</th>
            ) : (
              rings.map((ring) => (
                <th scope="col" key={ring.id} data-testid="flag-ring-column" data-ring={ring.id}>
                  {ringHeading(ring)}
                </th>
              ))
            )}
            {!gate.hidden && (
              <th scope="col">
                <span className="visually-hidden">Every ring at once</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {flags.map((flag) => (
            <FlagRow
              key={flag.id}
              flag={flag}
              rings={rings}
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
  rings: Ring[];
  endpointId: string;
  serviceId: string;
  env: EnvironmentState;
  readOnly: boolean;
}

function FlagRow({ flag, rings, endpointId, serviceId, env, readOnly }: FlagRowProps) {
  const target = { service: serviceId, environment: env.id, flag: flag.id };
  const everyoneOn = flagOnIn(flag.enabled, '*');
  return (
    <tr data-testid="board-flag" data-flag={flag.id}>
      <th scope="row">{flag.name ? `${flag.name} (${flag.id})` : flag.id}</th>
      {rings.length === 0 ? (
        <td data-ring="*" data-enabled={word(everyoneOn)}>
          <FlagSwitch
            endpointId={endpointId}
            flag={flag}
            on={everyoneOn}
            target={target}
            readOnly={readOnly}
          />
        </td>
      ) : (
        rings.map((ring) => {
          const on = flagOnIn(flag.enabled, ring.id);
          return (
            <td key={ring.id} data-ring={ring.id} data-enabled={word(on)}>
              <FlagSwitch
                endpointId={endpointId}
                flag={flag}
                ring={ring}
                on={on}
                target={target}
                readOnly={readOnly}
              />
            </td>
          );
        })
      )}
      {!readOnly && (
        <td>
          {/* Every ring at once: opens turning it off, the safer default; the dialog can turn it on. */}
          <ActionLauncher
            endpointId={endpointId}
            call={{ action: 'flag.set', args: { ...target, enabled: false } }}
            className="button button--small"
            ariaLabel={`Set ${flag.id} for all rings at once`}
            caption="title"
            testId="flag-all-rings"
          >
            All rings…
          </ActionLauncher>
        </td>
      )}
    </tr>
  );
}

interface FlagSwitchProps {
  endpointId: string;
  flag: Flag;
  ring?: Ring;
  on: boolean;
  target: { service: string; environment: string; flag: string };
  readOnly: boolean;
}

function FlagSwitch({ endpointId, flag, ring, on, target, readOnly }: FlagSwitchProps) {
  const hintId = useId();
  const state = word(on);
  if (readOnly) return <span className={`board-flag board-flag--${state}`}>{state}</span>;
  const words = flagSwitchWords(flag.id, on, ring);
  return (
    <span className="board-flag__switch">
      <ActionLauncher
        endpointId={endpointId}
        call={{
          action: 'flag.set',
          args: { ...target, enabled: !on, ...(ring ? { ring: ring.id } : {}) },
        }}
        className={`button button--small board-flag board-flag--${state}`}
        ariaLabel={words.label}
        caption="title"
        testId="flag-toggle"
        switchOn={on}
        describedBy={hintId}
      >
        {state}
      </ActionLauncher>
      <span className="board-flag__hint" id={hintId} role="tooltip" data-testid="flag-hint">
        {words.hint}
      </span>
    </span>
  );
}
