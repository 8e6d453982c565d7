// Environments that are deploying or rolling back right now, from deployments,
// and every action in flight, whichever console (or tool) took it, with who
// took it: "Billing API production rolling-back (ana)". The header's lowest
// priority: it says less, then nothing, when room is short.
import { useMemo, useRef } from 'react';
import { shallow } from 'zustand/shallow';
import type { ActionRecord } from '../../../../shared/api/actions';
import type { EndpointDeployments } from '../../../../shared/api/console-state';
import { isActionInFlight } from '../../../../shared/rules/action-states';
import { useFirstThatFits } from './first-that-fits';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { memoSelector } from '../../store/memo-selector';

const IN_FLIGHT = new Set(['deploying', 'rolling-back']);

/** One line per environment in flight, and per action in flight on a calm environment. */
export function flightsOf(deployments: EndpointDeployments[], actions: ActionRecord[]): string[] {
  const running = actions.filter((record) => isActionInFlight(record.state));
  const by = (endpointId: string, service: string, environment: string) =>
    running.filter(
      (r) =>
        r.endpointId === endpointId &&
        r.args.service === service &&
        r.args.environment === environment,
    );
  const covered = new Set<string>();
  const lines = deployments.flatMap(({ endpointId, services }) =>
    services.flatMap((service) =>
      service.environments
        .filter((environment) => IN_FLIGHT.has(environment.status))
        .map((environment) => {
          const who = by(endpointId, service.id, environment.id);
          for (const record of who) covered.add(record.key);
          const names = who.map((record) => record.operator).join(', ');
          return `${service.name} ${environment.id} ${environment.status}${names ? ` (${names})` : ''}`;
        }),
    ),
  );
  const rest = running
    .filter((record) => !covered.has(record.key))
    .map(
      (record) =>
        `${record.args.service} ${record.args.environment} ${record.action} ${record.state} (${record.operator})`,
    );
  return [...lines, ...rest];
}

/** Worked out again only when deployments or actions change, not on every delta. */
const selectFlights = () =>
  memoSelector(
    [(store) => store.deployments, (store) => store.actions],
    (store: ConsoleStore) => flightsOf(store.deployments, Object.values(store.actions)),
    shallow,
  );

export function DeploysInFlight() {
  const flights = useConsoleStore(useMemo(selectFlights, []));
  const count = flights.length;
  const ref = useRef<HTMLDivElement>(null);
  const deploys = `${count} deploy${count === 1 ? '' : 's'}`;
  const texts =
    count === 0
      ? ['no deploys in flight', 'no deploys', '']
      : [`${deploys} in flight: ${flights.join(', ')}`, `${deploys} in flight`, deploys];
  const text = texts[useFirstThatFits(ref, texts)] ?? '';
  return (
    <div
      ref={ref}
      className={`deploys-in-flight${count ? ' deploys-in-flight--busy' : ''}`}
      data-testid="deploys-in-flight"
      data-count={count}
      title={flights.join('\n') || 'No deployment is running'}
    >
      {text && <span aria-hidden="true">{count ? '↻ ' : '◦ '}</span>}
      {text}
    </div>
  );
}
