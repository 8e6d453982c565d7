// The console's frame: notices, the header, then the chosen view, or a
// series' detail over it. There is no router: the store says what is shown.
import { ConnectingScreen } from './components/connecting-screen';
import { NoticeBanners } from './components/notice-banners';
import { usePlaylistRotation } from './components/playlist-rotation';
import { ReviewPanel } from './components/review-panel';
import { SettingsError } from './components/settings-error';
import { SnapshotOpenError } from './components/snapshot-open-error';
import { WallHeader } from './components/wall-header';
import { useConsoleStore } from './store/console-store';
import type { ConsoleView } from './store/view-slice';
import { ActionsView } from './views/actions-view';
import { AlertsView } from './views/alerts-view';
import { ConnectionsView } from './views/connections-view';
import { DeploymentsView } from './views/deployments-view';
import { DetailView } from './views/detail-view';
import { ReleasesView } from './views/releases-view';
import { WallView } from './views/wall-view';

function CurrentView({ view }: { view: ConsoleView }) {
  switch (view) {
    case 'wall':
      return <WallView />;
    case 'alerts':
      return <AlertsView />;
    case 'deployments':
      return <DeploymentsView />;
    case 'releases':
      return <ReleasesView />;
    case 'actions':
      return <ActionsView />;
    case 'connections':
      return <ConnectionsView />;
  }
}

export function ConsoleApp() {
  const loaded = useConsoleStore((store) => store.loaded);
  const view = useConsoleStore((store) => store.view);
  const detailKey = useConsoleStore((store) => store.detailKey);
  const kiosk = useConsoleStore((store) => store.kiosk);
  const reviewing = useConsoleStore((store) => store.review !== undefined);
  usePlaylistRotation();
  const classes = ['console', kiosk ? 'console--kiosk' : '', reviewing ? 'console--review' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-view={view}
      data-review={reviewing ? 'true' : undefined}
    >
      {loaded ? (
        <>
          <NoticeBanners />
          <SettingsError />
          <SnapshotOpenError />
          <ReviewPanel />
          <WallHeader />
          {detailKey === undefined ? (
            <CurrentView view={view} />
          ) : (
            <DetailView seriesKey={detailKey} />
          )}
        </>
      ) : (
        <ConnectingScreen />
      )}
    </div>
  );
}
