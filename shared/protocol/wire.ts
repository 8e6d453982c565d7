// The wire's fixed facts: subprotocol, frame limit, JSON-RPC error codes and
// WebSocket close codes. Documented in docs/protocol.md.
export const SUBPROTOCOL = 'watchfloor.v1';
/** Frames larger than this are refused before parsing (bytes); the socket closes with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** JSON-RPC 2.0 standard error codes, plus ours from -32000 down. */
export const RPC_ERRORS = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  idempotencyConflict: -32001,
  actionUnsupported: -32002,
  unknownAction: -32004,
  displayProfile: -32010,
} as const;

/** WebSocket close codes: RFC 6455's, plus the 4xxx codes this protocol defines. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  policy: 1008,
  tooBig: 1009,
  authFailed: 4001,
  versionMismatch: 4002,
  slowConsumer: 4003,
  tooManySeries: 4004,
} as const;
