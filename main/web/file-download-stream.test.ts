// A download whose file fails after it was found: a read stream that errors
// before it opens earns a 404 like a missing file; one that errors mid-way ends
// the response (its headers are gone, so no status can follow). The stream is a
// stand-in, so the test says exactly when it fails.
import type * as nodeFs from 'node:fs';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir, removeTempDirs } from '../../test/support/temp-dir';
import { serveDownload } from './file-download';
import { parseTarget } from './request-target';

const fs = vi.hoisted(() => ({ stream: undefined as PassThrough | undefined }));
vi.mock('node:fs', async (importOriginal) => ({
  ...(await importOriginal<typeof nodeFs>()),
  createReadStream: () => fs.stream,
}));

const folder = makeTempDir('wf-file-download-');
const file = join(folder, 'a.wfsnap');
writeFileSync(file, 'bytes');
afterAll(removeTempDirs);

/** Just enough of a ServerResponse: headers count as sent once a byte is written. */
class Response extends Writable {
  statusCode = 200;
  headersSent = false;
  body = '';
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.headersSent = true;
    this.body += chunk.toString();
    done();
  }
}

function download(): { res: Response; stream: PassThrough } {
  const stream = new PassThrough();
  fs.stream = stream;
  const res = new Response();
  const target = parseTarget('/files/a.wfsnap?key=k');
  if (!target) throw new Error('target did not parse');
  serveDownload(res as unknown as ServerResponse, target, 'k', () => file);
  return { res, stream };
}

describe('a download whose file fails', () => {
  it('answers 404 when the file cannot be opened', () => {
    const { res, stream } = download();
    stream.emit('error', new Error('EACCES'));
    expect(res.statusCode).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('No such snapshot or report');
    expect(res.writableEnded).toBe(true);
  });

  it('ends the response mid-way, adding nothing, when the read fails after bytes went out', () => {
    const { res, stream } = download();
    stream.emit('open');
    stream.write('by');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    stream.emit('error', new Error('EIO'));
    expect(res.destroyed).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('by');
  });
});
