// Two rows. First what an operator glances at: the verdict, active alerts,
// deploys in flight and the time. Then every link's health and the console's
// own controls. Kiosk mode keeps what informs and drops what is operated.
import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import { useConsoleStore, type ConsoleStore } from '../../store/console-store';
import { memoSelector } from '../../store/memo-selector';
import { AlertsCount } from './alerts-count';
import { ArrangeToggle } from './arrange-toggle';
import { BridgeBadge } from './bridge-badge';
import { DeploysInFlight } from './deploys-in-flight';
import { EndpointBadge } from './endpoint-badge';
import { OverallStatus } from './overall-status';
import { PlaylistControl } from './playlist-control';
import { ProfileMarker } from './profile-marker';
import { SnapshotExportControl } from '../../features/snapshots';
import { SnapshotOpenControl } from '../../features/snapshots';
import { ThemeToggle } from './theme-toggle';
import { ViewSwitcher } from '../../ui/view-switcher';
import { WallClock } from './wall-clock';

/**
 * The endpoints' ids, listed again only when the endpoints change, and the
 * same list while the ids are: a link's status comes every second with its
 * counters, and each badge reads its own, so the header is not re-rendered
 * (nor the wall's verdict worked out again) for it.
 */
const selectEndpointIds = () =>
  memoSelector(
    [(store) => store.endpoints],
    (store: ConsoleStore) => store.endpoints.map((endpoint) => endpoint.id),
    shallow,
  );

export function WallHeader() {
  const endpointIds = useConsoleStore(useMemo(selectEndpointIds, []));
  const kiosk = useConsoleStore((store) => store.kiosk);
  // A snapshot under review is not the live console: it cannot be exported again.
  const reviewing = useConsoleStore((store) => store.review !== undefined);
  const canArrange = useConsoleStore(
    (store) => store.profile === 'operator' && store.view === 'wall' && !store.detailKey,
  );
  return (
    <header className="wall-header">
      <div className="wall-header__row">
        <h1 className="wall-header__title">Watchfloor</h1>
        {!kiosk && <ViewSwitcher />}
        <OverallStatus />
        <AlertsCount />
        <DeploysInFlight />
        <WallClock />
      </div>
      <div className="wall-header__row wall-header__row--links">
        <ProfileMarker />
        <div className="wall-header__links">
          <BridgeBadge />
          {endpointIds.map((id) => (
            <EndpointBadge key={id} endpointId={id} />
          ))}
        </div>
        {!kiosk && (
          <div className="wall-header__controls">
            {canArrange && <ArrangeToggle />}
            {!reviewing && <SnapshotExportControl />}
            <SnapshotOpenControl />
            <PlaylistControl />
            <ThemeToggle />
          </div>
        )}
      </div>
    </header>
  );
}
