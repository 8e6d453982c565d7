// Turns one raw WebSocket frame from an endpoint into a validated message, or
// a clear reason why not. Never throws: a bad frame must not take a link down.
import {
  MAX_FRAME_BYTES,
  endpointNotificationSchema,
  rpcResponseSchema,
  type EndpointNotification,
  type RpcResponse,
} from '../../shared/protocol';

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
