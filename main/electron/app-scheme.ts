// Where the desktop renderer comes from, as pure decisions. Packaged builds
// load it from `app://watchfloor/`, a standard, secure scheme whose origin is
// real (file:// has the origin "null", which every file shares, so an origin
// test over it proves nothing); a dev server URL is honoured only unpackaged.
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'watchfloor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The renderer's URL: the dev server's only when running unpackaged, else the app scheme. */
export function chooseRendererUrl(packaged: boolean, devServerUrl: string | undefined): string {
  if (packaged || !devServerUrl) return APP_ENTRY;
  return /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(devServerUrl)
    ? devServerUrl
    : APP_ENTRY;
}

/**
 * The file inside `rendererDir` an `app://watchfloor/...` request names, or
 * undefined: another host, a malformed escape, a NUL byte, or any path that
 * would leave the folder (`..`, encoded `%2e%2e%2f`, backslashes, absolute).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const inside = normalize(path === '/' ? '/index.html' : path).replace(/^[/\\]+/, '');
  const root = normalize(rendererDir);
  const file = join(root, inside);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return undefined;
  return file;
}
