// Older snapshot formats, brought up to the current one a version at a time.
// Each migration maps a raw document of version N to a raw document of
// version N+1; only the result is validated, against the current schema, so a
// migration need not repeat checks the current schema makes anyway.
//
// Policy (docs/snapshot-format.md, "Versions"): a change a current reader would
// misread bumps the version and adds a migration here; files of every version
// ever released stay readable; a file newer than this console is refused
// with `unsupported-version`, never guessed at.
import { SNAPSHOT_VERSION } from '../../../shared/api/snapshot';
import { SnapshotError } from './snapshot-error';
import type { RawDocument } from './snapshot-parse';
import type { TimeSlicer } from './snapshot-slicer';
import { migrateV0 } from './snapshot-migrate-v0';
import { migrateV1 } from './snapshot-migrate-v1';

export interface Migration {
  from: number;
  /** What the older version was, for the docs and error messages. */
  describe: string;
  up(doc: RawDocument, slicer: TimeSlicer): Promise<RawDocument>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    describe: 'the prototype format: flat meta, points as [time, value] pairs',
    up: migrateV0,
  },
  {
    from: 1,
    describe: 'no history: deployments, releases and links only as they were at export',
    up: migrateV1,
  },
];

export async function migrate(
  doc: RawDocument,
  version: number,
  slicer: TimeSlicer,
): Promise<RawDocument> {
  let current = doc;
  for (let v = version; v < SNAPSHOT_VERSION; v += 1) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) {
      throw new SnapshotError('unsupported-version', `snapshot format version ${v} is not known`);
    }
    current = await step.up(current, slicer);
  }
  return current;
}
