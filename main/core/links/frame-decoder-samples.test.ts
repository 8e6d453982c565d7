// The hand-written 'samples' check: its limits sit exactly at 10,000 batches
// and 100,000 points, and every refusal says which part of the frame is wrong.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './frame-decoder';

const samples = (params: unknown, jsonrpc: unknown = '2.0') =>
  decodeFrame(JSON.stringify({ jsonrpc, method: 'samples', params }));

const refusal = (why: string) => ({
  ok: false,
  error: `invalid 'samples' notification: ${why}`,
});

const batch = (points: unknown = [[1000, 1]]) => ({ series: 'system.cpu.utilization', points });

describe("decodeFrame: 'samples' refusals name the part that is wrong", () => {
  it('refuses another jsonrpc version', () => {
    expect(samples({ batches: [] }, '1.0')).toEqual(refusal('jsonrpc: expected "2.0"'));
  });

  it('refuses batches that are not an array', () => {
    expect(samples({ batches: { 0: batch() } })).toEqual(refusal('params.batches: expected array'));
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'system.cpu.utilization'],
    ['an array', ['system.cpu.utilization', [[1000, 1]]]],
  ])('refuses a batch that is %s, and says which', (_name, bad) => {
    expect(samples({ batches: [batch(), bad] })).toEqual(
      refusal('params.batches.1.expected object'),
    );
  });

  it('refuses points that are not an array', () => {
    expect(samples({ batches: [batch({ 0: [1000, 1] })] })).toEqual(
      refusal('params.batches.0.points: expected array'),
    );
  });

  it('refuses a point that is not exactly a [time, value] pair', () => {
    const why = 'params.batches.0.points.1: expected [time, value] of finite numbers';
    expect(
      samples({
        batches: [
          batch([
            [1000, 1],
            [2000, 2, 3],
          ]),
        ],
      }),
    ).toEqual(refusal(why));
    expect(samples({ batches: [batch([[1000, 1], [2000]])] })).toEqual(refusal(why));
  });
});

describe("decodeFrame: 'samples' size limits", () => {
  it('takes 10,000 batches and refuses 10,001', () => {
    const batches = Array.from({ length: 10_000 }, () => batch([]));
    expect(samples({ batches }).ok).toBe(true);
    expect(samples({ batches: [...batches, batch([])] })).toEqual(
      refusal('params.batches: more than 10000'),
    );
  });

  it('takes 100,000 points in a batch and refuses 100,001', () => {
    const points = Array.from({ length: 100_000 }, (_, i) => [i, 1]);
    expect(samples({ batches: [batch(points)] }).ok).toBe(true);
    expect(samples({ batches: [batch([...points, [100_000, 1]])] })).toEqual(
      refusal('params.batches.0.points: more than 100000'),
    );
  });
});
