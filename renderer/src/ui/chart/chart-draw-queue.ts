// One queue for every live chart's data draws, run in animation frames with a
// time budget: when many charts change at once (a delta naming twenty series,
// a wall of a hundred charts), a frame draws what fits and the rest follow in
// the next frames, instead of one long frame that drops input and animation.
// Charts keep their place in the line while they wait, so none starves.

/** Chart drawing allowed per frame, leaving room for style, layout and paint. */
const FRAME_BUDGET_MS = 8;

const queue = new Set<() => void>();
let frame: number | undefined;

function run(): void {
  frame = undefined;
  const began = performance.now();
  for (const draw of queue) {
    queue.delete(draw);
    draw();
    if (performance.now() - began >= FRAME_BUDGET_MS) break;
  }
  if (queue.size > 0) frame = window.requestAnimationFrame(run);
}

/** Queues a draw (once, however often asked) for a coming frame; returns its cancel. */
export function requestDraw(draw: () => void): () => void {
  queue.add(draw);
  frame ??= window.requestAnimationFrame(run);
  return () => queue.delete(draw);
}
