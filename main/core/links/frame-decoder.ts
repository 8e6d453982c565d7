// Turns one raw WebSocket frame from an endpoint into a validated message, or
// a clear reason why not. Never throws: a bad frame must not take a link down.
import {
  MAX_FRAME_BYTES,
  frameDepthProblem,
  endpointNotificationSchema,
  rpcResponseSchema,
  type EndpointNotification,
  type RpcResponse,
} from '../../../shared/protocol';

export type DecodedFrame =
  | { ok: true; kind: 'notification'; message: EndpointNotification }
  | { ok: true; kind: 'response'; message: RpcResponse }
  | { ok: false; error: string };

export function decodeFrame(data: string | Buffer, maxBytes = MAX_FRAME_BYTES): DecodedFrame {
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (size > maxBytes) return { ok: false, error: `frame of ${size} bytes exceeds ${maxBytes}` };
  let value: unknown;
  try {
    value = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch (err) {
    return { ok: false, error: `malformed JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'frame is not a JSON object' };
  }
  if ('method' in value && (value as { method: unknown }).method === 'samples') {
    return decodeSamples(value);
  }
  const tooDeep = frameDepthProblem(value);
  if (tooDeep) return { ok: false, error: `frame ${tooDeep}` };
  if ('method' in value) {
    const parsed = endpointNotificationSchema.safeParse(value);
    if (parsed.success) return { ok: true, kind: 'notification', message: parsed.data };
    return { ok: false, error: `invalid ${describeMethod(value)}: ${firstIssue(parsed.error)}` };
  }
  const parsed = rpcResponseSchema.safeParse(value);
  if (parsed.success) return { ok: true, kind: 'response', message: parsed.data };
  return { ok: false, error: `invalid response: ${firstIssue(parsed.error)}` };
}

function describeMethod(value: object): string {
  const method = (value as { method?: unknown }).method;
  return typeof method === 'string' ? `'${method.slice(0, 64)}' notification` : 'notification';
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'does not match the schema';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

const MAX_BATCHES = 10_000;
const MAX_POINTS = 100_000;

/**
 * Samples are most of the traffic: checked by a tight loop instead of the
 * schema library, with exactly samplesParamsSchema's rules (the property
 * tests hold the two to the same verdicts).
 */
function decodeSamples(value: object): DecodedFrame {
  const fail = (why: string): DecodedFrame => ({
    ok: false,
    error: `invalid 'samples' notification: ${why}`,
  });
  const frame = value as { jsonrpc?: unknown; params?: unknown };
  if (frame.jsonrpc !== '2.0') return fail('jsonrpc: expected "2.0"');
  const params = frame.params as { batches?: unknown } | null;
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    return fail('params: expected object');
  const batches = params.batches;
  if (!Array.isArray(batches)) return fail('params.batches: expected array');
  if (batches.length > MAX_BATCHES) return fail(`params.batches: more than ${MAX_BATCHES}`);
  for (let b = 0; b < batches.length; b += 1) {
    const why = checkBatch(batches[b]);
    if (why) return fail(`params.batches.${b}.${why}`);
  }
  return { ok: true, kind: 'notification', message: value as EndpointNotification };
}

function checkBatch(batch: unknown): string | undefined {
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) return 'expected object';
  const { series, points } = batch as { series?: unknown; points?: unknown };
  if (typeof series !== 'string' || series.length < 1 || series.length > 128) {
    return 'series: expected an id of 1 to 128 characters';
  }
  if (!Array.isArray(points)) return 'points: expected array';
  if (points.length > MAX_POINTS) return `points: more than ${MAX_POINTS}`;
  for (let i = 0; i < points.length; i += 1) {
    const point = points[i] as unknown;
    if (
      !Array.isArray(point) ||
      point.length !== 2 ||
      !Number.isFinite(point[0]) ||
      !Number.isFinite(point[1])
    ) {
      return `points.${i}: expected [time, value] of finite numbers`;
    }
  }
  return undefined;
}
