import { describe, expect, it } from 'vitest';
import { decodeFrame, type DecodedFrame } from './frame-decoder';
import { MAX_FRAME_BYTES, type SeriesInfo } from '../../../shared/protocol';

const frame = (value: unknown) => JSON.stringify(value);
const notification = (method: string, params: unknown) => frame({ jsonrpc: '2.0', method, params });

const cpu: SeriesInfo = {
  id: 'system.cpu.utilization',
  title: 'CPU load',
  level: 'technical',
  unit: '%',
  kind: 'gauge',
  intervalMs: 1000,
  thresholds: { warning: 70, critical: 90, direction: 'above' },
};

function expectError(result: DecodedFrame, pattern: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatch(pattern);
}

describe('decodeFrame: valid frames', () => {
  it('decodes a catalog notification', () => {
    const result = decodeFrame(notification('catalog', { series: [cpu] }));
    expect(result).toEqual({
      ok: true,
      kind: 'notification',
      message: { jsonrpc: '2.0', method: 'catalog', params: { series: [cpu] } },
    });
  });

  it('decodes a samples notification', () => {
    const params = {
      batches: [
        {
          series: 'system.cpu.utilization',
          points: [
            [1000, 41.5],
            [2000, 42],
          ],
        },
      ],
    };
    const result = decodeFrame(notification('samples', params));
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'notification') throw new Error('expected a notification');
    expect(result.message.method).toBe('samples');
    expect(result.message.params).toEqual(params);
  });

  it('decodes a deployments.snapshot notification', () => {
    const params = {
      resourceVersion: 3,
      services: [
        {
          id: 'billing',
          name: 'Billing API',
          environments: [
            {
              id: 'production',
              version: '2.14.0',
              previousVersions: ['2.13.2'],
              status: 'degraded',
              updatedAt: 1,
            },
          ],
        },
      ],
    };
    const result = decodeFrame(notification('deployments.snapshot', params));
    expect(result).toEqual({
      ok: true,
      kind: 'notification',
      message: { jsonrpc: '2.0', method: 'deployments.snapshot', params },
    });
  });

  it.each([
    ['deployments.change', { resourceVersion: 4, removed: 'billing' }],
    ['series.error', { series: 'system.cpu.utilization', message: 'query failed' }],
    [
      'event',
      {
        specversion: '1.0',
        id: 'evt-1',
        source: 'demo',
        type: 'deploy.started',
        time: '2024-05-01T12:00:00Z',
      },
    ],
  ])('decodes a %s notification', (method, params) => {
    expect(decodeFrame(notification(method, params))).toEqual({
      ok: true,
      kind: 'notification',
      message: { jsonrpc: '2.0', method, params },
    });
  });

  it("rejects the old v1 'deployments' method", () => {
    expectError(
      decodeFrame(notification('deployments', { resourceVersion: 1, services: [] })),
      /^invalid 'deployments' notification: method/,
    );
  });

  it('decodes an action.status notification', () => {
    const params = { key: 'key-12345', state: 'running', message: 'rolling back' };
    const result = decodeFrame(notification('action.status', params));
    expect(result).toEqual({
      ok: true,
      kind: 'notification',
      message: { jsonrpc: '2.0', method: 'action.status', params },
    });
  });

  it('decodes a result response', () => {
    const result = decodeFrame(frame({ jsonrpc: '2.0', id: 7, result: { accepted: true } }));
    expect(result).toEqual({
      ok: true,
      kind: 'response',
      message: { jsonrpc: '2.0', id: 7, result: { accepted: true } },
    });
  });

  it('decodes an error response, including one with a null id', () => {
    const error = { code: -32700, message: 'parse error' };
    const result = decodeFrame(frame({ jsonrpc: '2.0', id: null, error }));
    expect(result).toEqual({
      ok: true,
      kind: 'response',
      message: { jsonrpc: '2.0', id: null, error },
    });
  });

  it('accepts a Buffer as well as a string', () => {
    const result = decodeFrame(Buffer.from(notification('catalog', { series: [cpu] }), 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.kind).toBe('notification');
  });

  it('accepts a frame exactly at the size limit', () => {
    const base = frame({ jsonrpc: '2.0', id: 1, result: '' });
    const padded = frame({ jsonrpc: '2.0', id: 1, result: 'x'.repeat(100 - base.length) });
    expect(Buffer.byteLength(padded)).toBe(100);
    expect(decodeFrame(padded, 100).ok).toBe(true);
  });
});

