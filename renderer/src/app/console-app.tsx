// The console's frame: notices, the header, then the chosen view, or a
// series' detail over it. There is no router: the store says what is shown.
import { ConnectingScreen, LoadingView } from './connecting-screen';
import { NoticeBanners } from './notice-banners';
import { usePlaylistRotation } from './playlist-rotation';
import { useStagedMount } from './staged-mount';
import { ReviewPanel } from '../features/review';
import { SnapshotOpenError } from '../features/snapshots';
import { WallHeader } from './header/wall-header';
import { useConsoleStore } from '../store/console-store';
import type { ConsoleView } from '../store/view-slice';
import { Notice } from '../ui/notice';
import { ActionsView } from '../features/actions';
import { AlertsView } from '../features/alerts';
import { ConnectionsView } from '../features/connections';
import { DeploymentsView } from '../features/deployments';
import { DetailView } from '../features/detail';
import { ReleasesView } from '../features/releases';
import { WallView } from '../features/wall';

/** Says that a settings change (layout, theme, playlist) was not saved, and why. */
function SettingsError() {
  const error = useConsoleStore((store) => store.settingsError);
  const dismiss = useConsoleStore((store) => store.dismissSettingsError);
  if (!error) return null;
  return <Notice text={error} testId="settings-error" onDismiss={dismiss} />;
}

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

/** The frame (notices, header), then the view: each mounted in a task of its own. */
const STAGES = 2;

export function ConsoleApp() {
  const loaded = useConsoleStore((store) => store.loaded);
  const stage = useStagedMount(loaded, STAGES);
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
      {stage > 0 ? (
        <>
          <NoticeBanners />
          <SettingsError />
          <SnapshotOpenError />
          <ReviewPanel />
          <WallHeader />
          {stage < STAGES ? (
            <LoadingView />
          ) : detailKey === undefined ? (
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
