// Name, overall verdict, every link's health and the time.
import { useConsoleStore } from '../store/console-store';
import { BridgeBadge } from './bridge-badge';
import { EndpointBadge } from './endpoint-badge';
import { OverallStatus } from './overall-status';
import { WallClock } from './wall-clock';

export function WallHeader() {
  const endpoints = useConsoleStore((store) => store.endpoints);
  return (
    <header className="wall-header">
      <h1 className="wall-header__title">Watchfloor</h1>
      <OverallStatus />
      <div className="wall-header__links">
        <BridgeBadge />
        {endpoints.map((endpoint) => (
          <EndpointBadge key={endpoint.id} endpoint={endpoint} />
        ))}
      </div>
      <WallClock />
    </header>
  );
}
