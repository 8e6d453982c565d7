// The three bands, in level order, sized together so the wall never scrolls.
// Which tiles each band holds, and in which order, comes from the layout. A
// wall with more series than fit readably (wall-pages.ts) is shown a page at
// a time, alerting series first, with a search; only that page's tiles (and
// charts) exist.
import { useEffect, useMemo, useRef, useState } from 'react';
import { LEVELS, type Level } from '../../../../shared/protocol';
import type { ConsoleSeries } from '../../../../shared/api/series';
import { useConsoleStore } from '../../store/console-store';
import { arrangeBands, type BandKeys } from './wall-arrangement';
import { useElementSize } from '../../ui/element-size';
import { LevelBand } from './level-band';
import { fitTileGrid } from './tile-grid-layout';
import { titleParts, type TitleParts } from './title-parts';
import { useAlerting } from './wall-alerting';
import { PAGE_TILES, mountMore, pageWall } from './wall-pages';
import { WallPager } from './wall-pager';

/** Matches --gap in tiles.css at 1080p; only steers the column choice. */
const GAP_PX = 8;

type Counts = Record<Level, number>;

const countOf = (bands: BandKeys) => LEVELS.reduce((sum, level) => sum + bands[level].length, 0);

/**
 * The bands to show (hidden tiles only while arranging) and how many each hides.
 * Selected as whole references and arranged once here, not per band per delta:
 * at the series cap, sorting 5,000 keys three times for every delta was the cost.
 */
function useArrangedBands(): { bands: BandKeys; hidden: Counts } {
  const series = useConsoleStore((store) => store.series);
  const layout = useConsoleStore((store) => store.settings.layout);
  const arranging = useConsoleStore((store) => store.arranging);
  const arranged = useMemo(() => arrangeBands(series, layout), [series, layout]);
  return useMemo(() => {
    const hiddenKeys = new Set(layout.hidden);
    const bands: BandKeys = { business: [], service: [], technical: [] };
    const hidden: Counts = { business: 0, service: 0, technical: 0 };
    for (const level of LEVELS) {
      for (const key of arranged[level]) {
        const isHidden = hiddenKeys.has(key);
        if (isHidden) hidden[level] += 1;
        if (arranging || !isHidden) bands[level].push(key);
      }
    }
    return { bands, hidden };
  }, [arranged, layout.hidden, arranging]);
}

export function WallBands() {
  const { bands, hidden } = useArrangedBands();
  const series = useConsoleStore((store) => store.series);
  if (countOf(bands) > PAGE_TILES) return <PagedBands bands={bands} hidden={hidden} />;
  return <WholeBands bands={bands} hidden={hidden} series={series} />;
}

function WholeBands({
  bands,
  hidden,
  series,
}: {
  bands: BandKeys;
  hidden: Counts;
  series: Record<string, ConsoleSeries>;
}) {
  // Over every series (hidden ones too): the catalog changes rarely, samples never touch it.
  const parts = useMemo(() => titleParts(Object.values(series)), [series]);
  return <Bands bands={bands} hidden={hidden} parts={parts} />;
}

function PagedBands({ bands, hidden }: { bands: BandKeys; hidden: Counts }) {
  const [search, setSearch] = useState('');
  const [pageNumber, setPageNumber] = useState(0);
  const series = useConsoleStore((store) => store.series);
  const all = useMemo(() => LEVELS.flatMap((level) => bands[level]), [bands]);
  const alerting = useAlerting(all);
  const haystacks = useMemo(() => {
    const text = new Map<string, string>();
    for (const entry of Object.values(series)) {
      text.set(entry.key, `${entry.title} ${entry.key} ${entry.endpointId}`.toLowerCase());
    }
    return text;
  }, [series]);
  const page = useMemo(
    () =>
      pageWall(bands, {
        alerting,
        search,
        haystack: (key) => haystacks.get(key) ?? '',
        page: pageNumber,
      }),
    [bands, alerting, search, haystacks, pageNumber],
  );
  const shown = useMemo(() => LEVELS.flatMap((level) => page.bands[level]), [page.bands]);
  // Titles are told apart among the tiles on screen: a page's names read together.
  const parts = useMemo(
    () => titleParts(shown.flatMap((key) => series[key] ?? [])),
    [shown, series],
  );
  const mounted = useMountedInSlices(shown);
  return (
    <>
      <WallPager
        page={page}
        shown={countOf(page.bands)}
        search={search}
        onSearch={(text) => {
          setSearch(text);
          setPageNumber(0);
        }}
        onPage={setPageNumber}
      />
      <Bands bands={page.bands} hidden={hidden} parts={parts} mounted={mounted} />
    </>
  );
}

/**
 * The page's tiles that exist so far: a new page mounts MOUNT_SLICE tiles a
 * frame (each tile fits its title and value with layout reads), so turning a
 * page is several short tasks, not one long one. Tiles that stay on the page
 * (an alert reordering it) stay mounted.
 */
function useMountedInSlices(keys: string[]): ReadonlySet<string> {
  const [mounted, setMounted] = useState(() => mountMore(keys, new Set()));
  const complete = keys.every((key) => mounted.has(key));
  useEffect(() => {
    if (complete) return;
    const frame = window.requestAnimationFrame(() => setMounted((now) => mountMore(keys, now)));
    return () => window.cancelAnimationFrame(frame);
  }, [keys, mounted, complete]);
  return mounted;
}

function Bands({
  bands,
  hidden,
  parts,
  mounted,
}: {
  bands: BandKeys;
  hidden: Counts;
  parts: Map<string, TitleParts>;
  /** The tiles mounted so far, when a page mounts in slices; the grid is laid out for all. */
  mounted?: ReadonlySet<string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const layout = fitTileGrid(
    LEVELS.map((level) => bands[level].length),
    size.width,
    size.height,
    GAP_PX,
  );
  return (
    <div className="bands" ref={ref}>
      {LEVELS.map((level, index) => (
        <LevelBand
          key={level}
          level={level}
          seriesKeys={bands[level]}
          hiddenCount={hidden[level]}
          columns={layout.columns}
          rows={layout.rows[index] ?? 0}
          parts={parts}
          mounted={mounted}
        />
      ))}
    </div>
  );
}
