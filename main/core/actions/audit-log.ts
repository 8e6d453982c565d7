// The audit log: every action and every transition, appended to a JSONL file
// and fsync'd before the append returns, so a crash or kill -9 loses nothing
// that was reported written. One write() per line keeps entries whole; a torn
// last line (power loss mid-write) is skipped and reported on open.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { auditEntrySchema, type AuditEntry, type AuditQuery } from '../../../shared/api/audit';

export const AUDIT_FILE = 'audit.jsonl';

export class AuditWriteError extends Error {}

export class AuditLog {
  private fd: number | undefined;
  private seq = 0;
  private readonly recent: AuditEntry[] = [];
  /** Entries that could not be written yet: retried on the next append, never dropped. */
  private readonly unwritten: AuditEntry[] = [];
  private endTornLine = false;
  readonly path: string;
  /** What opening found wrong with the file, for the operator. */
  readonly notice: string | undefined;

  constructor(
    dir: string,
    private readonly keepInMemory = 5_000,
  ) {
    this.path = join(dir, AUDIT_FILE);
    const { entries, skipped, torn } = readEntries(this.path);
    // A torn last line must not swallow the next entry: end it first.
    this.endTornLine = torn;
    this.seq = entries.at(-1)?.seq ?? 0;
    this.recent.push(...entries.slice(-keepInMemory));
    this.notice = skipped
      ? `The audit log had ${skipped} unreadable line(s) (a torn write?); they were skipped, the rest is intact.`
      : undefined;
  }

  private open(): number {
    // Made on first write, not on open: a console on a read-only disk still starts.
    makeFolder(dirname(this.path));
    return openSync(this.path, 'a', 0o600);
  }

  /** Appends and fsyncs; throws AuditWriteError (the entry is kept and retried) when the disk refuses. */
  append(entry: Omit<AuditEntry, 'seq'>): AuditEntry {
    const full = auditEntrySchema.parse({ ...entry, seq: ++this.seq });
    this.recent.push(full);
    if (this.recent.length > this.keepInMemory) this.recent.shift();
    this.unwritten.push(full);
    this.flush();
    return full;
  }

  get pendingWrites(): number {
    return this.unwritten.length;
  }

  /** Newest first. */
  query(query: AuditQuery = {}): AuditEntry[] {
    const text = query.text?.toLowerCase();
    const out: AuditEntry[] = [];
    for (let i = this.recent.length - 1; i >= 0 && out.length < (query.limit ?? 500); i -= 1) {
      const entry = this.recent[i] as AuditEntry;
      if (query.action && entry.action !== query.action) continue;
      if (query.state && entry.state !== query.state) continue;
      if (query.since && Date.parse(entry.at) < query.since) continue;
      if (query.until && Date.parse(entry.at) > query.until) continue;
      if (text && !JSON.stringify(entry).toLowerCase().includes(text)) continue;
      out.push(entry);
    }
    return out;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    try {
      this.fd ??= this.open();
      if (this.endTornLine) {
        writeFully(this.fd, Buffer.from('\n'));
        this.endTornLine = false;
      }
      while (this.unwritten.length) {
        const line = Buffer.from(`${JSON.stringify(this.unwritten[0])}\n`);
        writeFully(this.fd, line);
        fsyncSync(this.fd);
        this.unwritten.shift();
      }
    } catch (err) {
      this.close();
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw new AuditWriteError(
        `audit log ${this.path} not writable (${code || (err as Error).message}): ${this.unwritten.length} entr${this.unwritten.length === 1 ? 'y' : 'ies'} held in memory and retried`,
        { cause: err },
      );
    }
  }
}

/** mkdir -p one level at a time: a recursive mkdir reports ENOENT where the cause is EROFS or EACCES. */
function makeFolder(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeFolder(parent);
  try {
    mkdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

function writeFully(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

function readEntries(path: string): { entries: AuditEntry[]; skipped: number; torn: boolean } {
  // Not a regular file (a device, say): nothing to read back.
  if (!existsSync(path) || !statSync(path).isFile())
    return { entries: [], skipped: 0, torn: false };
  const text = readFileSync(path, 'utf8');
  const entries: AuditEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(auditEntrySchema.parse(JSON.parse(line)));
    } catch {
      skipped += 1;
    }
  }
  return { entries, skipped, torn: text.length > 0 && !text.endsWith('\n') };
}
