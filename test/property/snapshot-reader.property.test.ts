// Properties of the snapshot reader on untrusted files: whatever the bytes,
// it either returns a valid snapshot or throws a SnapshotError with a reason —
// never another exception, never a half-read snapshot.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotError, readSnapshot } from '../../main/core/snapshot/snapshot-reader';
import { writeSnapshot } from '../../main/core/snapshot/snapshot-writer';
import { SNAPSHOT_ERROR_REASONS, type SnapshotSource } from '../../shared/api/snapshot';

const T0 = 1_800_000_000_000;

function source(values: number[]): SnapshotSource {
  const series = {
    key: 'demo/cpu',
    endpointId: 'demo',
    id: 'cpu',
    title: 'CPU <b>load</b>',
    level: 'technical' as const,
    unit: '%',
    kind: 'gauge' as const,
    intervalMs: 1000,
  };
  return {
    appVersion: 'test',
    operator: () => 'ana',
    now: () => T0 + values.length * 1000,
    state: () => ({
      endpoints: [{ id: 'demo', url: 'ws://127.0.0.1:1', name: 'Demo', state: 'open' as const }],
      series: [series],
      deployments: [],
      actions: [],
      events: [],
      alerts: [],
      alertTimeline: [],
    }),
    points: () => ({ t: values.map((_, i) => T0 + i * 1000), v: values }),
    audit: () => [],
  };
}

async function outcome(bytes: Uint8Array): Promise<'ok' | string> {
  try {
    const snapshot = await readSnapshot(bytes);
    expect(snapshot.meta.title.length).toBeGreaterThan(0);
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(SnapshotError);
    expect(SNAPSHOT_ERROR_REASONS).toContain((err as SnapshotError).reason);
    return (err as SnapshotError).reason;
  }
}

describe('readSnapshot properties', () => {
  it('refuses arbitrary bytes with a reason, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expect(await outcome(bytes)).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses gzip of arbitrary JSON that is not a snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await outcome(gzipSync(JSON.stringify(value)))).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });

  const roundTrip = fc.asyncProperty(
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), {
      minLength: 1,
      maxLength: 200,
    }),
    fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    async (values, cut) => {
      const bytes = await writeSnapshot(source(values), { title: 'Incident', windowMs: 3_600_000 });
      const snapshot = await readSnapshot(bytes);
      // toEqual tells -0 from 0, as a chart's tooltip would ("-0").
      expect(snapshot.points['demo/cpu']?.v).toEqual(values);
      const truncated = bytes.subarray(0, Math.floor(bytes.length * cut));
      expect(await outcome(truncated)).not.toBe('ok');
    },
  );

  it('reads back every snapshot it wrote, and refuses every truncation of it', async () => {
    await fc.assert(roundTrip, { numRuns: 60 });
  });

  it('keeps -0 through the round trip (regression: seed -210529603 once turned it into 0)', async () => {
    await fc.assert(roundTrip, { seed: -210529603, numRuns: 60 });
    await fc.assert(roundTrip, {
      numRuns: 1,
      examples: [
        [[-0], 0.5],
        [[1.5, -0, 2], 0.5],
        [[-0, -0], 0.9],
      ],
    });
  });
});
