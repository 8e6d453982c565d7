// The window lock under plain Node: Electron is replaced by a recorder, so the
// handlers lockDownWebContents installs can be called as Electron would.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const electron = vi.hoisted(() => ({
  appListeners: new Map<string, (event: unknown, contents: unknown) => void>(),
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  openExternal: vi.fn(() => Promise.resolve()),
}));

vi.mock('electron', () => ({
  app: {
    on: (name: string, fn: (event: unknown, contents: unknown) => void) =>
      electron.appListeners.set(name, fn),
  },
  shell: { openExternal: electron.openExternal },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: (...args: unknown[]) => void) =>
        (electron.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) =>
        (electron.permissionCheck = fn),
    },
  },
}));

const { lockDownWebContents } = await import('./window-security');

/** A WebContents that records the handlers given to it. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: Listener | undefined;
  const contents = {
    setWindowOpenHandler: (fn: Listener) => (windowOpen = fn),
    on: (name: string, fn: Listener) => listeners.set(name, fn),
  };
  electron.appListeners.get('web-contents-created')?.({}, contents);
  /** Emits a will-* event; true when the handler prevented it. */
  const emit = (name: string, url?: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { open: (url: string) => windowOpen?.({ url }), emit };
}

const isAppUrl = (url: string) => url.startsWith('app://watchfloor/');

beforeEach(() => {
  electron.appListeners.clear();
  electron.openExternal.mockClear();
  lockDownWebContents(isAppUrl);
});

describe('window security', () => {
  it('grants notifications and refuses every other permission, asked or checked', () => {
    const asked = (permission: string) => {
      let granted: boolean | undefined;
      electron.permissionRequest?.({}, permission, (ok: boolean) => (granted = ok));
      return granted;
    };
    expect(asked('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      expect(asked(permission)).toBe(false);
      expect(electron.permissionCheck?.({}, permission)).toBe(false);
    }
    expect(electron.permissionCheck?.({}, 'notifications')).toBe(true);
  });

  it('opens no window, and hands only http(s) links to the system browser', () => {
    const { open } = fakeContents();
    for (const url of ['https://example.com/runbook', 'http://example.com/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    for (const url of [
      'file:///etc/passwd',
      'smb://host/share',
      'javascript:alert(1)',
      'app://watchfloor/x',
      'ms-msdt:/id',
      'file:///tmp/https://example.com/',
      'javascript:fetch("http://evil.example/")',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.openExternal.mock.calls).toEqual([
      ['https://example.com/runbook'],
      ['http://example.com/'],
    ]);
  });

  it('prevents navigation and redirects away from the app, and every webview', () => {
    const { emit } = fakeContents();
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(emit(name, 'https://evil.example/')).toBe(true);
      expect(emit(name, 'file:///etc/passwd')).toBe(true);
      expect(emit(name, 'app://watchfloor/index.html')).toBe(false);
    }
    expect(emit('will-attach-webview')).toBe(true);
  });
});
