// Init scripts injected into the renderer's page before any of its own code
// runs. They observe without changing the renderer: a WebSocket subclass adds
// its own 'message' listener (registered before the app's onmessage, so it
// sees each frame first), and the 2D context's drawing calls are wrapped.
//
// Plain JavaScript strings, not functions: tsx compiles functions with helpers
// (__name) that do not exist in the page.
import { WEB_RPC_DELTA } from '../shared/api/console-channels';

/**
 * Socket to pixel. For each delta frame (WEB_RPC_DELTA): its arrival time and, per
 * series key, the newest sample's timestamp. For each canvas draw call
 * (ECharts' canvas renderer strokes and fills the line; drawImage and
 * putImageData are watched too, in case a layer is composited): the first
 * draw on a tile's canvas after a delta's arrival resolves every pending
 * sample of that tile's series. Times are performance.timeOrigin +
 * performance.now(), the same wall clock as the endpoint's Date.now().
 *
 * window.__latency.start() clears and starts recording; .stop() returns
 * { latencies, hostMs, pageMs, deltas, samples, undrawn, skewMs }.
 */
export const LATENCY_PROBE = `(() => {
  const DELTA = ${JSON.stringify(WEB_RPC_DELTA)};
  const DELTA_IN_FRAME = ${JSON.stringify(JSON.stringify(WEB_RPC_DELTA))};
  const now = () => performance.timeOrigin + performance.now();
  const state = {
    recording: false, latencies: [], hostMs: [], pageMs: [], deltas: 0, samples: 0,
    points: 0, only: /(?:)/, pending: new Map(), keyOf: new WeakMap(),
  };
  const Native = window.WebSocket;
  class BenchSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (!state.recording || typeof event.data !== 'string') return;
        if (!event.data.includes(DELTA_IN_FRAME)) return;
        const arrival = now();
        let message;
        try { message = JSON.parse(event.data); } catch { return; }
        if (message.method !== DELTA || !message.params || !message.params.points) return;
        state.deltas += 1;
        for (const [key, points] of Object.entries(message.params.points)) {
          state.points += points.t.length;
          if (!state.only.test(key)) continue;
          const t = points.t[points.t.length - 1];
          if (typeof t !== 'number') continue;
          state.samples += 1;
          state.hostMs.push(arrival - t);
          let list = state.pending.get(key);
          if (!list) state.pending.set(key, (list = []));
          list.push({ t, arrival });
        }
      });
    }
  }
  window.WebSocket = BenchSocket;

  const drawn = (canvas) => {
    if (!state.recording || state.pending.size === 0) return;
    let key = state.keyOf.get(canvas);
    if (key === undefined) {
      const tile = canvas.closest ? canvas.closest('[data-testid="tile"]') : null;
      key = tile ? tile.getAttribute('data-series-key') : null;
      if (canvas.isConnected) state.keyOf.set(canvas, key);
    }
    if (!key) return;
    const list = state.pending.get(key);
    if (!list) return;
    const at = now();
    for (const p of list) {
      state.latencies.push(at - p.t);
      state.pageMs.push(at - p.arrival);
    }
    state.pending.delete(key);
  };
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['stroke', 'fill', 'drawImage', 'putImageData']) {
    const original = proto[name];
    proto[name] = function (...args) {
      drawn(this.canvas);
      return original.apply(this, args);
    };
  }

  window.__latency = {
    /** Latencies of the series whose key matches the pattern \`only\` (all by default). */
    start(only = '') {
      state.latencies = []; state.hostMs = []; state.pageMs = [];
      state.deltas = 0; state.samples = 0; state.points = 0; state.only = new RegExp(only);
      state.pending.clear();
      state.recording = true;
    },
    stop() {
      state.recording = false;
      let undrawn = 0;
      for (const list of state.pending.values()) undrawn += list.length;
      return {
        latencies: state.latencies, hostMs: state.hostMs, pageMs: state.pageMs,
        deltas: state.deltas, samples: state.samples, points: state.points, undrawn,
        skewMs: Date.now() - now(),
      };
    },
  };
})();`;

/**
 * Long tasks (over 50 ms by definition) on the page's main thread, with their
 * start times; and long animation frames over 50 ms with what ran in them
 * (each script's invoker: a rAF callback, a timer, the socket's onmessage…),
 * to say where the long tasks come from.
 */
export const LONG_TASK_PROBE = `(() => {
  const tasks = [];
  const frames = [];
  window.__longTasks = tasks;
  window.__longFrames = frames;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration <= 50) continue;
        frames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderMs: entry.startTime + entry.duration - entry.renderStart,
          styleAndLayoutMs: entry.startTime + entry.duration - entry.styleAndLayoutStart,
          scripts: (entry.scripts || []).map((script) => ({
            invoker: script.invoker,
            invokerType: script.invokerType,
            duration: script.duration,
            forcedStyleAndLayoutDuration: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No long-animation-frame entries in this browser: long tasks only.
  }
})();`;
