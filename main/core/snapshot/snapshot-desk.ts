// Snapshots for both hosts: export the live console to a .wfsnap in the
// snapshots folder, open one for review (points decimated to what a chart
// can show), save notes and annotations back, and render the HTML report.
// The renderer names files only inside that folder, or hands over the bytes.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Points } from '../../../shared/api/series';
import {
  SNAPSHOT_EXTENSION,
  type Snapshot,
  type SnapshotAnnotation,
  type SnapshotSource,
} from '../../../shared/api/snapshot';
import { readSnapshot } from './snapshot-reader';
import { saveSnapshot, writeSnapshot } from './snapshot-writer';
import { minMaxDecimate } from '../../../shared/rules/decimation';
import {
  isSnapshotFileName,
  numberedSnapshotFileName,
  toSnapshotFileName,
} from '../../../shared/rules/snapshot-file-name';
import { DEFAULT_READ_LIMITS, loadCompressed } from './snapshot-inflate';
import { reasonOf } from './snapshot-error';

/** Points per series sent to a reviewing renderer: a chart is a few thousand pixels wide at most. */
const REVIEW_POINTS = 2_000;

export interface SnapshotFile {
  fileName: string;
  path: string;
  size: number;
}

export class SnapshotDesk {
  private readonly opened = new Map<string, Snapshot>();

  constructor(
    private readonly dir: string,
    private readonly live: SnapshotSource,
  ) {}

  async export(options: {
    title: string;
    notes?: string;
    windowMs?: number;
  }): Promise<SnapshotFile> {
    const buffer = await writeSnapshot(this.live, options);
    return this.store(`${stamp()}-${slug(options.title)}${SNAPSHOT_EXTENSION}`, buffer);
  }

  /**
   * Brings a file from elsewhere (command line, File > Open) into the folder;
   * main-process only. The file is read and validated first: nothing that is
   * not a snapshot is ever written, and no file in the folder is replaced.
   */
  async import(path: string): Promise<string> {
    const bytes = await loadCompressed(path, DEFAULT_READ_LIMITS.maxBytes);
    const snapshot = await readSnapshot(bytes);
    const fileName = await this.keep(toSnapshotFileName(basename(path)), bytes);
    this.opened.set(fileName, snapshot);
    return fileName;
  }

  /** A file received as bytes is validated, then kept under its own name or a free " (n)" one. */
  async open(
    source: { fileName: string } | { name: string; data: string },
  ): Promise<Snapshot & { fileName: string }> {
    if ('fileName' in source) {
      const fileName = safeName(source.fileName);
      const snapshot = await readSnapshot(await readFile(join(this.dir, fileName)));
      this.opened.set(fileName, snapshot);
      return { ...snapshot, points: decimate(snapshot.points), fileName };
    }
    const bytes = Buffer.from(source.data, 'base64');
    const snapshot = await readSnapshot(bytes);
    const fileName = await this.keep(safeName(source.name), bytes);
    this.opened.set(fileName, snapshot);
    return { ...snapshot, points: decimate(snapshot.points), fileName };
  }

  /**
   * Writes validated bytes under `wanted`, or, when another file holds that
   * name, under the first free "wanted (n)": the same bytes already there are
   * reused, a different file is never replaced.
   */
  private async keep(wanted: string, bytes: Buffer): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    for (let n = 1; n < 10_000; n += 1) {
      const name = n === 1 ? wanted : numberedSnapshotFileName(wanted, n);
      const existing = await readFile(join(this.dir, name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (existing?.equals(bytes)) return name;
      if (existing) continue;
      try {
        await saveSnapshot(join(this.dir, name), bytes, { exclusive: true });
        return name;
      } catch (err) {
        // Taken between the look and the write: try the next name.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    throw new Error(`no free name for ${wanted} in the snapshots folder`);
  }

  /** Writes the snapshot again with new notes and annotations, under the same name. */
  async annotate(
    fileName: string,
    notes: string,
    annotations: SnapshotAnnotation[],
  ): Promise<SnapshotFile> {
    const snapshot = await this.full(fileName);
    const updated: Snapshot = { ...snapshot, meta: { ...snapshot.meta, notes }, annotations };
    const buffer = await writeSnapshot(sourceOf(updated), {
      title: updated.meta.title,
      notes,
      annotations,
      windowMs: updated.meta.window.to - updated.meta.window.from,
    });
    this.opened.set(safeName(fileName), updated);
    return this.store(safeName(fileName), buffer);
  }

  /** Every failure says why: ECharts' own assertions carry no message. */
  async report(fileName: string): Promise<SnapshotFile> {
    try {
      return await this.writeReport(fileName);
    } catch (err) {
      if (err instanceof Error && err.message.trim()) throw err;
      throw new Error(`the report could not be written: ${reasonOf(err)}`, { cause: err });
    }
  }

  private async writeReport(fileName: string): Promise<SnapshotFile> {
    // Loaded on demand: server-side ECharts is heavy and most sessions never export a report.
    const { renderReportAsync } = await import('./report/report-html');
    const html = await renderReportAsync(await this.full(fileName));
    const name = safeName(fileName).replace(/\.wfsnap$/, '.html');
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, name), html);
    return { fileName: name, path: join(this.dir, name), size: Buffer.byteLength(html) };
  }

  /** The folder's path of a file the web host may serve, or undefined. */
  servable(fileName: string): string | undefined {
    try {
      return join(this.dir, safeName(fileName));
    } catch {
      return undefined;
    }
  }

  private async full(fileName: string): Promise<Snapshot> {
    const name = safeName(fileName);
    const cached = this.opened.get(name);
    if (cached) return cached;
    const snapshot = await readSnapshot(await readFile(join(this.dir, name)));
    this.opened.set(name, snapshot);
    return snapshot;
  }

  private async store(fileName: string, buffer: Buffer): Promise<SnapshotFile> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, fileName);
    await saveSnapshot(path, buffer);
    return { fileName, path, size: (await stat(path)).size };
  }
}

/** Only plain names inside the folder: no paths, no hidden files. */
export function safeName(name: string): string {
  if (!isSnapshotFileName(name)) {
    throw new Error(`not a snapshot file name: ${JSON.stringify(name.slice(0, 80))}`);
  }
  return name;
}

function decimate(points: Record<string, Points>): Record<string, Points> {
  const out: Record<string, Points> = {};
  for (const [key, series] of Object.entries(points)) {
    if (series.t.length <= REVIEW_POINTS) {
      out[key] = series;
      continue;
    }
    const pairs = minMaxDecimate(series, REVIEW_POINTS);
    out[key] = { t: pairs.map((p) => p[0]), v: pairs.map((p) => p[1]) };
  }
  return out;
}

/** A saved snapshot as a source, so notes can be written back with the same writer. */
function sourceOf(snapshot: Snapshot): SnapshotSource {
  return {
    appVersion: snapshot.meta.appVersion,
    operator: () => snapshot.meta.createdBy,
    now: () => snapshot.meta.window.to,
    state: () => snapshot,
    points: (key) => snapshot.points[key] ?? { t: [], v: [] },
    audit: () => snapshot.audit,
  };
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'incident'
  );
}
