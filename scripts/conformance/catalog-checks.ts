// §4 metric catalog: a whole catalog first, valid entries, unique ids, and
// references (procedures, services) the console can follow.
import type { SeriesInfo, ServiceState } from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import { describeFrame } from './frame-check';
import { params, type KitSession } from './kit-session';

/** The console keeps at most this many series per endpoint (§4). */
const CONSOLE_SERIES_CAP = 5_000;

export function checkCatalog(session: KitSession, list: CheckList, services: ServiceState[]): void {
  const frames = session.notifications('catalog');
  if (!session.roles.includes('metrics')) {
    list.skip('§4 the catalog', 'the endpoint does not announce the metrics role');
    list.advise(
      '§1 an endpoint without the metrics role sends no catalog',
      frames.length === 0 ? undefined : `${frames.length} catalog frame(s)`,
    );
    return;
  }
  const bad = frames.filter((f) => f.schema.length > 0);
  list.expect(
    '§4 every catalog frame matches CatalogNotification',
    bad[0] ? `${bad.length} invalid: ${describeFrame(bad[0])}` : undefined,
    `${frames.length} frame(s)`,
  );
  const first = frames[0];
  const firstParams = first ? params<{ replace?: boolean }>(first) : undefined;
  list.expect(
    '§3/§4 the first catalog says replace: true (the whole catalog)',
    !first
      ? 'no catalog arrived'
      : firstParams?.replace === true
        ? undefined
        : 'replace is not true',
  );
  const series = latestCatalog(frames.filter((f) => f.schema.length === 0).map((f) => params(f)));
  const duplicates = series.map((s) => s.id).filter((id, i, all) => all.indexOf(id) !== i);
  list.expect(
    '§4 series ids are unique within the endpoint',
    duplicates.length === 0
      ? undefined
      : `repeated in one catalog: ${[...new Set(duplicates)].join(', ')}`,
    `${series.length} series`,
  );
  list.advise(
    `§4 at most ${CONSOLE_SERIES_CAP} series (the console ignores the rest)`,
    series.length <= CONSOLE_SERIES_CAP ? undefined : `${series.length} series`,
  );
  checkReferences(session, list, series, services);
}

/** The catalog as the console holds it: replace frames reset it, others add or update. */
export function latestCatalog(frames: { series: SeriesInfo[]; replace?: boolean }[]): SeriesInfo[] {
  const held = new Map<string, SeriesInfo>();
  const list: SeriesInfo[] = [];
  for (const frame of frames) {
    if (frame.replace) {
      held.clear();
      list.length = 0;
    }
    for (const info of frame.series) {
      if (!held.has(info.id) || frame.replace) list.push(info);
      held.set(info.id, info);
    }
  }
  return list;
}

function checkReferences(
  session: KitSession,
  list: CheckList,
  series: SeriesInfo[],
  services: ServiceState[],
): void {
  const offered = new Set<string>(session.actions);
  const orphanProcedures = series.flatMap((s) =>
    (s.procedures ?? []).filter((p) => !offered.has(p.action)).map((p) => `${s.id} → ${p.action}`),
  );
  list.advise(
    '§4 procedures name actions the endpoint announces',
    orphanProcedures.length === 0
      ? undefined
      : `not announced: ${orphanProcedures.slice(0, 5).join(', ')}`,
  );
  if (!session.roles.includes('deployments')) return;
  const known = new Set(services.map((s) => s.id));
  const orphans = series.filter((s) => s.service !== undefined && !known.has(s.service));
  list.advise(
    '§4 a series’ service is a service of the deployments',
    orphans.length === 0
      ? undefined
      : `unknown services: ${orphans
          .slice(0, 5)
          .map((s) => `${s.id} → ${s.service}`)
          .join(', ')}`,
  );
}
