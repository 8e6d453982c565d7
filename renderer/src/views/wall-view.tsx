// The NOC wall: header, deployments, then the business, service and technical bands.
import { DeploymentsStrip } from '../components/deployments-strip';
import { WallBands } from '../components/wall-bands';
import { WallHeader } from '../components/wall-header';
import { useConsoleStore } from '../store/console-store';

function Connecting() {
  const connection = useConsoleStore((store) => store.connection);
  const loadError = useConsoleStore((store) => store.loadError);
  return (
    <div className="wall__connecting" role="status">
      <p className="wall__connecting-title">Connecting…</p>
      {connection === 'lost' && <p>The console host is not answering; retrying.</p>}
      {loadError && <p className="wall__connecting-error">{loadError}</p>}
    </div>
  );
}

export function WallView() {
  const loaded = useConsoleStore((store) => store.loaded);
  return (
    <main className="wall" data-testid="wall">
      {loaded ? (
        <>
          <WallHeader />
          <DeploymentsStrip />
          <WallBands />
        </>
      ) : (
        <Connecting />
      )}
    </main>
  );
}
