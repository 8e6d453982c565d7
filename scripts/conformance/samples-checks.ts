// §5 samples, §6 series errors and §8 events: valid frames, points in order
// and in time, only for catalogued series, and live data that keeps series fresh.
import type { SampleBatch, SeriesInfo } from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import { describeFrame, type CheckedFrame } from './frame-check';
import { params, type KitSession } from './kit-session';

const OLDEST_MS = 1e12;
const AHEAD_MS = 24 * 3_600_000;

interface Walk {
  unknownSeries: Set<string>;
  notIncreasing: string[];
  acrossFrames: string[];
  absurd: string[];
  /** Last time per series, and when its latest frame arrived. */
  last: Map<string, { time: number; at: number }>;
  catalog: Map<string, SeriesInfo>;
  errored: Set<string>;
}

export function checkSamples(session: KitSession, list: CheckList): void {
  const frames = session.notifications();
  const mine = frames.filter((f) => ['samples', 'series.error', 'event'].includes(f.method ?? ''));
  const bad = mine.filter((f) => f.schema.length > 0);
  list.expect(
    '§5/§6/§8 every samples, series.error and event frame matches its schema',
    bad[0] ? `${bad.length} invalid: ${describeFrame(bad[0])}` : undefined,
    `${mine.length} frame(s)`,
  );
  if (!session.roles.includes('metrics')) {
    list.skip('§5 samples', 'the endpoint does not announce the metrics role');
    return;
  }
  const walk = walkFrames(frames, skewOf(session));
  const sample = (items: string[]) => items.slice(0, 3).join('; ');
  list.expect(
    '§5 a series is in the catalog before its first samples',
    walk.unknownSeries.size === 0
      ? undefined
      : `samples for ${[...walk.unknownSeries].slice(0, 5).join(', ')}`,
  );
  list.expect(
    '§5 times strictly increase within a batch',
    walk.notIncreasing.length === 0 ? undefined : sample(walk.notIncreasing),
  );
  list.expect(
    '§5 each series’ points are later than the ones already sent on the connection',
    walk.acrossFrames.length === 0 ? undefined : sample(walk.acrossFrames),
  );
  list.expect(
    '§5 times are epoch milliseconds, after 2001-09-09 and at most 24 h ahead',
    walk.absurd.length === 0 ? undefined : sample(walk.absurd),
  );
  const errorsUnknown = [...walk.errored].filter((id) => !walk.catalog.has(id));
  list.expect(
    '§6 series.error names a series of the catalog',
    errorsUnknown.length === 0 ? undefined : errorsUnknown.slice(0, 5).join(', '),
  );
  checkFreshness(session, list, walk);
}

function skewOf(session: KitSession): number {
  const hello = session.main?.frames[session.helloIndex];
  return hello && session.hello ? Math.max(0, session.hello.clock - hello.at) : 0;
}

function walkFrames(frames: CheckedFrame[], skew: number): Walk {
  const walk: Walk = {
    unknownSeries: new Set(),
    notIncreasing: [],
    acrossFrames: [],
    absurd: [],
    last: new Map(),
    catalog: new Map(),
    errored: new Set(),
  };
  for (const frame of frames) {
    if (frame.schema.length > 0) continue;
    if (frame.method === 'catalog') {
      const { series, replace } = params<{ series: SeriesInfo[]; replace?: boolean }>(frame);
      if (replace) walk.catalog.clear();
      for (const info of series) walk.catalog.set(info.id, info);
    } else if (frame.method === 'series.error') {
      walk.errored.add(params<{ series: string }>(frame).series);
    } else if (frame.method === 'samples') {
      for (const batch of params<{ batches: SampleBatch[] }>(frame).batches) {
        walkBatch(walk, batch, frame.at, skew);
      }
    }
  }
  return walk;
}

function walkBatch(walk: Walk, batch: SampleBatch, at: number, skew: number): void {
  if (!walk.catalog.has(batch.series)) walk.unknownSeries.add(batch.series);
  const before = walk.last.get(batch.series)?.time;
  let previous: number | undefined;
  for (const [time] of batch.points) {
    if (previous !== undefined && time <= previous) {
      walk.notIncreasing.push(`${batch.series}: ${time} after ${previous}`);
    }
    if (time < OLDEST_MS || time > at + AHEAD_MS + skew) {
      walk.absurd.push(`${batch.series}: ${time}`);
    }
    previous = time;
  }
  const first = batch.points[0]?.[0];
  if (before !== undefined && first !== undefined && first <= before) {
    walk.acrossFrames.push(`${batch.series}: ${first} after ${before} in an earlier frame`);
  }
  if (previous !== undefined) {
    walk.last.set(batch.series, { time: Math.max(previous, before ?? previous), at });
  }
}

/** Live samples during the watch, and no series left to go stale (3 intervals without a point). */
function checkFreshness(session: KitSession, list: CheckList, walk: Walk): void {
  const live = session.notifications('samples').slice(1);
  list.advise(
    '§3 live samples follow the backfill',
    live.length > 0 || walk.catalog.size === 0 ? undefined : 'no samples frame after the first one',
    `${live.length} live frame(s) in ${session.options.watchMs} ms`,
  );
  const watched = session.options.watchMs;
  const due = [...walk.catalog.values()].filter((s) => 3 * s.intervalMs <= watched);
  const stale = due.filter((s) => !walk.last.has(s.id) && !walk.errored.has(s.id)).map((s) => s.id);
  if (due.length === 0) {
    list.skip(
      '§4/§5 every series gets a point within 3 intervals',
      `no series has 3 intervals within the ${watched} ms watch`,
    );
    return;
  }
  list.advise(
    '§4/§5 every series gets a point (or a series.error) within 3 intervals',
    stale.length === 0
      ? undefined
      : `stale on the wall: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`,
    `${due.length} series checked`,
  );
}
