// The NOC wall: deployments, then the business, service and technical bands.
import { DeploymentsStrip } from './deployments-strip';
import { WallBands } from './wall-bands';

export function WallView() {
  return (
    <main className="wall" data-testid="wall">
      <DeploymentsStrip />
      <WallBands />
    </main>
  );
}