describe('decodeFrame: rejected frames', () => {
  it('rejects a frame over the size limit before parsing it', () => {
    const big = 'x'.repeat(MAX_FRAME_BYTES + 1);
    const result = decodeFrame(big);
    expectError(
      result,
      new RegExp(`frame of ${MAX_FRAME_BYTES + 1} bytes exceeds ${MAX_FRAME_BYTES}`),
    );
  });

  it('measures the size in bytes, not characters', () => {
    // 40 two-byte characters: the frame is 76 characters but 116 bytes long.
    const data = frame({ jsonrpc: '2.0', id: 1, result: 'é'.repeat(40) });
    expect(data.length).toBeLessThan(100);
    expect(Buffer.byteLength(data)).toBeGreaterThan(100);
    expectError(decodeFrame(data, 100), /exceeds 100/);
    expectError(decodeFrame(Buffer.from(data), 100), /exceeds 100/);
  });

  it('rejects malformed JSON', () => {
    expectError(decodeFrame('{"jsonrpc": "2.0",'), /^malformed JSON/);
    expectError(decodeFrame(''), /^malformed JSON/);
  });

  it.each(['null', '42', '"text"', 'true', '[]', '[{"jsonrpc":"2.0","id":1,"result":1}]'])(
    'rejects non-object JSON %s',
    (data) => {
      expectError(decodeFrame(data), /not a JSON object/);
    },
  );

  it('names the path of the first schema problem in a notification', () => {
    const bad = { ...cpu, level: 'galactic' };
    expectError(
      decodeFrame(notification('catalog', { series: [cpu, bad] })),
      /^invalid 'catalog' notification: params\.series\.1\.level: /,
    );
  });

  it('rejects a notification missing its params', () => {
    expectError(
      decodeFrame(frame({ jsonrpc: '2.0', method: 'samples' })),
      /^invalid 'samples' notification: params/,
    );
  });

  it('rejects the wrong jsonrpc version', () => {
    expectError(
      decodeFrame(frame({ jsonrpc: '1.0', method: 'catalog', params: { series: [] } })),
      /^invalid 'catalog' notification: jsonrpc/,
    );
  });

  it('rejects non-finite numbers (1e999 parses to Infinity)', () => {
    const data =
      '{"jsonrpc":"2.0","method":"samples","params":{"batches":[{"series":"a","points":[[1e999,1]]}]}}';
    expectError(
      decodeFrame(data),
      /^invalid 'samples' notification: params\.batches\.0\.points\.0: expected \[time, value\] of finite numbers/,
    );
    const negative =
      '{"jsonrpc":"2.0","method":"deployments.snapshot","params":{"resourceVersion":1,"services":[{"id":"s","name":"S","environments":[{"id":"p","version":"1","previousVersions":[],"status":"healthy","updatedAt":-1e999}]}]}}';
    expectError(decodeFrame(negative), /updatedAt/);
  });

  it('rejects an unknown method and names it', () => {
    expectError(
      decodeFrame(notification('shutdown', {})),
      /^invalid 'shutdown' notification: method/,
    );
  });

  it('rejects an event whose data is nested 6,000 levels deep (12 KB) without overflowing', () => {
    const deep = '{"a":'.repeat(6_000) + '1' + '}'.repeat(6_000);
    const text = `{"jsonrpc":"2.0","method":"event","params":{"specversion":"1.0","id":"e1","source":"x","type":"deploy.started","time":"2026-12-04T21:00:00Z","data":${deep}}}`;
    expectError(decodeFrame(text), /^frame nested deeper than 32 levels/);
  });

  it('rejects event data past the free-form limits and names the field', () => {
    const event = {
      specversion: '1.0',
      id: 'e1',
      source: 'x',
      type: 'deploy.started',
      time: '2026-12-04T21:00:00Z',
      data: { blob: 'x'.repeat(70_000) },
    };
    expectError(
      decodeFrame(notification('event', event)),
      /^invalid 'event' notification: params\.data: larger than 65536 bytes/,
    );
  });

  it('rejects a non-string method without echoing it as a name', () => {
    expectError(
      decodeFrame(frame({ jsonrpc: '2.0', method: 5, params: {} })),
      /^invalid notification: /,
    );
  });

  it('truncates a very long method name in the error', () => {
    const result = decodeFrame(notification('m'.repeat(5000), {}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(400);
  });

  it('rejects a response without result or error', () => {
    expectError(decodeFrame(frame({ jsonrpc: '2.0', id: 1 })), /^invalid response/);
  });

  it('rejects a response with a string id', () => {
    expectError(decodeFrame(frame({ jsonrpc: '2.0', id: 'one', result: 1 })), /^invalid response/);
  });

  it('rejects an error response with a malformed error object', () => {
    expectError(
      decodeFrame(frame({ jsonrpc: '2.0', id: 1, error: { code: 'bad', message: 'x' } })),
      /^invalid response/,
    );
  });

  it('never throws, whatever it is given', () => {
    const inputs: (string | Buffer)[] = [
      '',
      '\u0000',
      '{',
      '{"method":null}',
      '{"method":{"toString":1}}',
      '{"__proto__":{"method":"catalog"}}',
      '{"jsonrpc":"2.0","method":"catalog","params":null}',
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.alloc(0),
    ];
    for (const input of inputs) {
      let result: DecodedFrame | undefined;
      expect(() => {
        result = decodeFrame(input);
      }).not.toThrow();
      expect(result?.ok).toBe(false);
    }
  });
});

describe('decodeFrame: the limits themselves', () => {
  const samples = (series: string) =>
    decodeFrame(notification('samples', { batches: [{ series, points: [[1000, 1]] }] }));

  it('takes a series id of exactly 128 characters and refuses one of 129', () => {
    expect(samples('s'.repeat(128)).ok).toBe(true);
    expectError(samples('s'.repeat(129)), /series: expected an id of 1 to 128 characters/);
    expectError(samples(''), /series: expected an id of 1 to 128 characters/);
  });
});
