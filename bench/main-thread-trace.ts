// Where a page's main thread goes by kind of work, from a Chrome trace: script
// (FunctionCall, timers, animation frames), the compositor commit, layerize,
// paint, layout, garbage collection. A CPU profile names JS functions but puts
// the browser's own work in one "(program)" bucket; the trace splits it.
import type { CDPSession } from 'playwright';
import { round1, round2, sleep } from './browser-harness';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface MainThreadTrace {
  seconds: number;
  /** Share of the window in top-level tasks. */
  busyPercent: number;
  /** Events directly under a task, by name: share of the window, count a second, mean ms. */
  byEvent: { name: string; percent: number; perSecond: number; meanMs: number }[];
}

async function collect(cdp: CDPSession, seconds: number): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await sleep(seconds * 1000);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/** Traces the page for `seconds` and splits its main thread's busy time by event. */
export async function traceMainThread(cdp: CDPSession, seconds: number): Promise<MainThreadTrace> {
  const events = await collect(cdp, seconds);
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!thread) throw new Error('the trace has no renderer main thread');
  const own = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts);
  const tasks = own.filter((e) => e.name === 'RunTask');
  const windowUs = seconds * 1e6;
  const byName = new Map<string, { total: number; count: number }>();
  // Only events directly inside a task: nested ones are in their parent's time.
  let taskEnd = -1;
  let childEnd = -1;
  for (const event of own) {
    const end = event.ts + (event.dur ?? 0);
    if (event.name === 'RunTask') {
      taskEnd = end;
      childEnd = -1;
      continue;
    }
    if (event.ts >= taskEnd || event.ts < childEnd) continue;
    childEnd = end;
    const sum = byName.get(event.name) ?? { total: 0, count: 0 };
    sum.total += event.dur ?? 0;
    sum.count += 1;
    byName.set(event.name, sum);
  }
  const busy = tasks.reduce((sum, e) => sum + (e.dur ?? 0), 0);
  return {
    seconds,
    busyPercent: round1((busy / windowUs) * 100),
    byEvent: [...byName]
      .sort((a, b) => b[1].total - a[1].total)
      .slice(0, 12)
      .map(([name, { total, count }]) => ({
        name,
        percent: round1((total / windowUs) * 100),
        perSecond: round1(count / seconds),
        meanMs: round2(total / count / 1000),
      })),
  };
}
