// The renderer's source: never an environment URL when packaged, and the app
// scheme serves files of the renderer folder only.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY, chooseRendererUrl, resolveAppPath } from './app-scheme';

const DIR = '/opt/watchfloor/resources/app.asar/out/renderer';

describe('chooseRendererUrl', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(chooseRendererUrl(true, 'https://evil.example/')).toBe(APP_ENTRY);
    expect(chooseRendererUrl(true, 'http://localhost:5173/')).toBe(APP_ENTRY);
  });

  it('takes a loopback dev server when unpackaged, and nothing else', () => {
    expect(chooseRendererUrl(false, 'http://localhost:5173/')).toBe('http://localhost:5173/');
    expect(chooseRendererUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(chooseRendererUrl(false, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(chooseRendererUrl(false, 'https://evil.example/')).toBe(APP_ENTRY);
    expect(chooseRendererUrl(false, 'http://localhost.evil.example/')).toBe(APP_ENTRY);
    expect(chooseRendererUrl(false, 'file:///tmp/index.html')).toBe(APP_ENTRY);
    expect(chooseRendererUrl(false, undefined)).toBe(APP_ENTRY);
  });

  it('takes a loopback dev server on the default port, IPv6 included', () => {
    expect(chooseRendererUrl(false, 'http://localhost/')).toBe('http://localhost/');
    expect(chooseRendererUrl(false, 'https://127.0.0.1')).toBe('https://127.0.0.1');
    expect(chooseRendererUrl(false, 'http://[::1]:5173/')).toBe('http://[::1]:5173/');
  });

  it('refuses a remote URL that only mentions a loopback one', () => {
    for (const url of [
      'https://evil.example/?next=http://localhost:5173/',
      'https://evil.example/http://127.0.0.1/',
      'javascript:fetch("http://localhost/")',
    ]) {
      expect(chooseRendererUrl(false, url), url).toBe(APP_ENTRY);
    }
  });

  it('is the app scheme, whose origin is real, not file:', () => {
    expect(APP_ENTRY).toBe('app://watchfloor/index.html');
  });
});

describe('resolveAppPath', () => {
  it('maps app://watchfloor/ paths into the renderer folder', () => {
    expect(resolveAppPath(DIR, 'app://watchfloor/')).toBe(join(DIR, 'index.html'));
    expect(resolveAppPath(DIR, 'app://watchfloor/index.html#view=wall')).toBe(
      join(DIR, 'index.html'),
    );
    expect(resolveAppPath(DIR, 'app://watchfloor/assets/index-1.js?v=2')).toBe(
      join(DIR, 'assets/index-1.js'),
    );
    expect(resolveAppPath(DIR, 'app://watchfloor/assets/a%20b.css')).toBe(
      join(DIR, 'assets/a b.css'),
    );
  });

  it('never leaves the folder, however the path is spelt', () => {
    for (const url of [
      'app://watchfloor/../../secrets',
      'app://watchfloor/%2e%2e/%2e%2e/etc/passwd',
      'app://watchfloor/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://watchfloor/%2F%2Fetc%2Fpasswd',
      'app://watchfloor//etc/passwd',
    ]) {
      expect(resolveAppPath(DIR, url)?.startsWith(`${DIR}/`), url).toBe(true);
    }
  });

  it('refuses a path that names the renderer folder itself, which is no file', () => {
    for (const url of [
      'app://watchfloor',
      'app://watchfloor/assets/..%2f',
      'app://watchfloor/%2e%2e%2f%2e%2e',
    ]) {
      expect(resolveAppPath(DIR, url), url).toBeUndefined();
    }
  });

  it('refuses other hosts and schemes, bad escapes, NUL and backslashes', () => {
    for (const url of [
      'app://watchfloor/..%5c..%5cwindows',
      'app://watchfloor/a%00.js',
      'app://watchfloor/%E0%A4%A',
      'app://watchfloor/%',
      'app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppPath(DIR, url), url).toBeUndefined();
    }
  });
});
