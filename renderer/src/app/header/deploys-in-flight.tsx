// Environments that are deploying or rolling back right now, from deployments.
// The header's lowest priority: it says less, then nothing, when room is short.
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFirstThatFits } from './first-that-fits';
import { useConsoleStore } from '../../store/console-store';

const IN_FLIGHT = new Set(['deploying', 'rolling-back']);

export function DeploysInFlight() {
  const flights = useConsoleStore(
    useShallow((store) =>
      store.deployments.flatMap(({ services }) =>
        services.flatMap((service) =>
          service.environments
            .filter((environment) => IN_FLIGHT.has(environment.status))
            .map((environment) => `${service.name} ${environment.id} ${environment.status}`),
        ),
      ),
    ),
  );
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
