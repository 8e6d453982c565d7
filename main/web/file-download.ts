// `/files/<name>?key=<file key>`: a snapshot or report this session wrote,
// served as an attachment. Any fault (bad escape, missing file, a folder in
// its place, a read error mid-stream) ends that response only.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ServerResponse } from 'node:http';
import { SNAPSHOT_DOWNLOAD_ROUTE } from '../../shared/api/snapshot-files';
import { decodeSegment, type RequestTarget } from './request-target';
import { FILE_KEY_PARAM, safeEqual } from './session-credential';
import { refuse } from './http-refusal';

export const isDownload = (target: RequestTarget): boolean =>
  target.path.startsWith(SNAPSHOT_DOWNLOAD_ROUTE);

export function serveDownload(
  res: ServerResponse,
  target: RequestTarget,
  fileKey: string,
  files: ((fileName: string) => string | undefined) | undefined,
): void {
  if (!safeEqual(target.params.get(FILE_KEY_PARAM), fileKey)) {
    return refuse(res, 401, 'Watchfloor: this download needs its session key.');
  }
  const segment = target.path.slice(SNAPSHOT_DOWNLOAD_ROUTE.length);
  const name = segment.includes('/') ? undefined : decodeSegment(segment);
  if (!name) return refuse(res, 400, 'Watchfloor: not a file name.');
  const path = files?.(name);
  if (!path || !isFile(path)) return refuse(res, 404, 'No such snapshot or report');
  const stream = createReadStream(path);
  stream.once('error', () => {
    if (res.headersSent) res.destroy();
    else refuse(res, 404, 'No such snapshot or report');
  });
  stream.once('open', () => {
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Disposition', attachment(basename(path)));
    stream.pipe(res);
  });
}

/** An ASCII fallback and the exact UTF-8 name (RFC 6266): a header never carries raw Unicode or quotes. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
