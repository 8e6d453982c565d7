// The app scheme's Electron wiring under plain Node: Electron is replaced by a
// recorder, so the handler can be called with requests as Electron would.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (request: { url: string }) => Response | Promise<Response>;
const electron = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, Handler>(),
  fetch: vi.fn((url: string) => Promise.resolve(new Response(`file at ${url}`))),
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: electron.registerSchemesAsPrivileged,
    handle: (scheme: string, handler: Handler) => electron.handlers.set(scheme, handler),
  },
  net: { fetch: electron.fetch },
}));

const { registerAppScheme, serveAppScheme } = await import('./app-protocol');

const DIR = '/opt/watchfloor/resources/out/renderer';

beforeEach(() => {
  electron.handlers.clear();
  electron.fetch.mockClear();
  electron.registerSchemesAsPrivileged.mockClear();
});

describe('registerAppScheme', () => {
  it('makes app: standard (real origin), secure and fetchable, and nothing more', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged.mock.calls).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
  });
});

describe('serveAppScheme', () => {
  /** Serves DIR and sends one request through the handler Electron was given. */
  async function request(url: string): Promise<Response> {
    serveAppScheme(DIR);
    const handler = electron.handlers.get('app');
    if (!handler) throw new Error('no handler for the app scheme');
    return handler({ url });
  }

  it('serves a renderer file from disk through its file: URL', async () => {
    const response = await request('app://watchfloor/assets/a%20b.css?v=2');
    expect(electron.fetch.mock.calls).toEqual([[`file://${DIR}/assets/a%20b.css`]]);
    expect(await response.text()).toBe(`file at file://${DIR}/assets/a%20b.css`);
  });

  it('answers 404 without touching the disk for anything outside the renderer', async () => {
    for (const url of ['app://other/index.html', 'app://watchfloor/a%00.js', 'app://watchfloor']) {
      const response = await request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe('Not found');
    }
    expect(electron.fetch).not.toHaveBeenCalled();
  });
});
