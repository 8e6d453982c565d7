// Properties of the frame decoder: whatever bytes arrive, it never throws,
// and it accepts exactly what the protocol's schemas accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../main/core/links/frame-decoder';
import { endpointNotificationSchema, rpcResponseSchema } from '../../shared/protocol';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const point = fc.tuple(fc.integer({ min: 1e12, max: 2e12 }), finite);
const samples = fc.record({
  jsonrpc: fc.constant('2.0'),
  method: fc.constant('samples'),
  params: fc.record({
    batches: fc.array(
      fc.record({
        series: fc.string({ minLength: 1, maxLength: 20 }),
        points: fc.array(point, { maxLength: 20 }),
      }),
      {
        maxLength: 5,
      },
    ),
  }),
});

/** Breaks a valid frame in one of the ways buggy or hostile endpoints do. */
const mutation = fc.oneof(
  fc.constant((f: Record<string, unknown>) => ({ ...f, jsonrpc: '1.0' })),
  fc.constant((f: Record<string, unknown>) => ({ ...f, params: null })),
  fc.constant((f: Record<string, unknown>) => ({ ...f, method: 'samples.v2' })),
  fc.constant((f: Record<string, unknown>) => {
    const { params: _params, ...rest } = f;
    return rest;
  }),
  fc.constant((f: Record<string, unknown>) => ({
    ...f,
    params: { batches: [{ series: 'cpu', points: [[Date.now(), 'NaN']] }] },
  })),
  fc.constant((f: Record<string, unknown>) => ({
    ...f,
    params: { batches: [{ series: '', points: [] }] },
  })),
);

describe('decodeFrame properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        const result = decodeFrame(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });

  it('never throws on arbitrary JSON, and accepts exactly what the schemas accept', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeFrame(JSON.stringify(value));
        const schemaOk =
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          ('method' in value
            ? endpointNotificationSchema.safeParse(value).success
            : rpcResponseSchema.safeParse(value).success);
        expect(result.ok).toBe(schemaOk);
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts every well-formed samples frame with its points intact', () => {
    fc.assert(
      fc.property(samples, (frame) => {
        const result = decodeFrame(JSON.stringify(frame));
        expect(result.ok).toBe(true);
        if (result.ok && result.kind === 'notification') {
          expect(result.message).toEqual(JSON.parse(JSON.stringify(frame)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects every broken samples frame with a reason', () => {
    fc.assert(
      fc.property(samples, mutation, (frame, mutate) => {
        const result = decodeFrame(JSON.stringify(mutate(frame)));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });
});
