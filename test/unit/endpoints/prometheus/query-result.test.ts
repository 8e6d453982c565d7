// What a Prometheus answer means for one series.
import { describe, expect, it } from 'vitest';
import { NO_DATA, readInstant, readRange } from '../../../../endpoints/prometheus/query-result';

describe('readInstant', () => {
  it('takes the one value of a vector or a scalar, at its time in ms', () => {
    expect(
      readInstant({
        resultType: 'vector',
        result: [{ metric: {}, value: [1767268800.5, '41.5'] }],
      }),
    ).toEqual({
      point: [1767268800500, 41.5],
    });
    expect(readInstant({ resultType: 'scalar', result: [1767268800, '3'] })).toEqual({
      point: [1767268800000, 3],
    });
  });

  it('explains why there is no single value', () => {
    expect(readInstant({ resultType: 'vector', result: [] })).toEqual({ problem: NO_DATA });
    const many = readInstant({
      resultType: 'vector',
      result: ['a', 'b', 'c', 'd'].map((i) => ({
        metric: { __name__: 'up', instance: i },
        value: [1, '1'] as [number, string],
      })),
    });
    expect(many).toEqual({
      problem:
        'the query returned 4 series (up{instance="a"}, up{instance="b"}, up{instance="c"}, ...); a tile shows one: aggregate it, e.g. sum(...), avg(...) or max(...)',
    });
    expect(
      readInstant({ resultType: 'vector', result: [{ metric: {}, value: [1, '+Inf'] }] }),
    ).toEqual({
      problem: "the query's value is +Inf, not a finite number (a division by zero?)",
    });
    expect(readInstant({ resultType: 'string', result: [1, 'x'] })).toMatchObject({
      problem: expect.stringContaining('string'),
    });
    expect(readInstant({ resultType: 'matrix', result: [] })).toMatchObject({
      problem: expect.stringContaining('range vector'),
    });
  });
});

describe('readRange', () => {
  it('keeps finite points in order and leaves gaps for NaN', () => {
    expect(
      readRange({
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1, '1'],
              [2, 'NaN'],
              [3, '3'],
            ],
          },
        ],
      }),
    ).toEqual({
      points: [
        [1000, 1],
        [3000, 3],
      ],
    });
    expect(readRange({ resultType: 'matrix', result: [] })).toEqual({ points: [] });
  });

  it('joins series that take turns (a restarted target), but not ones that overlap', () => {
    const turns = readRange({
      resultType: 'matrix',
      result: [
        {
          metric: { pod: 'a' },
          values: [
            [1, '1'],
            [2, '2'],
          ],
        },
        { metric: { pod: 'b' }, values: [[3, '3']] },
      ],
    });
    expect(turns).toEqual({
      points: [
        [1000, 1],
        [2000, 2],
        [3000, 3],
      ],
    });
    const overlap = readRange({
      resultType: 'matrix',
      result: [
        { metric: { pod: 'a' }, values: [[1, '1']] },
        { metric: { pod: 'b' }, values: [[1, '2']] },
      ],
    });
    expect(overlap).toMatchObject({ problem: expect.stringContaining('returned 2 series') });
  });
});
