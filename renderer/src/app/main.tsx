// Renderer entry. The renderer's code is evaluated in stages, each in a task
// of its own, not as one script: evaluating the whole 2.4 MB bundle at once
// was the load's longest task. First the host bridge with the wire schemas it
// checks every frame with (zod), so the session token can be taken; then
// React; then the console (console-start.tsx); ECharts follows in a chunk of
// its own (ui/chart/chart-engine.ts). Styles stay in the page's one stylesheet.
import { nextTask } from '../store/next-task';
import './console.css';

const container = document.getElementById('root');
if (!container) throw new Error('Watchfloor: #root is missing from index.html');

/** Loads a stage in a new task, so compiling and evaluating it do not lengthen the last one. */
async function stage<T>(load: () => Promise<T>): Promise<T> {
  await nextTask();
  return load();
}

async function boot(root: HTMLElement): Promise<void> {
  const { takeSessionToken } = await import('../bridge/browser-bridge');
  // In browser mode the token leaves the address bar before anything else runs.
  if (!window.watchfloor && takeSessionToken() === undefined) {
    root.textContent =
      'Watchfloor: this address needs its session token. Open the address browser mode printed.';
    return;
  }
  // Evaluated here for a task of its own; console-start.tsx uses it.
  await stage(() => import('react-dom/client'));
  const { startConsole } = await stage(() => import('./console-start'));
  await nextTask();
  startConsole(root);
}

boot(container).catch((error: unknown) => {
  console.error('Watchfloor: the console did not load', error);
  container.textContent = 'Watchfloor: the console did not load. Reload the page to try again.';
});
